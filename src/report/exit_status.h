#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "model/finding.h"

namespace gclint::report {

/// Process exit codes of `gclint` (docs/cli.md).
enum ExitCode : int {
  kExitClean = 0,        // no unsuppressed finding at or above the threshold, no error
  kExitFindings = 1,     // unsuppressed findings at or above the threshold (errors may be listed too)
  kExitUsage = 2,        // usage or configuration error
  kExitParseErrors = 3,  // no findings, but some files could not be read or parsed
};

/// Exit code for a finished scan; `findings` are the ones at or above the threshold.
int exit_code(const model::FindingList& findings, const std::vector<model::Diagnostic>& diagnostics);

}  // namespace gclint::report
