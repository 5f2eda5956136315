#pragma once

#include <string>
#include <vector>

#include "model/span.h"

namespace gclint::model {

/// Something that could not be read or evaluated. Errors make the exit code non-zero;
/// notes (kNotEvaluated) record unknowns for --strict-unknown and the reports.
struct Diagnostic {
  enum class Level : uint8_t { kError, kWarning, kNotEvaluated };

  Level level = Level::kError;
  /// Where; for a file that could not be read, a span with begin == end == 0 in that file.
  Span span;
  std::string message;
};

}  // namespace gclint::model
