#pragma once

#include <cstdint>
#include <string>

namespace gclint::syntax {

/// Appends code point `cp` (at most U+10FFFF; callers validate) to `out` as UTF-8.
void append_utf8(std::string& out, uint32_t cp);

}  // namespace gclint::syntax
