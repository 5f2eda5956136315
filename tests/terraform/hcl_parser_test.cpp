#include "terraform/hcl_parser.h"

#include <gtest/gtest.h>

#include "terraform/module_loader.h"

namespace gclint::terraform {
namespace {

TEST(HclParser, BlocksLabelsAndAttributes) {
  model::SourceFile file(0, "main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  rule { a = 1 }\n}\n");
  std::vector<model::Diagnostic> diags;
  HclFile parsed = parse_hcl(file, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(parsed.body.blocks.size(), 1u);
  const Block& b = parsed.body.blocks[0];
  EXPECT_EQ(b.type, "resource");
  ASSERT_EQ(b.labels.size(), 2u);
  EXPECT_EQ(b.labels[1], "b");
  EXPECT_EQ(b.begin, 0u);
  EXPECT_EQ(file.content().substr(b.begin, b.header_end - b.begin), "resource \"aws_s3_bucket\" \"b\"");
  ASSERT_EQ(b.body.attributes.size(), 1u);
  EXPECT_EQ(b.body.attributes[0].name, "bucket");
  EXPECT_EQ(b.body.attributes[0].value.kind, ExprKind::kString);
  EXPECT_EQ(b.body.blocks.size(), 1u);
}

TEST(HclParser, SyntaxErrorHasLineAndColumnAndRestIsKept) {
  model::SourceFile file(0, "main.tf", "a = 1\nb = }\nresource \"x\" \"y\" {\n  c = 2\n}\n");
  std::vector<model::Diagnostic> diags;
  HclFile parsed = parse_hcl(file, diags);
  ASSERT_FALSE(diags.empty());
  auto pos = file.position(diags[0].span.begin);
  EXPECT_EQ(pos.line, 2u);
  EXPECT_EQ(pos.column, 5u);
  EXPECT_NE(diags[0].message.find("syntax error"), std::string::npos) << diags[0].message;
  EXPECT_NE(diags[0].message.find("}"), std::string::npos) << diags[0].message;
  bool found_resource = false;
  for (const auto& b : parsed.body.blocks) found_resource = found_resource || b.type == "resource";
  EXPECT_TRUE(found_resource);
}

TEST(HclParser, MissingBraceIsReported) {
  model::SourceFile file(0, "main.tf", "resource \"x\" \"y\" {\n  c = 2\n");
  auto result = parse_only(file);
  ASSERT_TRUE(result.has_errors());
  EXPECT_NE(result.diagnostics[0].message.find("syntax error"), std::string::npos);
}

TEST(HclParser, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "a = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  model::SourceFile file(0, "main.tf", deep);
  std::vector<model::Diagnostic> diags;
  parse_hcl(file, diags);
  EXPECT_FALSE(diags.empty());
}

TEST(HclParser, ParseOnlyCleanFileHasNoDiagnostics) {
  model::SourceFile file(0, "main.tf", "variable \"x\" {\n  type = list(string)\n  default = [\"a\"]\n}\n");
  EXPECT_TRUE(parse_only(file).diagnostics.empty());
}

// HCL reads `a ? b : c ? d : e` as `a ? b : (c ? d : e)`, the nat_gateway_count idiom of community VPC modules;
// explicit parentheses keep their grouping.
TEST(HclParser, ChainedConditionalsAreRightAssociative) {
  model::SourceFile file(0, "main.tf",
                         "n = var.single ? 1 : var.per_az ? length(var.azs) : 3\n"
                         "p = (var.single ? true : false) ? 1 : 2\n");
  std::vector<model::Diagnostic> diags;
  HclFile parsed = parse_hcl(file, diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(parsed.body.attributes.size(), 2u);
  const Expr& n = parsed.body.attributes[0].value;
  ASSERT_EQ(n.kind, ExprKind::kConditional);
  ASSERT_EQ(n.kids.size(), 3u);
  EXPECT_EQ(n.kids[0].kind, ExprKind::kGetAttr);
  EXPECT_EQ(n.kids[1].kind, ExprKind::kNumber);
  const Expr& rest = n.kids[2];
  ASSERT_EQ(rest.kind, ExprKind::kConditional);
  EXPECT_EQ(file.content().substr(rest.begin, rest.end - rest.begin), "var.per_az ? length(var.azs) : 3");
  EXPECT_EQ(rest.kids[1].kind, ExprKind::kCall);
  EXPECT_EQ(rest.kids[2].kind, ExprKind::kNumber);
  const Expr& p = parsed.body.attributes[1].value;
  ASSERT_EQ(p.kind, ExprKind::kConditional);
  EXPECT_EQ(p.kids[0].kind, ExprKind::kParen);
}

}  // namespace
}  // namespace gclint::terraform
