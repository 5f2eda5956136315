#include "engine/bounded_yaml.h"

#include <gtest/gtest.h>

#include <string>

namespace gclint::engine {
namespace {

TEST(BoundedYamlTest, BillionLaughsIsRefusedQuickly) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c, ++prev) {
    text += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  model::SourceFile file(0, ".gclint.yaml", text);
  std::vector<model::Diagnostic> diagnostics;
  EXPECT_FALSE(load_bounded_yaml(file, diagnostics).has_value());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_NE(diagnostics[0].message.find("alias expansion"), std::string::npos);
}

TEST(BoundedYamlTest, DeepNestingIsRefused) {
  std::string text(kMaxYamlDepth + 10, '[');
  text += std::string(kMaxYamlDepth + 10, ']');
  model::SourceFile file(0, "rule.yaml", text);
  std::vector<model::Diagnostic> diagnostics;
  EXPECT_FALSE(load_bounded_yaml(file, diagnostics).has_value());
  ASSERT_FALSE(diagnostics.empty());
}

TEST(BoundedYamlTest, SyntaxErrorSpanStaysInsideTheFile) {
  model::SourceFile file(0, "rule.yaml", "a: \"unterminated");
  std::vector<model::Diagnostic> diagnostics;
  EXPECT_FALSE(load_bounded_yaml(file, diagnostics).has_value());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_LE(diagnostics[0].span.end, file.content().size());
  EXPECT_LE(diagnostics[0].span.begin, diagnostics[0].span.end);
}

TEST(BoundedYamlTest, OrdinaryFilesLoad) {
  model::SourceFile file(0, ".gclint.yaml", "default_tier: lgwan\nallowed_regions: [ap-northeast-1]\n");
  std::vector<model::Diagnostic> diagnostics;
  auto root = load_bounded_yaml(file, diagnostics);
  ASSERT_TRUE(root.has_value());
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ((*root)["default_tier"].as<std::string>(), "lgwan");
}

}  // namespace
}  // namespace gclint::engine
