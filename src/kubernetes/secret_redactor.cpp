#include "kubernetes/secret_redactor.h"

#include <set>
#include <string>

namespace gclint::kubernetes {
namespace {

void redact(model::Value& value) { value = model::Value::of_string(kRedacted, value.span); }

void collect_strings(const model::Value& value, std::set<std::string>& out) {
  if (value.is_string()) out.insert(value.text);
  for (const auto& item : value.items) collect_strings(item, out);
  for (const auto& entry : value.entries) collect_strings(entry.value, out);
}

/// YAML aliases (or plain repetition) can copy a data value elsewhere in the object; redact those copies too.
void redact_copies(model::Value& value, const std::set<std::string>& secrets) {
  if (value.is_string() && secrets.count(value.text) != 0) redact(value);
  for (auto& item : value.items) redact_copies(item, secrets);
  for (auto& entry : value.entries) redact_copies(entry.value, secrets);
}

}  // namespace

void redact_secret_data(model::Value& document) {
  std::set<std::string> secrets;
  for (const char* field : {"data", "stringData", "binaryData"}) {
    model::Value* data = document.get(field);
    if (data == nullptr || data->is_null()) continue;
    collect_strings(*data, secrets);
    if (data->is_map()) {
      for (auto& entry : data->entries) redact(entry.value);
    } else {
      redact(*data);
    }
  }
  secrets.erase("");
  for (auto& entry : document.entries) {
    // The identity fields stay readable even if a data value happens to spell the same text.
    if (entry.key == "apiVersion" || entry.key == "kind") continue;
    if (entry.key == "metadata") {
      for (auto& field : entry.value.entries) {
        if (field.key != "name" && field.key != "namespace") redact_copies(field.value, secrets);
      }
      continue;
    }
    redact_copies(entry.value, secrets);
  }
  model::Value* metadata = document.get("metadata");
  model::Value* annotations = metadata != nullptr ? metadata->get("annotations") : nullptr;
  if (annotations != nullptr && annotations->is_map()) {
    model::Value* last_applied = annotations->get("kubectl.kubernetes.io/last-applied-configuration");
    if (last_applied != nullptr) redact(*last_applied);
  }
}

}  // namespace gclint::kubernetes
