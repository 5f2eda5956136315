#pragma once

#include <cstdint>

namespace gclint::model {

/// Byte range [begin, end) in one registered source file; lines and columns come from SourceSet.
struct Span {
  static constexpr uint32_t kNoFile = UINT32_MAX;
  uint32_t file = kNoFile;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
};

/// 1-based line and column; columns count Unicode code points (SARIF columnKind unicodeCodePoints).
struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
};

}  // namespace gclint::model
