#include "report/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "syntax/utf8.h"

namespace gclint::report {
namespace {

using Json = nlohmann::ordered_json;

std::string nlohmann_string(const std::string& text) {
  return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string written(const std::string& text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonTextTest, EscapesLikeNlohmann) {
  std::vector<std::string> cases = {
      "",
      "plain",
      "quote \" and backslash \\",
      "controls \b\f\n\r\t and \x01\x1f",
      std::string("nul \0 inside", 12),
      "delete \x7f stays",
      "日本語のマイナンバー利用事務系",
      "emoji \xF0\x9F\x94\x92",
      "bad \xC3 alone",
      "overlong \xC0\xAF",
      "surrogate \xED\xA0\x80",
      "past U+10FFFF \xF4\x90\x80\x80",
      "cut at the end \xE3\x81",
      "\xFF\xFE",
  };
  for (const auto& text : cases) EXPECT_EQ(written(text), nlohmann_string(text)) << text;
}

TEST(JsonTextTest, RandomBytesMatchNlohmann) {
  std::mt19937 random(20261122);
  std::uniform_int_distribution<int> length(0, 24);
  // Bytes weighted toward the interesting ranges: ASCII controls, quotes, UTF-8 lead and continuation bytes.
  const std::string alphabet = std::string("\x00\x01\x1f\"\\ aZ\x7f\x80\xbf\xc2\xdf\xe0\xed\xef\xf0\xf4\xf5\xff", 20) +
                               "\xe3\x81\x82\xf0\x9f\x94\x92";
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int i = length(random); i > 0; --i) text += alphabet[pick(random)];
    ASSERT_EQ(written(text), nlohmann_string(text)) << ::testing::PrintToString(text);
  }
}

TEST(JsonTextTest, ValidatorAgreesWithTheUnicodeTable) {
  EXPECT_TRUE(syntax::is_valid_utf8("ascii"));
  EXPECT_TRUE(syntax::is_valid_utf8("\xE3\x81\x82\xF0\x9F\x94\x92\xC2\x80\xEF\xBF\xBF\xF4\x8F\xBF\xBF"));
  EXPECT_FALSE(syntax::is_valid_utf8("\xC1\xBF"));          // overlong
  EXPECT_FALSE(syntax::is_valid_utf8("\xE0\x9F\xBF"));      // overlong
  EXPECT_FALSE(syntax::is_valid_utf8("\xED\xBF\xBF"));      // surrogate
  EXPECT_FALSE(syntax::is_valid_utf8("\xF0\x8F\xBF\xBF"));  // overlong
  EXPECT_FALSE(syntax::is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(syntax::is_valid_utf8("\xE3\x81"));          // cut
  EXPECT_FALSE(syntax::is_valid_utf8("\x80"));              // lone continuation
}

// Both the escaper and the validator skip plain ASCII eight bytes at a time: put each interesting byte at every
// offset of a long ASCII run, so that it falls in a word, in the tail, and across a word's edge.
TEST(JsonTextTest, OneSpecialByteAtEveryOffsetOfALongRun) {
  const std::vector<std::string> specials = {std::string(1, '\0'),
                                             "\x01",
                                             "\x1f",
                                             "\"",
                                             "\\",
                                             "\x7f",
                                             "~",
                                             " ",
                                             "\xC3",
                                             "\x80",
                                             "\xE3\x81\x82",
                                             "\xE3\x81",
                                             "\xED\xA0\x80",
                                             "\xF0\x9F\x94\x92",
                                             "\xF4\x90\x80\x80",
                                             "\xFF"};
  for (size_t length : {7u, 8u, 9u, 16u, 23u, 40u}) {
    for (const auto& special : specials) {
      for (size_t at = 0; at <= length; ++at) {
        std::string text(length, 'a');
        text.insert(at, special);
        ASSERT_EQ(written(text), nlohmann_string(text)) << ::testing::PrintToString(text);
        bool nlohmann_accepts = true;
        try {
          (void)Json(text).dump();
        } catch (const Json::type_error&) {
          nlohmann_accepts = false;
        }
        ASSERT_EQ(syntax::is_valid_utf8(text), nlohmann_accepts) << ::testing::PrintToString(text);
      }
    }
  }
}

TEST(JsonTextTest, ObjectLayoutIsDumpTwo) {
  Json expected;
  expected["id"] = "GC-NET-004";
  expected["line"] = 12;
  expected["suppressed"] = false;
  expected["requirements"] = std::vector<std::string>{"GC-NET-02", "GC-NET-03"};
  expected["none"] = std::vector<std::string>{};
  expected["origin"] = Json{{"file", "variables.tf"}, {"line", 3}};
  expected["empty"] = Json::object();

  std::string out;
  JsonObjectText j(out);
  const std::vector<std::string> requirements{"GC-NET-02", "GC-NET-03"};
  j.string("id", "GC-NET-004")
      .number("line", 12)
      .boolean("suppressed", false)
      .strings("requirements", requirements)
      .strings("none", {});
  JsonObjectText origin = j.object("origin");
  origin.string("file", "variables.tf").number("line", 3);
  origin.close();
  j.object("empty").close();
  j.close();
  EXPECT_EQ(out, expected.dump(2));

  std::string empty;
  JsonObjectText(empty).close();
  EXPECT_EQ(empty, Json::object().dump(2));
}

}  // namespace
}  // namespace gclint::report
