#include "syntax/text_encoding.h"

#include "syntax/utf8.h"

namespace gclint::syntax {
namespace {

enum class Encoding { kNone, kUtf16LE, kUtf16BE, kUtf32LE, kUtf32BE };

bool starts_with(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

// The encoding and the length of its byte order mark (0 when detected from the NUL pattern).
Encoding detect(std::string_view b, size_t& bom) {
  using namespace std::string_view_literals;
  bom = 0;
  if (starts_with(b, "\x00\x00\xfe\xff"sv)) return bom = 4, Encoding::kUtf32BE;
  if (starts_with(b, "\xff\xfe\x00\x00"sv)) return bom = 4, Encoding::kUtf32LE;
  if (starts_with(b, "\xfe\xff"sv)) return bom = 2, Encoding::kUtf16BE;
  if (starts_with(b, "\xff\xfe"sv)) return bom = 2, Encoding::kUtf16LE;
  if (b.size() < 4) return Encoding::kNone;
  bool z0 = b[0] == 0, z1 = b[1] == 0, z2 = b[2] == 0, z3 = b[3] == 0;
  if (z0 && z1 && z2 && !z3) return Encoding::kUtf32BE;
  if (!z0 && z1 && z2 && z3) return Encoding::kUtf32LE;
  if (z0 && !z1 && z2 && !z3) return Encoding::kUtf16BE;
  if (!z0 && z1 && !z2 && z3) return Encoding::kUtf16LE;
  return Encoding::kNone;
}

uint32_t unit(std::string_view b, size_t pos, size_t width, bool big_endian) {
  uint32_t value = 0;
  for (size_t i = 0; i < width; ++i) {
    size_t at = big_endian ? pos + i : pos + width - 1 - i;
    value = (value << 8) | static_cast<unsigned char>(b[at]);
  }
  return value;
}

}  // namespace

std::optional<TranscodedText> transcode_to_utf8(std::string_view bytes) {
  size_t bom = 0;
  Encoding encoding = detect(bytes, bom);
  if (encoding == Encoding::kNone) return std::nullopt;
  TranscodedText out;
  bool wide = encoding == Encoding::kUtf32LE || encoding == Encoding::kUtf32BE;
  bool big_endian = encoding == Encoding::kUtf16BE || encoding == Encoding::kUtf32BE;
  out.encoding = wide ? (big_endian ? "UTF-32BE" : "UTF-32LE") : (big_endian ? "UTF-16BE" : "UTF-16LE");
  size_t width = wide ? 4 : 2;
  out.text.reserve(bytes.size() / width * 3 / 2);
  auto replace = [&out] {
    if (!out.invalid_at) out.invalid_at = static_cast<uint32_t>(out.text.size());
    append_utf8(out.text, 0xFFFD);
  };
  size_t pos = bom;
  while (pos + width <= bytes.size()) {
    uint32_t cp = unit(bytes, pos, width, big_endian);
    pos += width;
    if (!wide && cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = pos + 2 <= bytes.size() ? unit(bytes, pos, 2, big_endian) : 0;
      if (low < 0xDC00 || low > 0xDFFF) {
        replace();
        continue;
      }
      pos += 2;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      replace();
      continue;
    }
    append_utf8(out.text, cp);
  }
  if (pos < bytes.size()) replace();  // a truncated last code unit
  return out;
}

}  // namespace gclint::syntax
