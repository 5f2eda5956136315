// iam_policy_public_principal: true when a resource policy (bucket, key, queue, topic, endpoint, trust policy ...)
// has an Allow statement for every principal ("*", {"AWS": "*"}, NotPrincipal) that no condition pins to a fixed
// network, account or organisation (see condition_restricts_principal).
#include "engine/predicate.h"
#include "engine/predicates/policy_statements.h"

namespace gclint::engine::predicates {

PredicateResult iam_policy_public_principal(const PredicateContext& context) {
  PredicateResult result;
  std::string unknown;
  std::vector<PolicyDocument> documents = policy_documents(context, unknown);
  bool undecided = false;
  for (const PolicyDocument& document : documents) {
    for (const model::Value* statement : policy_statements(document.value())) {
      if (!statement->is_map()) continue;
      Truth allows = statement_allows(*statement);
      if (allows == Truth::kFalse) continue;
      Truth everyone = principal_is_public(*statement);
      if (everyone == Truth::kFalse) continue;
      Truth restricted = condition_restricts_principal(statement->get("Condition"));
      if (restricted == Truth::kTrue) continue;
      if (allows == Truth::kUnknown || everyone == Truth::kUnknown || restricted == Truth::kUnknown) {
        undecided = true;
        continue;
      }
      result.truth = Truth::kTrue;
      result.blame = statement_span(document, *statement);
      result.attribute = document.attribute.empty() ? "Statement" : document.attribute + ".Statement";
      const model::Value* principal = statement->get("Principal");
      result.value = principal != nullptr ? principal->to_json() : "NotPrincipal";
      return result;
    }
  }
  if (undecided || (!unknown.empty() && documents.empty())) {
    result.truth = Truth::kUnknown;
    result.unknown = unknown.empty() ? "policy document" : unknown;
  }
  return result;
}

}  // namespace gclint::engine::predicates
