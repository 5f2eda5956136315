#include "report/span_location.h"

#include <algorithm>

namespace gclint::report {

SpanLocation locate(const model::SourceSet& sources, const model::Span& span) {
  SpanLocation location;
  if (!span.valid() || span.file >= sources.size()) return location;
  const model::SourceFile& file = sources.file(span.file);
  location.valid = true;
  location.file = file.path();
  model::Position begin = file.position(span.begin);
  model::Position end = file.position(std::max(span.begin, span.end));
  location.line = begin.line;
  location.column = begin.column;
  location.end_line = end.line;
  location.end_column = end.column;
  return location;
}

}  // namespace gclint::report
