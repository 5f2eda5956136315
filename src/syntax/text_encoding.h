#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gclint::syntax {

/// A YAML or JSON file in UTF-16 or UTF-32 (Windows editors save these), converted to the UTF-8 every reader
/// expects. Line and column numbers (counted in code points) are the same in both texts; byte offsets are those of
/// the UTF-8 text.
struct TranscodedText {
  std::string text;                    // UTF-8, without the byte order mark
  const char* encoding = "";           // "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"
  std::optional<uint32_t> invalid_at;  // offset in `text` of the first U+FFFD that replaced an invalid code unit
};

/// Recognises UTF-16 and UTF-32 by their byte order mark, or without one by the NUL bytes of a first character
/// that is ASCII (RFC 4627 §3), and converts the text to UTF-8. std::nullopt for anything else (UTF-8, with or
/// without BOM, and binary data that matches neither pattern).
std::optional<TranscodedText> transcode_to_utf8(std::string_view bytes);

}  // namespace gclint::syntax
