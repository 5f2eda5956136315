#include "cloudformation/short_form_tags.h"

#include <array>
#include <string>

namespace gclint::cloudformation {
namespace {

using model::Value;

// Tags whose long form is "Fn::<name>".
constexpr std::array<std::string_view, 18> kFunctionTags = {
    "Sub", "If", "Join", "Select", "Split",  "FindInMap",    "ImportValue", "Base64", "Equals",
    "And", "Or", "Not",  "Cidr",   "GetAZs", "ToJsonString", "Length",      "GetAtt", "Transform"};

}  // namespace

std::optional<Value> expand_short_form_tag(std::string_view tag, Value value) {
  if (!tag.starts_with('!')) return std::nullopt;
  std::string_view name = tag.substr(1);
  model::Span span = value.span;
  std::string key;
  if (name == "Ref") {
    key = "Ref";
  } else if (name == "Condition") {
    key = "Condition";
  } else {
    for (std::string_view function : kFunctionTags) {
      if (name == function) key = "Fn::" + std::string(function);
    }
    if (key.empty()) return std::nullopt;
  }
  if (name == "GetAtt" && value.is_string()) {
    // `!GetAtt A.B.C` names attribute "B.C" of resource A.
    size_t dot = value.text.find('.');
    if (dot != std::string::npos) {
      Value pair = Value::list(span);
      pair.items.push_back(Value::of_string(value.text.substr(0, dot), span));
      pair.items.push_back(Value::of_string(value.text.substr(dot + 1), span));
      value = std::move(pair);
    }
  }
  Value out = Value::map(span);
  out.entries.push_back(model::MapEntry{std::move(key), std::move(value)});
  return out;
}

}  // namespace gclint::cloudformation
