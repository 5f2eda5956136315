#include "expectation_parser.h"

#include <gtest/gtest.h>

namespace gclint::fixture_runner {
namespace {

TEST(ExpectationParser, InlineExpectations) {
  std::vector<std::string> errors;
  auto e = parse_inline_expectations("bad.tf",
                                     "resource \"x\" \"y\" { # expect: GC-ENC-002\n"
                                     "  a = 1 // expect: GC-NET-001, GC-NET-002 \"AES256\"\n"
                                     "  # expect-next-line: GC-LOG-001\n"
                                     "  policy = <<EOF\n"
                                     "  b = \"expect: not a comment\"\n",
                                     errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0].line, 1u);
  EXPECT_EQ(e[0].check_id, "GC-ENC-002");
  EXPECT_EQ(e[0].message, "");
  EXPECT_EQ(e[1].line, 2u);
  EXPECT_EQ(e[1].check_id, "GC-NET-001");
  EXPECT_EQ(e[1].message, "AES256");
  EXPECT_EQ(e[2].check_id, "GC-NET-002");
  EXPECT_EQ(e[2].message, "AES256");
  EXPECT_EQ(e[3].line, 4u);
  EXPECT_EQ(e[3].check_id, "GC-LOG-001");
  EXPECT_EQ(e[3].file, "bad.tf");
}

TEST(ExpectationParser, MalformedExpectationsAreErrors) {
  std::vector<std::string> errors;
  parse_inline_expectations("bad.yaml", "a: 1\nb: 2 # expect: GC-ENC\nc: 3 # expect: GC-ENC-001 \"open\n", errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "bad.yaml:2: bad expectation: 'GC-ENC' is not a check ID");
  EXPECT_EQ(errors[1], "bad.yaml:3: bad expectation: unterminated message quote");
}

TEST(ExpectationParser, Sidecar) {
  std::vector<std::string> errors;
  auto entries = parse_sidecar(
      "bad.json.expect", "# comment\n/Resources/B~1x/Properties GC-ENC-001, GC-ENC-002 \"kms\"\n\nnot-a-pointer X\n",
      errors);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].pointer, "/Resources/B~1x/Properties");
  EXPECT_EQ(entries[0].check_ids, (std::vector<std::string>{"GC-ENC-001", "GC-ENC-002"}));
  EXPECT_EQ(entries[0].message, "kms");
  EXPECT_EQ(entries[0].sidecar_line, 2u);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("bad.json.expect:4:"), std::string::npos);
}

TEST(ExpectationParser, JsonPointer) {
  model::Value root = model::Value::map();
  model::Value list = model::Value::list();
  list.push(model::Value::of_number(1));
  list.push(model::Value::of_string("two"));
  root.set("a/b", model::Value::map()).set("~k", std::move(list));
  EXPECT_EQ(resolve_json_pointer(root, ""), &root);
  const model::Value* two = resolve_json_pointer(root, "/a~1b/~0k/1");
  ASSERT_NE(two, nullptr);
  EXPECT_EQ(two->text, "two");
  EXPECT_EQ(resolve_json_pointer(root, "/a~1b/~0k/2"), nullptr);
  EXPECT_EQ(resolve_json_pointer(root, "/missing"), nullptr);
  EXPECT_EQ(resolve_json_pointer(root, "a"), nullptr);
}

TEST(ExpectationParser, CheckIds) {
  EXPECT_TRUE(is_check_id("GC-ENC-002"));
  EXPECT_TRUE(is_check_id("ORG-LOG-001"));
  EXPECT_FALSE(is_check_id("GC-ENC-02"));
  EXPECT_FALSE(is_check_id("gc-enc-002"));
  EXPECT_FALSE(is_check_id("GC-ENC"));
}

}  // namespace
}  // namespace gclint::fixture_runner
