#include "engine/predicate.h"

namespace gclint::engine {

// One line per predicate, defined in src/engine/predicates/<name>.cpp (style brief §3: an explicit table,
// because static self-registration can vanish from static libraries).
namespace predicates {
}  // namespace predicates

const std::vector<PredicateEntry>& predicate_registry() {
  static const std::vector<PredicateEntry> entries = {
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
