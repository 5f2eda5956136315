#include "engine/predicate.h"

namespace gclint::engine {

// One line per predicate, defined in src/engine/predicates/<name>.cpp (style brief §3: an explicit table,
// because static self-registration can vanish from static libraries).
namespace predicates {
PredicateResult iam_policy_admin(const PredicateContext&);
std::string validate_iam_policy_admin(const model::Value&);
PredicateResult iam_policy_public_principal(const PredicateContext&);
PredicateResult iam_trust_requires_mfa(const PredicateContext&);
PredicateResult region_allowed(const PredicateContext&);
PredicateResult route_reachability(const PredicateContext&);
std::string validate_route_reachability(const model::Value&);
PredicateResult route_table_governs_subnet(const PredicateContext&);
}  // namespace predicates

const std::vector<PredicateEntry>& predicate_registry() {
  static const std::vector<PredicateEntry> entries = {
      {"iam_policy_admin",
       &predicates::iam_policy_admin,
       {"path", "escalation", "max_not_action_services"},
       &predicates::validate_iam_policy_admin},
      {"iam_policy_public_principal", &predicates::iam_policy_public_principal, {"path"}},
      {"iam_trust_requires_mfa", &predicates::iam_trust_requires_mfa, {"path"}},
      {"region_allowed", &predicates::region_allowed, {"path"}},
      {"route_reachability",
       &predicates::route_reachability,
       {"targets", "destinations"},
       &predicates::validate_route_reachability,
       true},
      {"route_table_governs_subnet", &predicates::route_table_governs_subnet, {}, nullptr, true},
  };
  return entries;
}

const PredicateEntry* find_predicate(std::string_view name) {
  for (const auto& entry : predicate_registry()) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

}  // namespace gclint::engine
