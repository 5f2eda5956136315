// iam_trust_requires_mfa: true when every AssumeRole trust statement that lets AWS principals (other accounts,
// users, "*") assume the role demands MFA, or a Deny statement refuses every caller without MFA.
#include "engine/predicate.h"
#include "engine/predicates/policy_statements.h"

namespace gclint::engine::predicates {
namespace {

// Principal "*", {AWS: ...} or NotPrincipal: someone other than an AWS service or a federated IdP.
Truth aws_principal(const model::Value& statement) {
  if (const model::Value* not_principal = statement.get("NotPrincipal"); not_principal && !not_principal->is_null()) {
    return Truth::kTrue;
  }
  const model::Value* principal = statement.get("Principal");
  if (principal == nullptr || principal->is_null()) return Truth::kFalse;
  if (principal->is_unknown()) return Truth::kUnknown;
  if (principal->is_string()) return principal->text == "*" ? Truth::kTrue : Truth::kFalse;
  if (principal->is_map()) return principal->get("AWS") != nullptr ? Truth::kTrue : Truth::kFalse;
  return Truth::kFalse;
}

Truth both(Truth a, Truth b) {
  if (a == Truth::kFalse || b == Truth::kFalse) return Truth::kFalse;
  return a == Truth::kTrue && b == Truth::kTrue ? Truth::kTrue : Truth::kUnknown;
}

}  // namespace

PredicateResult iam_trust_requires_mfa(const PredicateContext& context) {
  PredicateResult result;
  result.truth = Truth::kTrue;
  std::string unknown;
  std::vector<PolicyDocument> documents = policy_documents(context, unknown);
  bool undecided = false;
  for (const PolicyDocument& document : documents) {
    std::vector<const model::Value*> statements = policy_statements(document.value());
    // A Deny on sts:AssumeRole for everyone when MFA is missing guards every Allow of the document.
    bool guarded = false;
    for (const model::Value* statement : statements) {
      if (!statement->is_map() || statement_allows(*statement) != Truth::kFalse) continue;
      bool unknown_effect = false;
      if (!policy_value_has(statement->get("Effect"), "Deny", unknown_effect)) continue;
      if (both(both(principal_is_public(*statement), statement_covers_action(*statement, "sts:AssumeRole")),
               deny_condition_without_mfa(statement->get("Condition"))) == Truth::kTrue) {
        guarded = true;
      }
    }
    if (guarded) continue;
    for (const model::Value* statement : statements) {
      if (!statement->is_map()) continue;
      Truth applies = both(both(statement_allows(*statement), statement_covers_action(*statement, "sts:AssumeRole")),
                           aws_principal(*statement));
      if (applies == Truth::kFalse) continue;
      Truth mfa = allow_condition_requires_mfa(statement->get("Condition"));
      if (mfa == Truth::kTrue) continue;
      if (applies == Truth::kUnknown || mfa == Truth::kUnknown) {
        undecided = true;
        continue;
      }
      result.truth = Truth::kFalse;
      result.blame = statement_span(document, *statement);
      result.attribute = document.attribute.empty() ? "Statement" : document.attribute + ".Statement";
      const model::Value* principal = statement->get("Principal");
      if (principal == nullptr) principal = statement->get("NotPrincipal");
      result.value = principal != nullptr ? principal->to_json() : statement->to_json();
      return result;
    }
  }
  if (undecided || (!unknown.empty() && documents.empty())) {
    result.truth = Truth::kUnknown;
    result.unknown = unknown.empty() ? "trust policy" : unknown;
  }
  return result;
}

}  // namespace gclint::engine::predicates
