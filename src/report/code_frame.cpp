#include "report/code_frame.h"

#include <algorithm>

namespace gclint::report {
namespace {

constexpr size_t kMaxLineBytes = 400;

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string render_code_frame(const model::SourceSet& sources, const model::Span& span, const FrameStyle& style,
                              bool mask) {
  if (!span.valid() || span.file >= sources.size()) return {};
  const model::SourceFile& file = sources.file(span.file);
  if (file.content().empty()) return {};
  model::Position begin = file.position(span.begin);
  model::Position end = file.position(std::max(span.begin, span.end));
  std::string_view text = file.line_text(begin.line);
  if (text.size() > kMaxLineBytes) return {};
  // Caret run: to the span's end on the same line, else to the end of the line; at least one caret.
  uint32_t line_columns = 1;
  for (char c : text) {
    if (!is_continuation_byte(c)) ++line_columns;
  }
  uint32_t stop = end.line == begin.line ? end.column : line_columns;
  uint32_t width = stop > begin.column ? stop - begin.column : 1;

  std::string number = std::to_string(begin.line);
  std::string gutter(number.size(), ' ');
  std::string shown(text);
  if (mask) {
    // One '*' per code point under the span, so that the carets still line up.
    std::string masked;
    uint32_t at = 0;  // code point (1-based) of the current byte
    bool covered = false;
    for (char c : text) {
      if (!is_continuation_byte(c)) {
        ++at;
        covered = at >= begin.column && at < begin.column + width;
        masked.push_back(covered ? '*' : c);
      } else if (!covered) {
        masked.push_back(c);
      }
    }
    shown = std::move(masked);
  }
  std::string out = number + " | " + shown + "\n" + gutter + " | ";
  // Keep tabs from the source so that the caret lines up under the span.
  uint32_t column = 1;
  for (size_t i = 0; i < text.size() && column < begin.column; ++i) {
    if (is_continuation_byte(text[i])) continue;
    out.push_back(text[i] == '\t' ? '\t' : ' ');
    ++column;
  }
  out += style.caret_on + std::string(width, '^') + style.caret_off + "\n";
  return out;
}

}  // namespace gclint::report
