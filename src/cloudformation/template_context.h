#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cloudformation/template_loader.h"
#include "model/diagnostic.h"
#include "model/source_set.h"
#include "model/value.h"

namespace gclint::cloudformation {

/// Three-valued truth of a condition: known true, known false, or depending on an unknown input.
enum class Truth : uint8_t { kFalse, kTrue, kUnknown };

/// The condition assumptions one copy of a resource is evaluated under.
struct Scenario {
  /// Unknown conditions assumed so far, in the order they were met.
  std::vector<std::pair<std::string, bool>> assumptions;
  /// The first unknown condition met that is not yet assumed; the loader forks on it.
  std::optional<std::string> branch_on;
  /// False once the scenario budget is spent: unknown conditions then yield unknown values.
  bool may_branch = true;
  /// Set when an unknown condition was met after the budget was spent.
  bool left_unknown = false;
  /// Condition results already computed under these assumptions.
  std::map<std::string, Truth> cache;

  /// "IsProd=true,HasKey=false"; empty when nothing was assumed.
  std::string label() const;
  /// The assumed value of a condition, if any.
  std::optional<bool> assumed(const std::string& name) const;
};

/// Everything about one template the resolver needs, read once before any resource is resolved.
struct TemplateContext {
  const model::SourceFile* file = nullptr;
  const LoadOptions* options = nullptr;
  /// Parameter values (Default or override; unknown when neither), keyed by parameter name.
  std::map<std::string, model::Value> parameters;
  /// The Mappings section (a map) or null.
  model::Value mappings;
  /// The Conditions section (a map) or null.
  model::Value conditions;
  /// Every logical ID under Resources (after SAM expansion).
  std::set<std::string> resource_ids;
};

}  // namespace gclint::cloudformation
