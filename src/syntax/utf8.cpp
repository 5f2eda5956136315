#include "syntax/utf8.h"

#include <cstring>

namespace gclint::syntax {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {
constexpr uint64_t kHighBits = 0x8080808080808080ULL;
}  // namespace

bool is_valid_utf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  auto continuation = [&](size_t at) { return at < n && (byte(at) & 0xC0) == 0x80; };
  while (i < n) {
    // Most text is ASCII: eight bytes at a time while none has its high bit set.
    uint64_t word = 0;
    while (i + sizeof word <= n && (std::memcpy(&word, text.data() + i, sizeof word), (word & kHighBits) == 0)) {
      i += sizeof word;
    }
    if (i >= n) break;
    // Fewer than eight bytes left: all ASCII when the last eight bytes of the text are.
    if (i + sizeof word > n && n >= sizeof word &&
        (std::memcpy(&word, text.data() + n - sizeof word, sizeof word), (word & kHighBits) == 0)) {
      break;
    }
    unsigned char c = byte(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      if (!continuation(i + 1)) return false;
      i += 2;
      continue;
    }
    if (c >= 0xE0 && c <= 0xEF) {
      if (i + 1 >= n) return false;
      unsigned char second = byte(i + 1);
      unsigned char low = c == 0xE0 ? 0xA0 : 0x80;
      unsigned char high = c == 0xED ? 0x9F : 0xBF;
      if (second < low || second > high || !continuation(i + 2)) return false;
      i += 3;
      continue;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (i + 1 >= n) return false;
      unsigned char second = byte(i + 1);
      unsigned char low = c == 0xF0 ? 0x90 : 0x80;
      unsigned char high = c == 0xF4 ? 0x8F : 0xBF;
      if (second < low || second > high || !continuation(i + 2) || !continuation(i + 3)) return false;
      i += 4;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace gclint::syntax
