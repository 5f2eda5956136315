#include "model/source_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace gclint::model {
namespace {

TEST(SourceFileTest, PositionCountsLinesAndCodePoints) {
  SourceFile file(0, "main.tf", "a = 1\n# 日本語\nb = \"x\"\n");
  EXPECT_EQ(file.position(0).line, 1u);
  EXPECT_EQ(file.position(0).column, 1u);
  EXPECT_EQ(file.position(4).column, 5u);
  // "# 日本語\n" starts at byte 6; "日" is 3 bytes, so byte 6+2+3 is the 4th code point.
  Position p = file.position(6 + 2 + 3);
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column, 4u);
  EXPECT_EQ(file.line_text(3), "b = \"x\"");
  EXPECT_EQ(file.line_count(), 4u);
}

// A plan or template written on one line: columns far into it still count code points, whatever block boundary the
// offset and the line start fall on.
TEST(SourceFileTest, ColumnsOnVeryLongLines) {
  std::string text = "{\"x\": \"";
  for (int i = 0; i < 5000; ++i) text += i % 7 == 0 ? "\xE6\x97\xA5" : "a";  // 日 every seventh character
  text += "\"}\n";
  std::string second = "\xE2\x80\x94" + std::string(9000, 'b');  // a second long line, starting with a dash
  text += second;
  text.resize(16384 - 1, 'c');
  text += "\n";
  SourceFile file(0, "plan.json", text);
  auto naive = [&](uint32_t offset) {
    uint32_t start = static_cast<uint32_t>(text.rfind('\n', offset == 0 ? 0 : offset - 1));
    start = start == UINT32_MAX || offset == 0 ? 0 : start + 1;
    uint32_t column = 1;
    for (uint32_t i = start; i < offset; ++i) column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return column;
  };
  for (uint32_t offset : {0u, 5u, 4095u, 4096u, 4097u, 5020u, 5100u, 8191u, 8192u, 12000u, 16383u, 16384u}) {
    offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
    if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;
    EXPECT_EQ(file.position(offset).column, naive(offset)) << offset;
  }
  EXPECT_EQ(file.position(static_cast<uint32_t>(text.size())).line, 3u);
}

TEST(SourceFileTest, CrlfAndLoneCrEndLines) {
  SourceFile file(0, "t.yaml", "a: 1\r\nb: 2\rc: 3");
  EXPECT_EQ(file.line_text(1), "a: 1");
  EXPECT_EQ(file.line_text(2), "b: 2");
  EXPECT_EQ(file.line_text(3), "c: 3");
  EXPECT_EQ(file.position(file.offset_of(3, 4)).column, 4u);
}

TEST(SourceFileTest, ByteOrderMarkIsNotAColumn) {
  SourceFile file(0, "bom.tf", "\xEF\xBB\xBFresource \"a\" \"b\" {}\nx = 1\n");
  EXPECT_EQ(file.position(3).column, 1u);
  EXPECT_EQ(file.position(4).column, 2u);
  EXPECT_EQ(file.position(0).column, 1u);
  EXPECT_EQ(file.position(file.line_start(2) + 1).column, 2u);
}

TEST(SourceFileTest, OffsetsPastTheEndAreClamped) {
  SourceFile file(0, "e.tf", "");
  EXPECT_EQ(file.position(100).line, 1u);
  EXPECT_EQ(file.line_text(5), "");
}

TEST(SourceSetTest, RegistersAndFinds) {
  SourceSet set;
  uint32_t a = set.add("a.tf", "x");
  uint32_t b = set.add("dir/b.tf", "y\nz");
  EXPECT_NE(a, b);
  EXPECT_EQ(set.find("dir/b.tf"), b);
  EXPECT_EQ(set.find("nope"), Span::kNoFile);
  EXPECT_EQ(set.begin_of(Span{b, 2, 3}).line, 2u);
  EXPECT_EQ(set.path_of(Span{a, 0, 1}), "a.tf");
}

}  // namespace
}  // namespace gclint::model
