// A .tf file read from standard input (`--stdin-format terraform`): a module with no other file and no directory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "terraform/module_loader.h"
#include "terraform_test_support.h"

namespace gclint::terraform {
namespace {

using model::Value;
using testing::TempDir;

// Runs in a directory full of files a careless loader would read: terraform.tfvars, a module, secrets for file().
class StdinModule : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("terraform.tfvars", "name = \"from-cwd-tfvars\"\n");
    dir_.write("extra.auto.tfvars", "name = \"from-cwd-auto\"\n");
    dir_.write("policy.json", "{\"Statement\": []}");
    dir_.write("mod/main.tf", "resource \"aws_s3_bucket\" \"leaked\" {\n  bucket = \"leaked\"\n}\n");
    dir_.write(".terraform/modules/modules.json",
               "{\"Modules\": [{\"Key\": \"remote\", \"Source\": \"x\", \"Dir\": \"mod\"}]}");
    std::error_code ec;
    previous_ = std::filesystem::current_path(ec);
    std::filesystem::current_path(dir_.path(), ec);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::current_path(previous_, ec);
  }

  model::ParseResult load(const std::string& text, LoadOptions options = {}) {
    options.scan_root = dir_.path();
    uint32_t id = sources_.add("<stdin>", text);
    return load_stdin_module(sources_, id, options);
  }
  static std::string messages(const model::ParseResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.message + "\n";
    return out;
  }

  TempDir dir_;
  model::SourceSet sources_;
  std::filesystem::path previous_;
};

TEST_F(StdinModule, EvaluatesTheFileWithoutReadingTheDirectory) {
  model::ParseResult r = load(R"(variable "name" {
  type    = string
  default = "from-default"
}
locals {
  tags = { system = "zeimu" }
}
resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "${var.name}-${count.index}"
  tags   = local.tags
  policy = file("policy.json")
}
module "local" {
  source = "./mod"
}
module "remote" {
  source = "terraform-aws-modules/s3-bucket/aws"
}
)");
  ASSERT_EQ(r.resources.size(), 2u) << messages(r);
  const model::Resource& b = r.resources[1];
  EXPECT_EQ(b.address, "aws_s3_bucket.b[1]");
  EXPECT_EQ(sources_.path_of(b.span), "<stdin>");
  EXPECT_EQ(sources_.begin_of(b.span).line, 8u);
  // terraform.tfvars and *.auto.tfvars of the current directory are not this module's.
  EXPECT_EQ(b.attributes.get("bucket")->text, "from-default-1");
  EXPECT_EQ(b.attributes.get("tags")->get("system")->text, "zeimu");
  // file() has no directory to read from: unknown, with a warning naming it.
  EXPECT_TRUE(b.attributes.get("policy")->is_unknown());
  std::string m = messages(r);
  EXPECT_NE(m.find("file() is not read for a file on standard input; its value is unknown"), std::string::npos) << m;
  // Neither module is read; both say so, and nothing of ./mod leaks in.
  EXPECT_NE(m.find("module local: source \"./mod\" is not read for a file on standard input"), std::string::npos) << m;
  EXPECT_NE(m.find("module remote: source \"terraform-aws-modules/s3-bucket/aws\" is not read"), std::string::npos)
      << m;
  for (const auto& res : r.resources) EXPECT_EQ(res.address.find("leaked"), std::string::npos);
  for (size_t i = 0; i < sources_.size(); ++i) EXPECT_EQ(sources_.file(static_cast<uint32_t>(i)).path(), "<stdin>");
}

TEST_F(StdinModule, CommandLineVariablesStillApply) {
  dir_.write("given.tfvars", "name = \"from-var-file\"\n");
  LoadOptions options;
  options.var_files = {dir_.path() / "given.tfvars"};
  model::ParseResult r =
      load("variable \"name\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n}\n", options);
  ASSERT_EQ(r.resources.size(), 1u);
  EXPECT_EQ(r.resources[0].attributes.get("bucket")->text, "from-var-file");
  LoadOptions with_var;
  with_var.vars = {{"name", "from-var"}};
  model::ParseResult v =
      load("variable \"name\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n}\n", with_var);
  EXPECT_EQ(v.resources[0].attributes.get("bucket")->text, "from-var");
}

TEST_F(StdinModule, JsonSyntaxAndSyntaxErrors) {
  model::ParseResult json = load(
      R"({"resource": {"aws_s3_bucket": {"b": {"bucket": "kishiwada-json", "policy": "${file(\"policy.json\")}"}}}})");
  ASSERT_EQ(json.resources.size(), 1u) << messages(json);
  EXPECT_EQ(json.resources[0].attributes.get("bucket")->text, "kishiwada-json");
  EXPECT_TRUE(json.resources[0].attributes.get("policy")->is_unknown());

  model::ParseResult broken = load("resource \"aws_s3_bucket\" \"b\" {\n  bucket = }\n");
  ASSERT_FALSE(broken.diagnostics.empty());
  EXPECT_EQ(broken.diagnostics[0].level, model::Diagnostic::Level::kError);
  EXPECT_EQ(sources_.path_of(broken.diagnostics[0].span), "<stdin>");
  EXPECT_EQ(sources_.begin_of(broken.diagnostics[0].span).line, 2u);
}

}  // namespace
}  // namespace gclint::terraform
