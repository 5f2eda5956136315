#pragma once

#include <map>
#include <memory>
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

 private:
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
