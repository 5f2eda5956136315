#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/config.h"
#include "engine/rule_pack.h"
#include "model/diagnostic.h"
#include "model/finding.h"
#include "model/resource.h"
#include "model/source_set.h"

namespace re2 {
class RE2;
}

namespace gclint::engine {

class ResourceGraph;

struct EngineOptions {
  /// Report checks that could not decide because of unknown values as INFO findings.
  bool strict_unknown = false;
  /// When non-empty, only these check IDs run (the fixture runner uses this).
  std::vector<std::string> only_checks;
  /// Date suppressions expire against (YYYY-MM-DD); empty = today (UTC).
  std::string today;
  /// The one language findings are reported in ("ja" or "en"): messages are rendered only in it. Empty: both.
  std::string language;
};

/// Evaluates the rule pack over the normalized resources (design brief §1 "engine").
class Engine {
 public:
  Engine(const RulePack& pack, const Config& config, const model::SourceSet& sources, EngineOptions options = {});

  /// Assigns tiers and zones, evaluates every enabled check on the resources it selects, applies
  /// suppressions, and returns findings sorted by file, line, column, check ID. Checks that could
  /// not decide add kNotEvaluated diagnostics naming the unknown expression. `threads` > 1 shares the checks among
  /// that many threads (for one large run); the result does not depend on it.
  std::vector<model::Finding> run(std::vector<model::Resource>& resources, std::vector<model::Diagnostic>& diagnostics,
                                  unsigned threads = 1) const;

  /// run() in parts, for a set of resources whose checks are evaluated a slice at a time (the scanner's Kubernetes
  /// objects): prepare() assigns tiers and zones and builds the graph over all of them once; run_prepared() then
  /// evaluates the checks on resources [first, last) only, with their suppressions, as run() would have. Slices may
  /// be evaluated on several threads at once: the graph and the resources outside the slice are only read.
  std::unique_ptr<ResourceGraph> prepare(std::vector<model::Resource>& resources) const;
  std::vector<model::Finding> run_prepared(const std::vector<model::Resource>& resources, const ResourceGraph& graph,
                                           uint32_t first, uint32_t last,
                                           std::vector<model::Diagnostic>& diagnostics) const;

  /// The resource kinds whose attributes an enabled check, evaluated on a resource of `format`, may read from
  /// another resource (references / referenced_by with a `where`); nullopt when that can be any kind (a relation
  /// condition without `types:`, a predicate that follows the graph). Other resources' attributes are never read,
  /// so a caller may drop them while it evaluates slices elsewhere.
  std::optional<std::set<std::string>> cross_read_kinds(model::Format format) const;

 private:
  bool enabled(const Check& check) const;
  std::vector<model::Finding> evaluate(const std::vector<model::Resource>& resources, const ResourceGraph& graph,
                                       uint32_t first, uint32_t last, std::vector<model::Diagnostic>& diagnostics,
                                       unsigned threads) const;

  /// A check's parameters after .gclint.yaml overrides, and the overriding patterns compiled.
  struct CheckOverrides {
    std::map<std::string, model::Value> params;
    std::map<std::string, std::shared_ptr<const re2::RE2>> regexes;
  };

  const RulePack& pack_;
  const Config& config_;
  const model::SourceSet& sources_;
  EngineOptions options_;
  std::map<std::string, CheckOverrides> overrides_;
};

}  // namespace gclint::engine
