#include "model/resource.h"

namespace gclint::model {

const char* format_name(Format format) {
  switch (format) {
    case Format::kTerraform:
      return "terraform";
    case Format::kTerraformPlan:
      return "terraform-plan";
    case Format::kCloudFormation:
      return "cloudformation";
    case Format::kKubernetes:
      return "kubernetes";
  }
  return "unknown";
}

const Value* Resource::view(std::string_view view_name) const {
  for (const auto& [key, value] : views) {
    if (key == view_name) return &value;
  }
  return nullptr;
}

}  // namespace gclint::model
