#include "model/value.h"

#include <gtest/gtest.h>

namespace gclint::model {
namespace {

TEST(ValueTest, MapKeepsSourceOrderAndReplaces) {
  Value m = Value::map();
  m.set("b", Value::of_number(1));
  m.set("a", Value::of_string("x"));
  m.set("b", Value::of_bool(true));
  ASSERT_EQ(m.entries.size(), 2u);
  EXPECT_EQ(m.entries[0].key, "b");
  EXPECT_TRUE(m.get("b")->is_bool());
  EXPECT_EQ(m.to_json(), R"({"b":true,"a":"x"})");
}

TEST(ValueTest, NumbersPrintLikeTerraform) {
  EXPECT_EQ(format_number(443), "443");
  EXPECT_EQ(format_number(-1), "-1");
  EXPECT_EQ(format_number(0.5), "0.5");
}

TEST(ValueTest, UnknownAndReferences) {
  Value ref = Value::reference(Reference{"aws_kms_key.main", "arn"});
  EXPECT_TRUE(ref.is_unknown());
  EXPECT_EQ(ref.text, "aws_kms_key.main.arn");
  ASSERT_EQ(ref.refs.size(), 1u);
  Value list = Value::list();
  list.push(Value::of_string("a"));
  EXPECT_FALSE(list.contains_unknown());
  list.push(ref);
  EXPECT_TRUE(list.contains_unknown());
  EXPECT_EQ(list.to_json(), R"(["a",null])");
}

TEST(ValueTest, SameContentIgnoresOrderOfMapsAndSpans) {
  Value a = Value::map(Span{0, 1, 2});
  a.set("x", Value::of_number(1));
  a.set("y", Value::of_string("s"));
  Value b = Value::map();
  b.set("y", Value::of_string("s"));
  b.set("x", Value::of_number(1));
  EXPECT_TRUE(a.same_content(b));
  b.set("x", Value::of_number(2));
  EXPECT_FALSE(a.same_content(b));
}

TEST(ValueTest, JsonEscapesControlCharacters) {
  EXPECT_EQ(Value::of_string("a\"b\n\x01").to_json(), "\"a\\\"b\\n\\u0001\"");
}

TEST(ValueTest, JsonStringEscapesHtmlOnlyWhenAsked) {
  std::string plain;
  append_json_string(plain, "<a&b>");
  EXPECT_EQ(plain, "\"<a&b>\"");
  std::string html;
  append_json_string(html, "<a&b>", true);  // Terraform's jsonencode
  EXPECT_EQ(html, "\"\\u003ca\\u0026b\\u003e\"");
}

}  // namespace
}  // namespace gclint::model
