#include "kubernetes/secret_redactor.h"

namespace gclint::kubernetes {
namespace {

void redact(model::Value& value) { value = model::Value::of_string(kRedacted, value.span); }

}  // namespace

void redact_secret_data(model::Value& document) {
  for (const char* field : {"data", "stringData", "binaryData"}) {
    model::Value* data = document.get(field);
    if (data == nullptr || data->is_null()) continue;
    if (data->is_map()) {
      for (auto& entry : data->entries) redact(entry.value);
    } else {
      redact(*data);
    }
  }
  model::Value* metadata = document.get("metadata");
  model::Value* annotations = metadata != nullptr ? metadata->get("annotations") : nullptr;
  if (annotations != nullptr && annotations->is_map()) {
    model::Value* last_applied = annotations->get("kubectl.kubernetes.io/last-applied-configuration");
    if (last_applied != nullptr) redact(*last_applied);
  }
}

}  // namespace gclint::kubernetes
