#pragma once

#include <string>

#include "model/source_set.h"
#include "model/span.h"

namespace gclint::report {

/// ANSI colour sequences used around the caret line; empty strings for plain output.
struct FrameStyle {
  std::string caret_on;
  std::string caret_off;
};

/// The source line a span starts on, with a caret line under the span (ruff/ninja style):
///   14 |       sse_algorithm = "AES256"
///      |       ^^^^^^^^^^^^^^^^^^^^^^^^
/// Empty when the span names no file or line, or the line is too long to show usefully. `mask`: the text under the
/// span is shown as '*' (a secret the finding is about, not to be copied into terminals and CI logs).
std::string render_code_frame(const model::SourceSet& sources, const model::Span& span, const FrameStyle& style = {},
                              bool mask = false);

}  // namespace gclint::report
