#include "terraform/expression_evaluator.h"

#include <gtest/gtest.h>

#include "terraform_test_support.h"

namespace gclint::terraform {
namespace {

using model::Value;
using testing::load;

// Evaluates `expr` as the argument `v` of a resource, with `extra` configuration beside it.
Value eval(const std::string& expr, const std::string& extra = "") {
  auto loaded = load({{"main.tf", extra + "\nresource \"test_thing\" \"t\" {\n  v = " + expr + "\n}\n"}});
  const model::Resource* r = loaded->find("test_thing.t");
  if (!r) {
    ADD_FAILURE() << "no resource; diagnostics: " << loaded->diagnostics();
    return Value();
  }
  const Value* v = r->attributes.get("v");
  return v ? *v : Value();
}

std::string json(const std::string& expr, const std::string& extra = "") { return eval(expr, extra).to_json(); }

TEST(ExpressionEvaluator, Literals) {
  EXPECT_EQ(json("1.5"), "1.5");
  EXPECT_EQ(json("0x1F"), "31");
  EXPECT_EQ(json("true"), "true");
  EXPECT_EQ(json("null"), "null");
  EXPECT_EQ(json("\"a\\tb\\\"c\\u00e9\""), "\"a\\tb\\\"c\xC3\xA9\"");
  EXPECT_EQ(json("[1, \"x\", [true]]"), "[1,\"x\",[true]]");
  EXPECT_EQ(json("{ a = 1, \"b\" : 2, (\"c\") = 3 }"), "{\"a\":1,\"b\":2,\"c\":3}");
}

TEST(ExpressionEvaluator, Operators) {
  EXPECT_EQ(json("1 + 2 * 3"), "7");
  EXPECT_EQ(json("(1 + 2) * 3"), "9");
  EXPECT_EQ(json("-(4 - 6)"), "2");
  EXPECT_EQ(json("7 % 4"), "3");
  EXPECT_EQ(json("10 / 4"), "2.5");
  EXPECT_EQ(json("1 < 2 && 2 >= 2"), "true");
  EXPECT_EQ(json("!(1 == 1) || \"a\" != \"b\""), "true");
  EXPECT_EQ(json("1 == \"1\""), "false");
  EXPECT_EQ(json("true ? \"y\" : \"n\""), "\"y\"");
  EXPECT_EQ(json("2 > 3 ? \"y\" : \"n\""), "\"n\"");
}

TEST(ExpressionEvaluator, ForExpressions) {
  EXPECT_EQ(json("[for x in [1, 2, 3] : x * 2 if x != 2]"), "[2,6]");
  EXPECT_EQ(json("[for i, x in [\"a\", \"b\"] : \"${i}${x}\"]"), "[\"0a\",\"1b\"]");
  EXPECT_EQ(json("{for k, v in { b = 1, a = 2 } : v => k}"), "{\"2\":\"a\",\"1\":\"b\"}");
  EXPECT_EQ(json("{for s in [\"ab\", \"ac\", \"b\"] : substr(s, 0, 1) => s...}"),
            "{\"a\":[\"ab\",\"ac\"],\"b\":[\"b\"]}");
  EXPECT_EQ(json("{for k, v in { a = 1, b = 2 } : k => v if v > 1}"), "{\"b\":2}");
}

TEST(ExpressionEvaluator, SplatsAndTraversals) {
  std::string locals = "locals {\n  objs = [{ n = 1, m = { x = \"a\" } }, { n = 2, m = { x = \"b\" } }]\n}\n";
  EXPECT_EQ(json("local.objs[*].n", locals), "[1,2]");
  EXPECT_EQ(json("local.objs.*.m.x", locals), "[\"a\",\"b\"]");
  EXPECT_EQ(json("local.objs[1].m[\"x\"]", locals), "\"b\"");
  EXPECT_EQ(json("local.objs.0.n", locals), "1");
}

TEST(ExpressionEvaluator, TemplatesAndDirectives) {
  EXPECT_EQ(json("\"a-${1 + 1}-b\""), "\"a-2-b\"");
  EXPECT_EQ(json("\"$${literal} %%{x}\""), "\"${literal} %{x}\"");
  EXPECT_EQ(json("\"%{ if true }yes%{ else }no%{ endif }\""), "\"yes\"");
  EXPECT_EQ(json("\"%{ for x in [\"a\", \"b\"] }${x},%{ endfor }\""), "\"a,b,\"");
  EXPECT_EQ(json("\"x  %{~ if true ~}  y  %{~ endif ~}  z\""), "\"xyz\"");
  EXPECT_EQ(json("\"${ \"a\" ~} b\""), "\"ab\"");
}

TEST(ExpressionEvaluator, Heredocs) {
  EXPECT_EQ(json("<<EOT\n  hello\n    ${\"world\"}\nEOT\n"), "\"  hello\\n    world\\n\"");
  EXPECT_EQ(json("<<-EOT\n    hello\n      world\n    EOT\n"), "\"hello\\n  world\\n\"");
  EXPECT_EQ(json("<<-EOT\n  %{ for x in [1, 2] ~}\n  n${x}\n  %{ endfor ~}\n  EOT\n"), "\"n1\\nn2\\n\"");
}

TEST(ExpressionEvaluator, UnknownPropagatesAndKeepsReferences) {
  std::string kms = "resource \"aws_kms_key\" \"k\" {}\n";
  Value v = eval("\"${aws_kms_key.k.arn}\"", kms);
  ASSERT_TRUE(v.is_unknown());
  ASSERT_EQ(v.refs.size(), 1u);
  EXPECT_EQ(v.refs[0].address, "aws_kms_key.k");
  EXPECT_EQ(v.refs[0].attribute, "arn");
  Value w = eval("\"prefix/${aws_kms_key.k.arn}\"", kms);
  ASSERT_TRUE(w.is_unknown());
  ASSERT_EQ(w.refs.size(), 1u);
  Value x = eval("upper(aws_kms_key.k.key_id) == \"A\" ? 1 : 2", kms);
  ASSERT_TRUE(x.is_unknown());
  EXPECT_EQ(x.refs.size(), 1u);
  EXPECT_TRUE(eval("var.nope_unset", "variable \"nope_unset\" {}\n").is_unknown());
}

TEST(ExpressionEvaluator, TryAndCan) {
  EXPECT_EQ(json("try(local.m.missing, \"fallback\")", "locals {\n  m = { a = 1 }\n}\n"), "\"fallback\"");
  EXPECT_EQ(json("can(local.m.a)", "locals {\n  m = { a = 1 }\n}\n"), "true");
  EXPECT_EQ(json("can(local.m.b)", "locals {\n  m = { a = 1 }\n}\n"), "false");
}

}  // namespace
}  // namespace gclint::terraform
