// iam_trust_requires_mfa: true when every AssumeRole trust statement that lets AWS principals (other accounts,
// users, "*") assume the role demands MFA (aws:MultiFactorAuthPresent true or an aws:MultiFactorAuthAge bound).
#include <cctype>

#include "engine/predicate.h"
#include "engine/predicates/policy_statements.h"

namespace gclint::engine::predicates {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool truthy(const model::Value& v) {
  if (v.is_bool()) return v.boolean;
  if (v.is_string()) return lower(v.text) == "true";
  if (v.is_list()) {
    for (const auto& item : v.items) {
      if (truthy(item)) return true;
    }
  }
  return false;
}

// Condition: {Operator: {Key: Value}}; true when some operator constrains MFA.
bool requires_mfa(const model::Value* condition, bool& unknown) {
  if (condition == nullptr) return false;
  if (condition->is_unknown()) {
    unknown = true;
    return false;
  }
  if (!condition->is_map()) return false;
  for (const auto& op : condition->entries) {
    if (!op.value.is_map()) {
      if (op.value.is_unknown()) unknown = true;
      continue;
    }
    std::string op_name = lower(op.key);
    for (const auto& entry : op.value.entries) {
      std::string key = lower(entry.key);
      if (entry.value.is_unknown()) {
        unknown = true;
        continue;
      }
      if (key == "aws:multifactorauthpresent" && op_name.rfind("bool", 0) == 0 && truthy(entry.value)) return true;
      if (key == "aws:multifactorauthage" && op_name.rfind("numeric", 0) == 0) return true;
    }
  }
  return false;
}

// Principal "*" or {AWS: ...}: someone outside AWS services.
bool aws_principal(const model::Value* principal, bool& unknown) {
  if (principal == nullptr) return false;
  if (principal->is_unknown()) {
    unknown = true;
    return false;
  }
  if (principal->is_string()) return principal->text == "*";
  if (principal->is_map()) return principal->get("AWS") != nullptr;
  return false;
}

bool assumes_role(const model::Value* action, bool& unknown) {
  for (std::string_view name : {"sts:AssumeRole", "sts:*", "*"}) {
    if (policy_value_has(action, name, unknown)) return true;
  }
  return false;
}

}  // namespace

PredicateResult iam_trust_requires_mfa(const PredicateContext& context) {
  PredicateResult result;
  result.truth = Truth::kTrue;
  std::string unknown;
  std::vector<PolicyDocument> documents = policy_documents(context, unknown);
  bool undecided = false;
  for (const PolicyDocument& document : documents) {
    for (const model::Value* statement : policy_statements(document.value())) {
      if (!statement->is_map()) continue;
      bool statement_unknown = false;
      if (!policy_value_has(statement->get("Effect"), "Allow", statement_unknown) ||
          !assumes_role(statement->get("Action"), statement_unknown) ||
          !aws_principal(statement->get("Principal"), statement_unknown)) {
        if (statement_unknown) undecided = true;
        continue;
      }
      if (requires_mfa(statement->get("Condition"), statement_unknown)) continue;
      if (statement_unknown) {
        undecided = true;
        continue;
      }
      result.truth = Truth::kFalse;
      result.blame = statement_span(document, *statement);
      result.attribute = document.attribute.empty() ? "Statement" : document.attribute + ".Statement";
      const model::Value* principal = statement->get("Principal");
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
