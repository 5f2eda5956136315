#include <gtest/gtest.h>

#include <random>

#include "terraform_test_support.h"
namespace gclint::terraform {
// Random edits of a config that uses most features: never a crash, hang or sanitizer report.
TEST(Robustness, RandomEditsNeverCrash) {
  std::string base = R"(
variable "v" {
  type = object({ a = optional(string, "x"), b = list(number) })
  default = { b = [1] }
}
locals {
  m = { for k, v in { a = 1, b = 2 } : k => v... }
  t = "${var.v.a}-%{ for x in var.v.b ~}${x}%{ endfor }"
  h = <<-EOT
    {"a": "${local.t}"}
  EOT
}
provider "aws" {
  alias = "x"
  region = "ap-northeast-1"
}
resource "aws_s3_bucket" "b" {
  for_each = toset(["a", "b"])
  provider = aws.x
  bucket = "${each.key}-${local.t}"
  dynamic "rule" {
    for_each = local.m
    content { id = rule.key, v = rule.value[0] }
  }
  tags = merge({ a = "b" }, { c = lookup(local.m, "a", [0])[0] })
}
data "aws_iam_policy_document" "p" {
  statement {
    actions = ["s3:*"]
    resources = [for b in aws_s3_bucket.b : b.arn]
  }
}
module "m" {
  source = "./m"
  count = 2
  x = count.index
}
output "o" { value = module.m[*].y }
)";
  std::mt19937 rng(12345);
  const char* tokens[] = {"{",  "}", "[", "]",  "(",       ")",     "\"",         "${",          "%{",
                          "~",  "=", ",", ".",  "*",       "...",   "<<EOT\n",    "\n",          "for",
                          "if", "?", ":", "=>", "local.m", "var.v", "each.value", "count.index", "null"};
  for (int iter = 0; iter < 150; ++iter) {
    std::string s = base;
    int n = 1 + int(rng() % 5);
    for (int k = 0; k < n; ++k) {
      size_t pos = rng() % s.size();
      int op = int(rng() % 3);
      if (op == 0)
        s.erase(pos, 1 + rng() % 8);
      else if (op == 1)
        s.insert(pos, tokens[rng() % (sizeof tokens / sizeof *tokens)]);
      else
        s[pos] = char(rng() % 128);
    }
    auto l = testing::load(
        {{"main.tf", s},
         {"m/main.tf",
          "variable \"x\" {}\noutput \"y\" { value = var.x * 2 }\nresource \"r_r\" \"r\" { z = var.x }\n"}});
    EXPECT_TRUE(!l->result.resources.empty() || !l->result.diagnostics.empty());
  }
}
}  // namespace gclint::terraform
