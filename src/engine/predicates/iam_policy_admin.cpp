// iam_policy_admin: true when a policy document grants administrator access or its equivalent: every action on
// every resource, everything but a few services (Allow + NotAction), or, with `escalation: true`, IAM actions on
// every resource that let the holder grant itself anything (iam:*, iam:AttachRolePolicy, iam:PutUserPolicy ...).
#include <algorithm>
#include <array>
#include <set>

#include "engine/predicate.h"
#include "engine/predicates/policy_statements.h"

namespace gclint::engine::predicates {
namespace {

// Actions that let a principal give itself (or a principal it controls) any permission, on Resource "*".
constexpr std::array<std::string_view, 13> kEscalationActions = {
    "iam:AttachUserPolicy",       "iam:AttachRolePolicy", "iam:AttachGroupPolicy",   "iam:PutUserPolicy",
    "iam:PutRolePolicy",          "iam:PutGroupPolicy",   "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion",
    "iam:UpdateAssumeRolePolicy", "iam:CreateAccessKey",  "iam:CreateLoginProfile",  "iam:UpdateLoginProfile",
    "iam:AddUserToGroup"};

constexpr double kDefaultMaxNotActionServices = 3;

// "*", "arn:*", "arn:aws:*:*:*:*" ...: every resource.
bool all_resources_pattern(std::string_view pattern) {
  if (pattern == "*") return true;
  if (pattern.rfind("arn:", 0) != 0) return false;
  std::string_view rest = pattern.substr(4);
  size_t colon = rest.find(':');
  std::string_view partition = rest.substr(0, colon);
  if (partition != "*" && partition.rfind("aws", 0) != 0) return false;
  if (colon == std::string_view::npos) return partition == "*";
  rest = rest.substr(colon);
  return rest.find_first_not_of(":*") == std::string_view::npos && rest.find('*') != std::string_view::npos;
}

struct Verdict {
  Truth truth = Truth::kFalse;
  std::string why;
};

Verdict covers_all_resources(const model::Value& statement) {
  if (const model::Value* not_resource = statement.get("NotResource"); not_resource && !not_resource->is_null()) {
    return {Truth::kTrue, "NotResource"};
  }
  bool unknown = false;
  for (std::string_view pattern : policy_strings(statement.get("Resource"), unknown)) {
    if (all_resources_pattern(pattern)) return {Truth::kTrue, "Resource " + std::string(pattern)};
  }
  return {unknown ? Truth::kUnknown : Truth::kFalse, ""};
}

Verdict admin_actions(const model::Value& statement, double max_services, bool escalation) {
  bool unknown = false;
  const model::Value* actions = statement.get("Action");
  std::vector<std::string_view> patterns = policy_strings(actions, unknown);
  for (std::string_view pattern : patterns) {
    if (pattern == "*" || pattern == "*:*") return {Truth::kTrue, "Action " + std::string(pattern)};
  }
  if (const model::Value* not_action = statement.get("NotAction"); not_action && !not_action->is_null()) {
    bool not_unknown = false;
    std::set<std::string> services;
    bool excludes_all = false;
    for (std::string_view pattern : policy_strings(not_action, not_unknown)) {
      size_t colon = pattern.find(':');
      std::string service(pattern.substr(0, colon));
      for (char& c : service) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (service == "*") excludes_all = true;
      services.insert(service);
    }
    if (not_unknown) return {Truth::kUnknown, ""};
    if (excludes_all) return {Truth::kFalse, ""};
    if (static_cast<double>(services.size()) <= max_services) {
      std::string list;
      for (const auto& s : services) list += (list.empty() ? "" : ", ") + s;
      return {Truth::kTrue, "NotAction excludes only " + list};
    }
    return {Truth::kFalse, ""};
  }
  if (escalation) {
    for (std::string_view pattern : patterns) {
      for (std::string_view action : kEscalationActions) {
        if (iam_glob_match(pattern, action)) {
          return {Truth::kTrue, "Action " + std::string(pattern) + " (grants itself " + std::string(action) + ")"};
        }
      }
    }
  }
  return {unknown ? Truth::kUnknown : Truth::kFalse, ""};
}

}  // namespace

std::string validate_iam_policy_admin(const model::Value& args) {
  const model::Value* escalation = args.get("escalation");
  if (escalation != nullptr && !escalation->is_bool()) return "escalation takes true or false";
  const model::Value* max = args.get("max_not_action_services");
  if (max != nullptr && (!max->is_number() || max->number < 0)) return "max_not_action_services takes a number >= 0";
  return "";
}

PredicateResult iam_policy_admin(const PredicateContext& context) {
  PredicateResult result;
  const model::Value* max_arg = context.args.get("max_not_action_services");
  double max_services = max_arg != nullptr && max_arg->is_number() ? max_arg->number : kDefaultMaxNotActionServices;
  const model::Value* escalation_arg = context.args.get("escalation");
  bool escalation = escalation_arg != nullptr && escalation_arg->is_bool() && escalation_arg->boolean;
  std::string unknown;
  std::vector<PolicyDocument> documents = policy_documents(context, unknown);
  bool undecided = false;
  for (const PolicyDocument& document : documents) {
    for (const model::Value* statement : policy_statements(document.value())) {
      if (!statement->is_map()) continue;
      Truth allows = statement_allows(*statement);
      if (allows == Truth::kFalse) continue;
      Verdict actions = admin_actions(*statement, max_services, escalation);
      if (actions.truth == Truth::kFalse) continue;
      Verdict resources = covers_all_resources(*statement);
      if (resources.truth == Truth::kFalse) continue;
      if (allows == Truth::kTrue && actions.truth == Truth::kTrue && resources.truth == Truth::kTrue) {
        result.truth = Truth::kTrue;
        result.blame = statement_span(document, *statement);
        result.attribute = document.attribute.empty() ? "Statement" : document.attribute + ".Statement";
        result.value = actions.why + " on " + resources.why;
        return result;
      }
      undecided = true;
    }
  }
  if (undecided || (!unknown.empty() && documents.empty())) {
    result.truth = Truth::kUnknown;
    result.unknown = unknown.empty() ? "policy document" : unknown;
  }
  return result;
}

}  // namespace gclint::engine::predicates
