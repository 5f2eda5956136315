#include "terraform/hcl_lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gclint::terraform {
namespace {

using K = HclTokenKind;

std::vector<K> kinds(std::string_view src) {
  HclLexer lex(src);
  std::vector<K> out;
  while (true) {
    HclToken t = lex.take();
    out.push_back(t.kind);
    if (t.kind == K::kEof || t.kind == K::kError) return out;
  }
}

TEST(HclLexer, OperatorsTakeTheLongestMatch) {
  EXPECT_EQ(kinds("== != <= >= => && || ... .* [*] << <<-"),
            (std::vector<K>{K::kEqual, K::kNotEqual, K::kLessEq, K::kGreaterEq, K::kArrow, K::kAnd, K::kOr,
                            K::kEllipsis, K::kAttrSplat, K::kFullSplat, K::kHeredoc, K::kHeredoc, K::kEof}));
  EXPECT_EQ(kinds("= ! < > . [ * ] ~ ? : , + - / %"),
            (std::vector<K>{K::kAssign, K::kBang, K::kLess, K::kGreater, K::kDot, K::kLBracket, K::kStar, K::kRBracket,
                            K::kTilde, K::kQuestion, K::kColon, K::kComma, K::kPlus, K::kMinus, K::kSlash, K::kPercent,
                            K::kEof}));
  EXPECT_EQ(kinds("a & b"), (std::vector<K>{K::kIdent, K::kError}));
}

TEST(HclLexer, NumbersFollowTheHclSpec) {
  HclLexer lex("1.5e+3 0x1F 12.x 1e5 2E-3 7. 1e 3e+x");
  EXPECT_EQ(lex.text(lex.take()), "1.5e+3");
  EXPECT_EQ(lex.text(lex.take()), "0x1F");
  EXPECT_EQ(lex.text(lex.take()), "12");  // the fraction needs a digit after the dot
  EXPECT_EQ(lex.take().kind, K::kDot);
  EXPECT_EQ(lex.text(lex.take()), "x");
  EXPECT_EQ(lex.text(lex.take()), "1e5");  // HCL's NumericLit: the exponent does not need a fraction
  EXPECT_EQ(lex.text(lex.take()), "2E-3");
  EXPECT_EQ(lex.text(lex.take()), "7");
  EXPECT_EQ(lex.take().kind, K::kDot);
  EXPECT_EQ(lex.text(lex.take()), "1");  // an exponent mark needs digits
  EXPECT_EQ(lex.text(lex.take()), "e");
  EXPECT_EQ(lex.text(lex.take()), "3");
  EXPECT_EQ(lex.text(lex.take()), "e");
  EXPECT_EQ(lex.take().kind, K::kPlus);
}

TEST(HclLexer, IdentifiersTakeDashesAndDoubleColons) {
  HclLexer lex("provider::aws::arn_parse a-b_c x:y");
  EXPECT_EQ(lex.text(lex.take()), "provider::aws::arn_parse");
  EXPECT_EQ(lex.text(lex.take()), "a-b_c");
  EXPECT_EQ(lex.text(lex.take()), "x");
  EXPECT_EQ(lex.take().kind, K::kColon);
  EXPECT_EQ(kinds("caf\xC3\xA9"), (std::vector<K>{K::kError}));
}

TEST(HclLexer, TriviaRecordsNewlinesAndComments) {
  HclLexer lex("a # one\nb /* two\n */ c // three\n\nd /* four */ e");
  HclToken a = lex.take();
  EXPECT_FALSE(a.newline_before);
  HclToken b = lex.take();
  EXPECT_TRUE(b.newline_before);
  EXPECT_TRUE(b.comment_before);
  HclToken c = lex.take();
  EXPECT_TRUE(c.newline_before);
  EXPECT_TRUE(c.comment_before);
  HclToken d = lex.take();
  EXPECT_TRUE(d.newline_before);
  HclToken e = lex.take();
  EXPECT_FALSE(e.newline_before);
  EXPECT_TRUE(e.comment_before);
  EXPECT_EQ(lex.text(e), "e");
  EXPECT_EQ(kinds("a /* never closed"), (std::vector<K>{K::kIdent, K::kError}));
}

TEST(HclLexer, ResetAndDigitsSupportTemplatesAndLegacyIndexes) {
  HclLexer lex("x.0.1 y");
  lex.take();
  lex.take();
  HclToken n = lex.peek();
  EXPECT_EQ(lex.text(n), "0.1");
  HclToken digits = lex.take_digits(n.begin);
  EXPECT_EQ(lex.text(digits), "0");
  EXPECT_EQ(lex.take().kind, K::kDot);
  EXPECT_EQ(lex.text(lex.take_digits(lex.peek().begin)), "1");
  EXPECT_EQ(lex.text(lex.take()), "y");
  lex.reset(2);
  EXPECT_EQ(lex.text(lex.take()), "0.1");
}

TEST(HclLexer, ByteOrderMarkIsWhitespace) {
  HclLexer lex("\xEF\xBB\xBFresource");
  HclToken t = lex.take();
  EXPECT_EQ(t.kind, K::kIdent);
  EXPECT_EQ(t.begin, 3u);
}

}  // namespace
}  // namespace gclint::terraform
