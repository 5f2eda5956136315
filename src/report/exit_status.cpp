#include "report/exit_status.h"

namespace gclint::report {

int exit_code(const model::FindingList& findings, const std::vector<model::Diagnostic>& diagnostics) {
  for (const auto& f : findings) {
    if (!f.suppressed) return kExitFindings;
  }
  for (const auto& d : diagnostics) {
    if (d.level == model::Diagnostic::Level::kError) return kExitParseErrors;
  }
  return kExitClean;
}

}  // namespace gclint::report
