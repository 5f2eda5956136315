#include "cloudformation/parameter_values.h"

#include <algorithm>

namespace gclint::cloudformation {
namespace {

using model::Value;

void error(std::vector<model::Diagnostic>& diagnostics, const model::Span& span, std::string message) {
  diagnostics.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span, std::move(message)});
}

bool is_list_type(const std::string& type) { return type == "CommaDelimitedList" || type.starts_with("List<"); }

Value split_commas(const Value& text) {
  Value out = Value::list(text.span);
  out.origin = text.origin;
  size_t start = 0;
  while (true) {
    size_t comma = text.text.find(',', start);
    std::string item = text.text.substr(start, comma - start);
    size_t first = item.find_first_not_of(' ');
    size_t last = item.find_last_not_of(' ');
    item = first == std::string::npos ? "" : item.substr(first, last - first + 1);
    out.items.push_back(Value::of_string(std::move(item), text.span));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

void check_allowed(const std::string& name, const Value& value, const Value& allowed,
                   std::vector<model::Diagnostic>& diagnostics) {
  if (!allowed.is_list()) {
    error(diagnostics, allowed.span, "AllowedValues of parameter '" + name + "' must be a list");
    return;
  }
  auto allowed_one = [&](const Value& v) {
    return std::any_of(allowed.items.begin(), allowed.items.end(),
                       [&](const Value& a) { return a.is_known() && a.to_display() == v.to_display(); });
  };
  std::vector<const Value*> values;
  if (value.is_list()) {
    for (const Value& item : value.items) values.push_back(&item);
  } else {
    values.push_back(&value);
  }
  for (const Value* v : values) {
    if (v->is_known() && !allowed_one(*v)) {
      error(diagnostics, v->span,
            "parameter '" + name + "' value '" + v->to_display() + "' is not in AllowedValues " + allowed.to_json());
    }
  }
}

}  // namespace

std::map<std::string, Value> read_parameter_values(const Value& section, const model::Span& section_span,
                                                   const LoadOptions& options,
                                                   std::vector<model::Diagnostic>& diagnostics) {
  std::map<std::string, Value> out;
  if (section.is_null()) return out;
  if (!section.is_map()) {
    error(diagnostics, section_span, "Parameters must be a mapping");
    return out;
  }
  for (const auto& [name, declaration] : section.entries) {
    const Value* type = declaration.get("Type");
    if (!declaration.is_map() || !type || !type->is_string()) {
      error(diagnostics, declaration.span, "parameter '" + name + "' has no Type");
      out[name] = Value::unknown("Parameters." + name, declaration.span);
      continue;
    }
    Value value;
    const Value* fallback = declaration.get("Default");
    if (auto it = options.parameters.find(name); it != options.parameters.end()) {
      value = Value::of_string(it->second, declaration.span);
    } else if (fallback && !fallback->is_null()) {
      value = *fallback;
    } else {
      out[name] = Value::unknown("Parameters." + name, declaration.span);
      continue;
    }
    if (type->text.starts_with("AWS::SSM::Parameter::Value<")) {
      // The value lives in Parameter Store; the template only names the SSM parameter.
      out[name] = Value::unknown("Parameters." + name + " (SSM " + value.to_display() + ")", value.span);
      continue;
    }
    if (is_list_type(type->text) && value.is_string()) value = split_commas(value);
    if (const Value* allowed = declaration.get("AllowedValues")) check_allowed(name, value, *allowed, diagnostics);
    out[name] = std::move(value);
  }
  return out;
}

}  // namespace gclint::cloudformation
