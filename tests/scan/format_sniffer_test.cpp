#include "scan/format_sniffer.h"

#include <gtest/gtest.h>

namespace gclint::scan {
namespace {
namespace fs = std::filesystem;

TEST(SniffFileTest, TerraformByName) {
  EXPECT_EQ(sniff_file("main.tf", ""), FileKind::kTerraform);
  EXPECT_EQ(sniff_file("main.tf.json", "{}"), FileKind::kTerraform);
  EXPECT_EQ(sniff_file("terraform.tfvars", ""), FileKind::kTerraformVars);
  EXPECT_EQ(sniff_file("x.auto.tfvars.json", "{}"), FileKind::kTerraformVars);
}

TEST(SniffFileTest, CloudFormation) {
  EXPECT_EQ(sniff_file("a.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n"), FileKind::kCloudFormation);
  EXPECT_EQ(sniff_file("a.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n"), FileKind::kCloudFormation);
  EXPECT_EQ(sniff_file("a.json", "{\n  \"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}"),
            FileKind::kCloudFormation);
  EXPECT_EQ(sniff_file("a.template", "{\"AWSTemplateFormatVersion\": \"2010-09-09\"}"), FileKind::kCloudFormation);
}

TEST(SniffFileTest, Kubernetes) {
  EXPECT_EQ(sniff_file("d.yaml", "apiVersion: apps/v1\nkind: Deployment\n"), FileKind::kKubernetes);
  EXPECT_EQ(sniff_file("d.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}"), FileKind::kKubernetes);
  EXPECT_EQ(sniff_file("l.yaml", "items:\n- apiVersion: v1\n  kind: Service\n"), FileKind::kKubernetes);
}

TEST(SniffFileTest, TerraformPlanByTopLevelKeys) {
  EXPECT_EQ(sniff_file("plan.json", "{\"format_version\":\"1.2\",\"planned_values\":{}}"), FileKind::kTerraformPlan);
  EXPECT_EQ(sniff_file("tfplan", "{\"format_version\": \"0.1\", \"resource_changes\": []}"), FileKind::kTerraformPlan);
  // A plan that holds a CloudFormation template body in a string is still a plan.
  EXPECT_EQ(
      sniff_file("plan.json",
                 "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": [{\"values\": "
                 "{\"template_body\": \"AWSTemplateFormatVersion: '2010-09-09'\"}}]}}}"),
      FileKind::kTerraformPlan);
  // State files and provider schemas are not plans; a .tf.json is configuration whatever it holds.
  EXPECT_EQ(sniff_file("state.json", "{\"format_version\": \"1.0\", \"values\": {}}"), FileKind::kIgnored);
  EXPECT_EQ(sniff_file("schemas.json", "{\"format_version\": \"1.0\", \"provider_schemas\": {}}"), FileKind::kIgnored);
  EXPECT_EQ(sniff_file("main.tf.json", "{\"format_version\": \"1.0\", \"planned_values\": {}}"), FileKind::kTerraform);
}

TEST(SniffFileTest, OtherYamlAndJsonIgnored) {
  EXPECT_EQ(sniff_file("ci.yml", "jobs:\n  build:\n    runs-on: ubuntu\n"), FileKind::kIgnored);
  EXPECT_EQ(sniff_file("package.json", "{\"name\": \"x\", \"kind\": \"y\"}"), FileKind::kIgnored);
  EXPECT_EQ(sniff_file("r.yaml", "Resources:\n  X:\n    Type: Custom\n"), FileKind::kIgnored);
  EXPECT_EQ(sniff_file("notes.yaml", "# apiVersion: v1\n# kind: Pod\n"), FileKind::kIgnored);
}

TEST(LocalModuleCallsTest, FindsLocalSourcesInModuleBlocks) {
  std::string text = R"(
module "net" {
  source = "./modules/net"
  tags   = { source = "../not-a-module" }
}
# module "old" { source = "./old" }
module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
}
module "up" {
  count = 1
  source = "../shared/"
}
resource "x" "y" { source = "./nope" }
)";
  auto calls = local_module_calls("/r/env", "main.tf", text);
  EXPECT_EQ(calls, (std::vector<fs::path>{"/r/env/modules/net", "/r/shared"}));
}

TEST(LocalModuleCallsTest, CommentsAreSkippedButNotInsideStrings) {
  std::string text = R"(
/* module "old" {
  source = "./old"
} */
module "a" { // module "b" { source = "./b" }
  source = "./a" # source = "./c"
}
module "d" {
  description = "a \" quote, then /* inside a string"
  source = "./d"
}
module "e" { source = "./e" /* ends the file without closing)";
  auto calls = local_module_calls("/r", "main.tf", text);
  // An unclosed block still names its module; the Terraform parser reports the syntax error.
  EXPECT_EQ(calls, (std::vector<fs::path>{"/r/a", "/r/d", "/r/e"}));
  EXPECT_TRUE(local_module_calls("/r", "main.tf", "resource \"x\" \"y\" { source = \"./m\" }").empty());
}

TEST(LocalModuleCallsTest, JsonSyntax) {
  auto calls =
      local_module_calls("/r", "main.tf.json", R"({"module": {"a": {"source": "./a"}, "b": {"source": "git::x"}}})");
  EXPECT_EQ(calls, (std::vector<fs::path>{"/r/a"}));
  EXPECT_TRUE(local_module_calls("/r", "bad.tf.json", "{not json").empty());
}

TEST(RootModuleDirsTest, CalledDirectoriesAreNotRoots) {
  std::map<fs::path, std::vector<fs::path>> calls = {
      {"/r/env/prod", {"/r/modules/net", "/r/outside"}},
      {"/r/env/dev", {"/r/modules/net"}},
      {"/r/modules/net", {"/r/modules/sub"}},
      {"/r/modules/sub", {}},
      {"/r/standalone", {}},
  };
  EXPECT_EQ(root_module_dirs(calls), (std::vector<fs::path>{"/r/env/dev", "/r/env/prod", "/r/standalone"}));
}

TEST(RootModuleDirsTest, CycleStillGetsARoot) {
  std::map<fs::path, std::vector<fs::path>> calls = {{"/a", {"/b"}}, {"/b", {"/a"}}};
  EXPECT_EQ(root_module_dirs(calls), (std::vector<fs::path>{"/a"}));
}

}  // namespace
}  // namespace gclint::scan
