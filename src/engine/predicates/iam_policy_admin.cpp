// iam_policy_admin: true when a policy document allows every action on every resource.
#include "engine/predicate.h"
#include "engine/predicates/policy_statements.h"

namespace gclint::engine::predicates {

PredicateResult iam_policy_admin(const PredicateContext& context) {
  PredicateResult result;
  std::string unknown;
  std::vector<PolicyDocument> documents = policy_documents(context, unknown);
  bool undecided = false;
  for (const PolicyDocument& document : documents) {
    for (const model::Value* statement : policy_statements(document.value())) {
      if (!statement->is_map()) continue;
      bool statement_unknown = false;
      const model::Value* effect = statement->get("Effect");
      if (!policy_value_has(effect, "Allow", statement_unknown)) {
        if (statement_unknown) undecided = true;
        continue;
      }
      // Allow + NotAction grants everything not listed; only NotAction "*" grants nothing.
      const model::Value* not_action = statement->get("NotAction");
      bool all_actions = policy_value_has(statement->get("Action"), "*", statement_unknown) ||
                         policy_value_has(statement->get("Action"), "*:*", statement_unknown) ||
                         (not_action != nullptr && !policy_value_has(not_action, "*", statement_unknown));
      // Allow + NotResource likewise covers every resource but the listed ones.
      bool all_resources = policy_value_has(statement->get("Resource"), "*", statement_unknown) ||
                           statement->get("NotResource") != nullptr;
      if (all_actions && all_resources) {
        result.truth = Truth::kTrue;
        result.blame = statement_span(document, *statement);
        result.attribute = document.attribute.empty() ? "Statement" : document.attribute + ".Statement";
        result.value = statement->to_json();
        return result;
      }
      if (statement_unknown) undecided = true;
    }
  }
  if (undecided || (!unknown.empty() && documents.empty())) {
    result.truth = Truth::kUnknown;
    result.unknown = unknown.empty() ? "policy document" : unknown;
  }
  return result;
}

}  // namespace gclint::engine::predicates
