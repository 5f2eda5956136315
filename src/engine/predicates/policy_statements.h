#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/predicate.h"
#include "model/value.h"

namespace gclint::engine::predicates {

/// One IAM policy document found at a predicate's `path` argument: a map, or a JSON string parsed here.
struct PolicyDocument {
  model::Value owned;                      // the parsed JSON string
  const model::Value* borrowed = nullptr;  // a map already in the attributes
  model::Span span;                        // where the document is written
  std::string attribute;

  const model::Value& value() const { return borrowed != nullptr ? *borrowed : owned; }
};

/// The policy documents at `args.path` (default: the current value). Lists are walked, and maps without
/// `Statement` are searched under policy/Policy/PolicyDocument (inline policy blocks). An unknown
/// document sets `unknown` to its expression.
std::vector<PolicyDocument> policy_documents(const PredicateContext& context, std::string& unknown);

/// The statements of a document (`Statement` as a list or a single map).
std::vector<const model::Value*> policy_statements(const model::Value& document);

/// True when `value` is `text` or a list holding it (case-insensitive); sets `unknown` when some element is unknown.
bool policy_value_has(const model::Value* value, std::string_view text, bool& unknown);

/// The span to blame for a statement: its own when it comes from the file, else the document's.
model::Span statement_span(const PolicyDocument& document, const model::Value& statement);

}  // namespace gclint::engine::predicates
