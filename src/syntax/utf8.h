#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gclint::syntax {

/// Appends code point `cp` (at most U+10FFFF; callers validate) to `out` as UTF-8.
void append_utf8(std::string& out, uint32_t cp);

/// True when `text` is well-formed UTF-8 (Unicode table 3-7: no overlong forms, surrogates or code points past
/// U+10FFFF).
bool is_valid_utf8(std::string_view text);

}  // namespace gclint::syntax
