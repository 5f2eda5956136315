#include <map>
#include <string>
#include <vector>

#include "cloudformation/template_loader.h"
#include "syntax/json_reader.h"

namespace gclint::cloudformation {
namespace {

using model::Span;
using model::Value;

std::string trim(std::string_view s) {
  size_t first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  size_t last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

// CloudFormation parameter values are strings; lists (CommaDelimitedList) are written comma-joined.
std::optional<std::string> parameter_text(const Value& v) {
  if (v.is_string() || v.is_number() || v.is_bool()) return v.to_display();
  if (v.is_list()) {
    std::string out;
    for (size_t i = 0; i < v.items.size(); ++i) {
      if (!v.items[i].is_string() && !v.items[i].is_number() && !v.items[i].is_bool()) return std::nullopt;
      if (i) out += ',';
      out += v.items[i].to_display();
    }
    return out;
  }
  return std::nullopt;
}

bool read_json_form(const model::SourceFile& file, std::map<std::string, std::string>& out,
                    std::vector<model::Diagnostic>& diagnostics) {
  size_t errors_before = diagnostics.size();
  std::optional<Value> root = syntax::read_json(file, diagnostics);
  if (!root) return false;
  auto error = [&](const Span& span, std::string message) {
    diagnostics.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span, std::move(message)});
  };
  if (root->is_list()) {
    // aws cloudformation create-stack --parameters file://params.json
    for (const Value& item : root->items) {
      const Value* key = item.get("ParameterKey");
      const Value* value = item.get("ParameterValue");
      if (!key || !key->is_string()) {
        error(item.span, "expected {\"ParameterKey\": ..., \"ParameterValue\": ...}");
        continue;
      }
      if (!value) {
        // UsePreviousValue: the deployed value is not known here.
        continue;
      }
      std::optional<std::string> text = parameter_text(*value);
      if (!text) {
        error(value->span, "ParameterValue must be a string");
        continue;
      }
      out[key->text] = *text;
    }
  } else if (const Value* parameters = root->is_map() ? root->get("Parameters") : nullptr) {
    // CodePipeline template configuration: {"Parameters": {"Key": "Value"}, "Tags": {...}}
    if (!parameters->is_map()) {
      error(parameters->span, "Parameters must be an object of names to values");
    } else {
      for (const auto& [key, value] : parameters->entries) {
        std::optional<std::string> text = parameter_text(value);
        if (!text) {
          error(value.span, "parameter '" + key + "' must be a string");
          continue;
        }
        out[key] = *text;
      }
    }
  } else {
    error(root->span,
          "a parameter file is a list of {ParameterKey, ParameterValue}, an object with \"Parameters\", or "
          "Key=Value lines");
  }
  for (size_t i = errors_before; i < diagnostics.size(); ++i) {
    if (diagnostics[i].level == model::Diagnostic::Level::kError) return false;
  }
  return true;
}

}  // namespace

bool read_parameter_file(const model::SourceFile& file, std::map<std::string, std::string>& out,
                         std::vector<model::Diagnostic>& diagnostics) {
  std::string_view text = file.content();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '[' || text[first] == '{')) {
    return read_json_form(file, out, diagnostics);
  }
  // sam deploy / aws cloudformation deploy --parameter-overrides: Key=Value, one per line.
  bool ok = true;
  for (uint32_t line = 1; line <= file.line_count(); ++line) {
    std::string_view raw = file.line_text(line);
    if (line == 1 && raw.starts_with("\xEF\xBB\xBF")) raw.remove_prefix(3);
    std::string content = trim(raw);
    if (content.empty() || content[0] == '#') continue;
    size_t eq = content.find('=');
    std::string key = eq == std::string::npos ? "" : trim(content.substr(0, eq));
    if (key.empty()) {
      uint32_t begin = file.line_start(line);
      diagnostics.push_back(model::Diagnostic{model::Diagnostic::Level::kError,
                                              Span{file.id(), begin, begin + static_cast<uint32_t>(raw.size())},
                                              "expected Key=Value"});
      ok = false;
      continue;
    }
    std::string value = trim(content.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    out[key] = value;
  }
  return ok;
}

}  // namespace gclint::cloudformation
