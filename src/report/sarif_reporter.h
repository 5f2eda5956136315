#pragma once

#include "report/reporter.h"

namespace gclint::report {

/// SARIF 2.1.0 (rules with help, partial fingerprints, suppressions, parse errors as notifications).
class SarifReporter : public Reporter {
 public:
  void write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace gclint::report
