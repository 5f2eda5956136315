#include "engine/predicates/policy_statements.h"

#include <cctype>

#include "engine/attribute_path.h"
#include "model/source_set.h"
#include "syntax/json_reader.h"

namespace gclint::engine::predicates {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

void gather(const model::Value& v, int depth, std::vector<PolicyDocument>& out, std::string& unknown) {
  if (depth > 16) return;
  if (v.is_unknown()) {
    if (unknown.empty()) unknown = v.text;
    return;
  }
  if (v.is_string()) {
    std::string_view text = v.text;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    if (text.empty() || text.front() != '{') return;
    // A policy written as a JSON string (heredoc, jsonencode rendered by the front end, CloudFormation string).
    model::SourceFile file(model::Span::kNoFile, "<policy>", v.text);
    std::vector<model::Diagnostic> diagnostics;
    auto parsed = syntax::read_json(file, diagnostics);
    if (!parsed) {
      if (v.text.find("${") != std::string::npos && unknown.empty()) unknown = v.text;
      return;
    }
    PolicyDocument doc;
    doc.owned = std::move(*parsed);
    doc.span = v.span;
    out.push_back(std::move(doc));
    return;
  }
  if (v.is_list()) {
    for (const auto& item : v.items) gather(item, depth + 1, out, unknown);
    return;
  }
  if (!v.is_map()) return;
  if (v.get("Statement") != nullptr) {
    PolicyDocument doc;
    doc.borrowed = &v;
    doc.span = v.span;
    out.push_back(std::move(doc));
    return;
  }
  for (std::string_view key : {"policy", "Policy", "PolicyDocument", "policy_document"}) {
    if (const model::Value* inner = v.get(key)) gather(*inner, depth + 1, out, unknown);
  }
}

}  // namespace

std::vector<PolicyDocument> policy_documents(const PredicateContext& context, std::string& unknown) {
  std::vector<PolicyDocument> out;
  std::vector<const model::Value*> roots;
  const model::Value* path_arg = context.args.get("path");
  if (path_arg != nullptr && path_arg->is_string()) {
    std::string error;
    auto path = parse_attribute_path(path_arg->text, error);
    if (path) collect_path_values(*path, context.current, roots);
  } else {
    roots.push_back(&context.current);
  }
  for (const model::Value* root : roots) {
    size_t before = out.size();
    gather(*root, 0, out, unknown);
    for (size_t i = before; i < out.size(); ++i) {
      if (path_arg != nullptr && path_arg->is_string()) out[i].attribute = path_arg->text;
    }
  }
  return out;
}

std::vector<const model::Value*> policy_statements(const model::Value& document) {
  std::vector<const model::Value*> out;
  const model::Value* statement = document.get("Statement");
  if (statement == nullptr) return out;
  if (statement->is_list()) {
    for (const auto& item : statement->items) out.push_back(&item);
  } else {
    out.push_back(statement);
  }
  return out;
}

bool policy_value_has(const model::Value* value, std::string_view text, bool& unknown) {
  if (value == nullptr) return false;
  if (value->is_unknown()) {
    unknown = true;
    return false;
  }
  if (value->is_string()) return iequals(value->text, text);
  if (value->is_list()) {
    for (const auto& item : value->items) {
      if (policy_value_has(&item, text, unknown)) return true;
    }
  }
  return false;
}

model::Span statement_span(const PolicyDocument& document, const model::Value& statement) {
  return statement.span.valid() ? statement.span : document.span;
}

}  // namespace gclint::engine::predicates
