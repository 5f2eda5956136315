#include "syntax/text_encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace gclint::syntax {
namespace {

// Encodes code points as UTF-16 or UTF-32 in either byte order, with or without a BOM.
std::string encode(const std::u32string& text, int width, bool big_endian, bool bom) {
  std::string out;
  auto put = [&](uint32_t unit) {
    for (int i = 0; i < width; ++i) {
      int shift = big_endian ? 8 * (width - 1 - i) : 8 * i;
      out.push_back(static_cast<char>((unit >> shift) & 0xff));
    }
  };
  if (bom) put(0xFEFF);
  for (char32_t cp : text) {
    if (width == 2 && cp > 0xFFFF) {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put(cp);
    }
  }
  return out;
}

const std::u32string kText = U"kind: Pod\r\nname: \u6771\u4eac-\U0001F600\n";
const std::string kUtf8 = "kind: Pod\r\nname: \xe6\x9d\xb1\xe4\xba\xac-\xf0\x9f\x98\x80\n";

TEST(TextEncodingTest, Utf16AndUtf32InBothByteOrdersBecomeUtf8) {
  struct Case {
    int width;
    bool big_endian;
    bool bom;
    const char* name;
  };
  for (const Case& c :
       {Case{2, false, true, "UTF-16LE"}, Case{2, true, true, "UTF-16BE"}, Case{4, false, true, "UTF-32LE"},
        Case{4, true, true, "UTF-32BE"}, Case{2, false, false, "UTF-16LE"}, Case{2, true, false, "UTF-16BE"},
        Case{4, false, false, "UTF-32LE"}, Case{4, true, false, "UTF-32BE"}}) {
    SCOPED_TRACE(std::string(c.name) + (c.bom ? " with BOM" : " without BOM"));
    auto out = transcode_to_utf8(encode(kText, c.width, c.big_endian, c.bom));
    ASSERT_TRUE(out);
    EXPECT_EQ(out->text, kUtf8);
    EXPECT_STREQ(out->encoding, c.name);
    EXPECT_FALSE(out->invalid_at);
  }
}

TEST(TextEncodingTest, Utf8AndBinaryAreLeftAlone) {
  EXPECT_FALSE(transcode_to_utf8(kUtf8));
  EXPECT_FALSE(transcode_to_utf8("\xef\xbb\xbf" + kUtf8));  // UTF-8 BOM: the readers skip it
  EXPECT_FALSE(transcode_to_utf8(""));
  EXPECT_FALSE(transcode_to_utf8("a"));
  EXPECT_FALSE(transcode_to_utf8(std::string("\0\0\0\0", 4)));
  EXPECT_FALSE(transcode_to_utf8(std::string("ab\0c", 4)));
}

TEST(TextEncodingTest, InvalidUnitsBecomeReplacementCharactersAndAreReported) {
  // "a", a lone high surrogate, "b", a lone low surrogate, then half a code unit.
  std::string bytes = std::string("\xff\xfe", 2) + std::string(
                                                       "a\0\x00\xd8"
                                                       "b\0\x00\xdc"
                                                       "c",
                                                       9);
  auto out = transcode_to_utf8(bytes);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->text,
            "a\xef\xbf\xbd"
            "b\xef\xbf\xbd\xef\xbf\xbd");
  ASSERT_TRUE(out->invalid_at);
  EXPECT_EQ(*out->invalid_at, 1u);

  auto beyond = transcode_to_utf8(std::string("\xff\xfe\x00\x00\x00\x00\x11\x00", 8));  // U+110000
  ASSERT_TRUE(beyond);
  EXPECT_EQ(beyond->text, "\xef\xbf\xbd");
}

}  // namespace
}  // namespace gclint::syntax
