#pragma once

#include "report/reporter.h"

namespace gclint::report {

/// Machine-readable output, versioned (docs/json-output.md, "schema_version": 1).
class JsonReporter : public Reporter {
 public:
  static constexpr int kSchemaVersion = 1;
  void write(const ReportInput& input, std::ostream& out) const override;
};

}  // namespace gclint::report
