#include "cloudformation/short_form_tags.h"

#include <gtest/gtest.h>

namespace gclint::cloudformation {
namespace {

using model::Value;

TEST(ShortFormTagsTest, EveryTagBecomesItsLongForm) {
  const std::pair<const char*, const char*> cases[] = {
      {"!Ref", "Ref"},
      {"!Sub", "Fn::Sub"},
      {"!If", "Fn::If"},
      {"!Join", "Fn::Join"},
      {"!Select", "Fn::Select"},
      {"!Split", "Fn::Split"},
      {"!FindInMap", "Fn::FindInMap"},
      {"!ImportValue", "Fn::ImportValue"},
      {"!Base64", "Fn::Base64"},
      {"!Equals", "Fn::Equals"},
      {"!And", "Fn::And"},
      {"!Or", "Fn::Or"},
      {"!Not", "Fn::Not"},
      {"!Condition", "Condition"},
      {"!Cidr", "Fn::Cidr"},
      {"!GetAZs", "Fn::GetAZs"},
      {"!Transform", "Fn::Transform"},
      {"!GetAtt", "Fn::GetAtt"},
  };
  for (const auto& [tag, key] : cases) {
    model::Span span{0, 5, 9};
    std::optional<Value> out = expand_short_form_tag(tag, Value::of_string("x", span));
    ASSERT_TRUE(out) << tag;
    ASSERT_TRUE(out->is_map()) << tag;
    ASSERT_EQ(out->entries.size(), 1u) << tag;
    EXPECT_EQ(out->entries[0].key, key) << tag;
    EXPECT_EQ(out->span.begin, 5u) << tag;
  }
}

TEST(ShortFormTagsTest, GetAttSplitsAtTheFirstDot) {
  std::optional<Value> out = expand_short_form_tag("!GetAtt", Value::of_string("Db.Endpoint.Address"));
  ASSERT_TRUE(out);
  const Value* pair = out->get("Fn::GetAtt");
  ASSERT_TRUE(pair && pair->is_list());
  ASSERT_EQ(pair->items.size(), 2u);
  EXPECT_EQ(pair->items[0].text, "Db");
  EXPECT_EQ(pair->items[1].text, "Endpoint.Address");
}

TEST(ShortFormTagsTest, ListArgumentsAreKept) {
  Value list = Value::list();
  list.push(Value::of_string("a"));
  list.push(Value::of_string("b"));
  std::optional<Value> out = expand_short_form_tag("!Equals", list);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->get("Fn::Equals")->items.size(), 2u);
}

TEST(ShortFormTagsTest, UnknownTagsAreRefused) {
  EXPECT_FALSE(expand_short_form_tag("!Reff", Value::of_string("x")));
  EXPECT_FALSE(expand_short_form_tag("!ForEach", Value::of_string("x")));
  EXPECT_FALSE(expand_short_form_tag("Ref", Value::of_string("x")));
}

}  // namespace
}  // namespace gclint::cloudformation
