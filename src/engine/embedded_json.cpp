#include "engine/embedded_json.h"

#include <string>
#include <vector>

#include "model/source_set.h"
#include "syntax/json_reader.h"

namespace gclint::engine {
namespace {

using model::Value;

// Policy documents are shallow; deeper text is not a document a rule could mean.
constexpr uint32_t kMaxEmbeddedDepth = 64;

// Placeholders carry the references of the whole string that name the same expression.
void adopt(Value& v, const Value& source) {
  v.span = source.span;
  v.origin = source.origin;
  if (v.is_string() && v.text.size() > 3 && v.text.compare(0, 2, "${") == 0 && v.text.back() == '}' &&
      v.text.find("${", 2) == std::string::npos) {
    std::string expr = v.text.substr(2, v.text.size() - 3);
    Value unknown = Value::unknown(expr, source.span);
    unknown.origin = source.origin;
    for (const model::Reference& ref : source.refs) {
      if (expr.compare(0, ref.address.size(), ref.address) == 0) unknown.refs.push_back(ref);
    }
    v = std::move(unknown);
    return;
  }
  for (auto& item : v.items) adopt(item, source);
  for (auto& entry : v.entries) adopt(entry.value, source);
}

}  // namespace

std::optional<Value> parse_embedded_json(const Value& text) {
  if (!text.is_string()) return std::nullopt;
  size_t first = text.text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || (text.text[first] != '{' && text.text[first] != '[')) return std::nullopt;
  model::SourceFile file(text.span.file, "", text.text);
  std::vector<model::Diagnostic> diagnostics;
  syntax::JsonReadOptions options;
  options.max_depth = kMaxEmbeddedDepth;
  std::optional<Value> parsed = syntax::read_json(file, diagnostics, options);
  if (!parsed || !diagnostics.empty()) return std::nullopt;
  adopt(*parsed, text);
  return parsed;
}

}  // namespace gclint::engine
