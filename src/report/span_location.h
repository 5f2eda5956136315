#pragma once

#include <cstdint>
#include <string>

#include "model/source_set.h"
#include "model/span.h"

namespace gclint::report {

/// A span resolved to a display path and 1-based positions (end is exclusive); `valid` is false when the
/// span names no registered file, and then every number is 0.
struct SpanLocation {
  bool valid = false;
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;
};

/// Resolves `span` against `sources` without throwing on unknown file ids.
SpanLocation locate(const model::SourceSet& sources, const model::Span& span);

}  // namespace gclint::report
