#pragma once

#include "report/reporter.h"

namespace gclint::report {

/// Human-readable output (ruff/ninja style): one header line per finding, a code frame, the fix and the
/// doc page; then errors with frames and a summary line. Suppressed findings are only counted.
class TextReporter : public Reporter {
 public:
  void write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace gclint::report
