#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "engine/rule_pack.h"
#include "model/diagnostic.h"
#include "model/finding.h"
#include "model/severity.h"
#include "model/source_set.h"

namespace gclint::report {

/// Everything a reporter may print; reporters know formats, never policy.
struct ReportInput {
  const model::SourceSet& sources;
  const engine::RulePack& pack;
  /// Findings at or above the threshold, suppressed ones included (flagged), in output order.
  const model::FindingList& findings;
  const std::vector<model::Diagnostic>& diagnostics;
  std::string lang = "en";  // "ja" | "en"
  bool color = false;
  std::string tool_version;
  size_t files_scanned = 0;
  size_t resources_evaluated = 0;
  model::Severity threshold = model::Severity::kLow;
  /// Threads that may render findings at once (--jobs); the output does not depend on it.
  unsigned threads = 1;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void write(const ReportInput& input, std::ostream& out) const = 0;
};

/// "text", "json", "sarif", ... ; nullptr for an unknown name.
std::unique_ptr<Reporter> make_reporter(std::string_view format);
std::vector<std::string> reporter_names();

}  // namespace gclint::report
