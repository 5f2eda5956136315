#include "engine/predicate.h"

namespace gclint::engine {

// One line per predicate, defined in src/engine/predicates/<name>.cpp (style brief §3: an explicit table,
// because static self-registration can vanish from static libraries).
namespace predicates {
PredicateResult iam_policy_admin(const PredicateContext&);
PredicateResult iam_trust_requires_mfa(const PredicateContext&);
PredicateResult region_allowed(const PredicateContext&);
}  // namespace predicates

const std::vector<PredicateEntry>& predicate_registry() {
  static const std::vector<PredicateEntry> entries = {
      {"iam_policy_admin", &predicates::iam_policy_admin, {"path"}},
      {"iam_trust_requires_mfa", &predicates::iam_trust_requires_mfa, {"path"}},
      {"region_allowed", &predicates::region_allowed, {"path"}},
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
