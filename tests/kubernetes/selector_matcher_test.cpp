#include "kubernetes/selector_matcher.h"

#include <gtest/gtest.h>

#include "syntax/yaml_reader.h"

namespace gclint::kubernetes {
namespace {

model::Value parse(const std::string& text) {
  model::SourceFile file(0, "s.yaml", text);
  std::vector<model::Diagnostic> diagnostics;
  auto docs = syntax::read_yaml(file, diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  return docs.at(0).root;
}

const Labels kLabels = {{"app", "web"}, {"tier", "front"}, {"version", "2"}};

TEST(SelectorMatcherTest, MapSelector) {
  EXPECT_TRUE(map_selector_matches(parse("{app: web}"), kLabels));
  EXPECT_TRUE(map_selector_matches(parse("{app: web, version: 2}"), kLabels));
  EXPECT_FALSE(map_selector_matches(parse("{app: db}"), kLabels));
  EXPECT_FALSE(map_selector_matches(parse("{}"), kLabels));
  EXPECT_FALSE(map_selector_matches(parse("~"), kLabels));
}

TEST(SelectorMatcherTest, LabelSelectorMatchLabelsAndExpressions) {
  EXPECT_TRUE(label_selector_matches(parse("{}"), kLabels));
  EXPECT_TRUE(label_selector_matches(parse("~"), kLabels));
  EXPECT_TRUE(label_selector_matches(parse("matchLabels: {app: web}"), kLabels));
  EXPECT_FALSE(label_selector_matches(parse("matchLabels: {app: db}"), kLabels));
  EXPECT_TRUE(
      label_selector_matches(parse("matchExpressions: [{key: tier, operator: In, values: [front, x]}]"), kLabels));
  EXPECT_FALSE(
      label_selector_matches(parse("matchExpressions: [{key: tier, operator: NotIn, values: [front]}]"), kLabels));
  EXPECT_TRUE(label_selector_matches(parse("matchExpressions: [{key: zone, operator: NotIn, values: [a]}]"), kLabels));
  EXPECT_TRUE(label_selector_matches(parse("matchExpressions: [{key: app, operator: Exists}]"), kLabels));
  EXPECT_FALSE(label_selector_matches(parse("matchExpressions: [{key: app, operator: DoesNotExist}]"), kLabels));
  EXPECT_FALSE(label_selector_matches(parse("matchExpressions: [{key: app, operator: Bogus, values: []}]"), kLabels));
  EXPECT_FALSE(label_selector_matches(parse("{matchLabels: {app: web}, typo: 1}"), kLabels));
}

TEST(SelectorMatcherTest, LabelsOf) {
  model::Value map = parse("{a: x, b: 3, c: true, d: [1]}");
  auto labels = labels_of(&map);
  ASSERT_EQ(labels.size(), 3u);
  EXPECT_EQ(labels[1].second, "3");
  EXPECT_EQ(labels[2].second, "true");
  EXPECT_TRUE(labels_of(nullptr).empty());
}

}  // namespace
}  // namespace gclint::kubernetes
