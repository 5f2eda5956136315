#include "terraform/module_loader.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "terraform_test_support.h"

namespace gclint::terraform {
namespace {

using model::Value;
using testing::load;

const Value* attr(const model::Resource* r, const std::string& name) { return r ? r->attributes.get(name) : nullptr; }

TEST(ModuleLoader, AddressesWithCountAndForEach) {
  auto l = load({{"main.tf", R"(
resource "aws_subnet" "app" {
  count      = 2
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}
resource "aws_s3_bucket" "b" {
  for_each = toset(["x", "y"])
  bucket   = "bucket-${each.key}"
}
resource "aws_s3_bucket" "m" {
  for_each = { one = "1" }
  bucket   = each.value
}
data "aws_caller_identity" "me" {}
)"}});
  EXPECT_EQ(l->diagnostics(), "");
  ASSERT_NE(l->find("aws_subnet.app[1]"), nullptr);
  EXPECT_EQ(attr(l->find("aws_subnet.app[1]"), "cidr_block")->text, "10.0.1.0/24");
  ASSERT_NE(l->find("aws_s3_bucket.b[\"x\"]"), nullptr);
  EXPECT_EQ(attr(l->find("aws_s3_bucket.b[\"y\"]"), "bucket")->text, "bucket-y");
  EXPECT_EQ(attr(l->find("aws_s3_bucket.m[\"one\"]"), "bucket")->text, "1");
  const model::Resource* d = l->find("data.aws_caller_identity.me");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->is_data);
}

TEST(ModuleLoader, ReadingTimeIsKeptApartFromEvaluation) {
  auto l = load({{"main.tf", "module \"m\" {\n  source = \"./m\"\n}\n"},
                 {"m/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n"},
                 {"terraform.tfvars", "x = 1\n"}});
  EXPECT_EQ(l->diagnostics(), "");
  ASSERT_NE(l->find("module.m.aws_s3_bucket.b"), nullptr);
  EXPECT_GT(l->result.syntax_time.count(), 0);
  model::SourceFile file(0, "main.tf", "resource \"a\" \"b\" {\n");
  model::ParseResult only = parse_only(file);
  EXPECT_TRUE(only.has_errors());
  EXPECT_TRUE(only.resources.empty());
  EXPECT_GT(only.syntax_time.count(), 0);
}

// Other expressions read an instance's arguments where the emitted resource keeps them (Value::borrowing); every
// value read out of a module, or kept after its evaluation, must be a copy of its own (the sanitizer build checks).
TEST(ModuleLoader, InstancesAreReadWhereTheirResourcesKeepThem) {
  auto l = load({{"main.tf", R"(
module "net" {
  source = "./net"
}
resource "aws_instance" "app" {
  count     = 2
  subnet_id = module.net.cidrs[count.index]
  tags      = module.net.first_tags
}
output "all" {
  value = module.net.cidrs
}
)"},
                 {"net/main.tf", R"(
resource "aws_subnet" "s" {
  count      = 3
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
  tags       = { Name = "s-${count.index}" }
}
resource "aws_route_table_association" "a" {
  for_each  = { for i, s in aws_subnet.s : tostring(i) => s }
  subnet_id = each.value.cidr_block
}
output "cidrs" {
  value = aws_subnet.s[*].cidr_block
}
output "first_tags" {
  value = aws_subnet.s[0].tags
}
)"}});
  EXPECT_EQ(l->diagnostics(), "");
  ASSERT_NE(l->find("aws_instance.app[1]"), nullptr);
  EXPECT_EQ(attr(l->find("aws_instance.app[1]"), "subnet_id")->text, "10.0.1.0/24");
  EXPECT_EQ(attr(l->find("aws_instance.app[0]"), "tags")->get("Name")->text, "s-0");
  EXPECT_EQ(attr(l->find("module.net.aws_route_table_association.a[\"2\"]"), "subnet_id")->text, "10.0.2.0/24");
  EXPECT_EQ(attr(l->find("module.net.aws_subnet.s[2]"), "cidr_block")->text, "10.0.2.0/24");
}

TEST(ModuleLoader, PreventDestroyIsTheDeletionPolicy) {
  auto l = load({{"main.tf", R"(
resource "aws_efs_file_system" "kept" {
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_efs_file_system" "explicit" {
  lifecycle {
    prevent_destroy = false
  }
}
resource "aws_efs_file_system" "plain" {}
)"}});
  EXPECT_EQ(l->diagnostics(), "");
  ASSERT_NE(l->find("aws_efs_file_system.kept"), nullptr);
  EXPECT_EQ(l->find("aws_efs_file_system.kept")->deletion_policy.text, "Retain");
  EXPECT_EQ(l->find("aws_efs_file_system.kept")->update_replace_policy.text, "Retain");
  EXPECT_EQ(l->find("aws_efs_file_system.explicit")->deletion_policy.text, "Delete");
  EXPECT_TRUE(l->find("aws_efs_file_system.plain")->deletion_policy.is_null());
  // The lifecycle block stays readable as an attribute.
  ASSERT_NE(attr(l->find("aws_efs_file_system.kept"), "lifecycle"), nullptr);
}

TEST(ModuleLoader, ResourceSpanIsTheHeaderAndNestedBlocksAreLists) {
  auto l = load({{"main.tf", R"(resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  bucket = "b"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
)"}});
  const model::Resource* r = l->find("aws_s3_bucket_server_side_encryption_configuration.e");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(l->text(r->span), "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"e\"");
  const Value* rule = attr(r, "rule");
  ASSERT_TRUE(rule && rule->is_list());
  ASSERT_EQ(rule->items.size(), 1u);
  EXPECT_EQ(l->begin(rule->items[0].span).line, 3u);
  const Value* by_default = rule->items[0].get("apply_server_side_encryption_by_default");
  ASSERT_TRUE(by_default && by_default->is_list());
  const Value* sse = by_default->items[0].get("sse_algorithm");
  ASSERT_NE(sse, nullptr);
  EXPECT_EQ(l->text(sse->span), "sse_algorithm = \"AES256\"");
  EXPECT_EQ(l->begin(sse->span).line, 5u);
  EXPECT_EQ(l->begin(sse->span).column, 7u);
}

TEST(ModuleLoader, ReferencesToResources) {
  auto l = load({{"main.tf", R"(
resource "aws_kms_key" "main" {}
resource "aws_s3_bucket" "b" {
  bucket = "literal-name"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  bucket = aws_s3_bucket.b.bucket
  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.main.arn
      sse_algorithm     = "aws:kms"
    }
  }
}
resource "aws_instance" "w" {
  count = 2
}
resource "test_thing" "t" {
  ids   = aws_instance.w[*].id
  first = aws_instance.w[0].id
}
)"}});
  const model::Resource* e = l->find("aws_s3_bucket_server_side_encryption_configuration.e");
  ASSERT_NE(e, nullptr);
  const Value* bucket = attr(e, "bucket");
  ASSERT_TRUE(bucket->is_string());
  EXPECT_EQ(bucket->text, "literal-name");
  ASSERT_EQ(bucket->refs.size(), 1u);
  EXPECT_EQ(bucket->refs[0], (model::Reference{"aws_s3_bucket.b", "bucket"}));
  const Value* key =
      attr(e, "rule")->items[0].get("apply_server_side_encryption_by_default")->items[0].get("kms_master_key_id");
  ASSERT_TRUE(key->is_unknown());
  ASSERT_EQ(key->refs.size(), 1u);
  EXPECT_EQ(key->refs[0], (model::Reference{"aws_kms_key.main", "arn"}));
  const model::Resource* t = l->find("test_thing.t");
  const Value* ids = attr(t, "ids");
  ASSERT_TRUE(ids->is_list());
  ASSERT_EQ(ids->items.size(), 2u);
  EXPECT_EQ(ids->items[1].refs[0], (model::Reference{"aws_instance.w[1]", "id"}));
  EXPECT_EQ(attr(t, "first")->refs[0], (model::Reference{"aws_instance.w[0]", "id"}));
}

TEST(ModuleLoader, VariablePrecedenceAndOrigin) {
  LoadOptions options;
  options.vars = {{"from_cli", "cli"}};
  options.var_files = {};
  auto l = load({{"main.tf", R"(
variable "only_default" {
  default = "default"
}
variable "from_tfvars" {
  default = "default"
}
variable "from_auto" {
  default = "default"
}
variable "from_cli" {
  default = "default"
}
variable "from_json" {
  default = "default"
}
resource "test_thing" "t" {
  a = var.only_default
  b = var.from_tfvars
  c = var.from_auto
  d = var.from_cli
  e = var.from_json
}
)"},
                 {"terraform.tfvars", "from_tfvars = \"tfvars\"\nfrom_auto = \"tfvars\"\nfrom_cli = \"tfvars\"\n"},
                 {"terraform.tfvars.json", "{\"from_json\": \"json\", \"from_auto\": \"json\"}"},
                 {"a.auto.tfvars", "from_auto = \"auto-a\"\n"},
                 {"b.auto.tfvars", "from_auto = \"auto-b\"\n"}},
                options);
  const model::Resource* t = l->find("test_thing.t");
  ASSERT_NE(t, nullptr) << l->diagnostics();
  EXPECT_EQ(attr(t, "a")->text, "default");
  EXPECT_EQ(attr(t, "b")->text, "tfvars");
  EXPECT_EQ(attr(t, "c")->text, "auto-b");
  EXPECT_EQ(attr(t, "d")->text, "cli");
  EXPECT_EQ(attr(t, "e")->text, "json");
  // The span is the argument in the resource; the origin is the tfvars line.
  const Value* b = attr(t, "b");
  EXPECT_EQ(l->text(b->span), "b = var.from_tfvars");
  ASSERT_TRUE(b->origin.valid());
  EXPECT_EQ(l->sources.path_of(b->origin), "terraform.tfvars");
  EXPECT_EQ(l->begin(b->origin).line, 1u);
  const Value* a = attr(t, "a");
  ASSERT_TRUE(a->origin.valid());
  EXPECT_EQ(l->sources.path_of(a->origin), "main.tf");
  EXPECT_EQ(l->begin(a->origin).line, 3u);
}

TEST(ModuleLoader, VarFilesAndEnvironment) {
  LoadOptions options;
  options.use_env_vars = true;
  ::setenv("TF_VAR_from_env", "env", 1);
  ::setenv("TF_VAR_overridden", "env", 1);
  auto dir_holder = std::make_unique<testing::TempDir>();
  dir_holder->write("extra.tfvars", "overridden = \"file\"\n");
  options.var_files = {dir_holder->path() / "extra.tfvars"};
  auto l = load({{"main.tf", R"(
variable "from_env" {}
variable "overridden" {}
variable "nums" {
  type = list(number)
}
resource "test_thing" "t" {
  a = var.from_env
  b = var.overridden
}
)"}},
                options);
  ::unsetenv("TF_VAR_from_env");
  ::unsetenv("TF_VAR_overridden");
  const model::Resource* t = l->find("test_thing.t");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(attr(t, "a")->text, "env");
  EXPECT_EQ(attr(t, "b")->text, "file");
}

TEST(ModuleLoader, TypeConversionWithOptionalAttributes) {
  auto l = load({{"main.tf", R"(
variable "cfg" {
  type = object({
    name    = string
    size    = optional(number, 10)
    enabled = optional(bool)
    tags    = optional(map(string), {})
  })
  default = { name = "x" }
}
variable "ports" {
  type    = set(string)
  default = [443, 80, 443]
}
variable "n" {
  type    = number
  default = "5"
}
variable "bad" {
  type    = number
  default = "five"
}
resource "test_thing" "t" {
  cfg   = var.cfg
  ports = var.ports
  n     = var.n + 1
}
)"}});
  const model::Resource* t = l->find("test_thing.t");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(attr(t, "cfg")->to_json(), "{\"name\":\"x\",\"size\":10,\"enabled\":null,\"tags\":{}}");
  EXPECT_EQ(attr(t, "ports")->to_json(), "[\"443\",\"80\"]");
  EXPECT_EQ(attr(t, "n")->to_json(), "6");
  EXPECT_NE(l->diagnostics().find("invalid value for variable \"bad\""), std::string::npos) << l->diagnostics();
}

TEST(ModuleLoader, LocalsInDependencyOrderAndCycles) {
  auto l = load({{"main.tf", R"(
locals {
  c = "${local.b}-c"
  b = "${local.a}-b"
  a = "a"
  x = local.y
  y = local.z
  z = local.x
}
resource "test_thing" "t" {
  c = local.c
  x = local.x
}
)"}});
  const model::Resource* t = l->find("test_thing.t");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(attr(t, "c")->text, "a-b-c");
  EXPECT_TRUE(attr(t, "x")->is_unknown());
  std::string d = l->diagnostics();
  EXPECT_NE(d.find("cycle in local values: local.x -> local.y -> local.z -> local.x"), std::string::npos) << d;
}

TEST(ModuleLoader, NestedDynamicBlocks) {
  auto l = load({{"main.tf", R"(
locals {
  rules = {
    web = { ports = [80, 443] }
    ssh = { ports = [22] }
  }
}
resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = local.rules
    content {
      description = ingress.key
      dynamic "port" {
        for_each = ingress.value.ports
        iterator = p
        content {
          number = p.value
        }
      }
    }
  }
}
)"}});
  const model::Resource* sg = l->find("aws_security_group.sg");
  ASSERT_NE(sg, nullptr);
  const Value* ingress = attr(sg, "ingress");
  ASSERT_TRUE(ingress && ingress->is_list());
  ASSERT_EQ(ingress->items.size(), 2u);
  EXPECT_EQ(ingress->items[0].get("description")->text, "ssh");
  EXPECT_EQ(ingress->items[1].get("port")->to_json(), "[{\"number\":80},{\"number\":443}]");
}

TEST(ModuleLoader, ModuleForEachInputsOutputsAndAddresses) {
  auto l = load({{"main.tf", R"(
module "buckets" {
  source   = "./modules/bucket"
  for_each = toset(["zeimu", "jumin"])
  name     = each.key
}
resource "test_thing" "t" {
  arn = module.buckets["zeimu"].arn
  n   = module.buckets["jumin"].name
}
)"},
                 {"modules/bucket/main.tf", R"(
variable "name" {
  type = string
}
resource "aws_s3_bucket" "this" {
  bucket = "gc-${var.name}"
}
output "arn" {
  value = aws_s3_bucket.this.arn
}
output "name" {
  value = aws_s3_bucket.this.bucket
}
)"}});
  const model::Resource* b = l->find("module.buckets[\"zeimu\"].aws_s3_bucket.this");
  ASSERT_NE(b, nullptr) << l->diagnostics();
  EXPECT_EQ(b->module_address, "module.buckets[\"zeimu\"]");
  EXPECT_EQ(attr(b, "bucket")->text, "gc-zeimu");
  EXPECT_EQ(l->sources.path_of(b->span), "modules/bucket/main.tf");
  const model::Resource* t = l->find("test_thing.t");
  const Value* arn = attr(t, "arn");
  ASSERT_TRUE(arn->is_unknown());
  ASSERT_FALSE(arn->refs.empty());
  EXPECT_EQ(arn->refs[0], (model::Reference{"module.buckets[\"zeimu\"].aws_s3_bucket.this", "arn"}));
  EXPECT_EQ(attr(t, "n")->text, "gc-jumin");
}

TEST(ModuleLoader, ProviderAliasPassedIntoModule) {
  auto l = load({{"main.tf", R"(
provider "aws" {
  region = "ap-northeast-1"
}
provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}
resource "aws_s3_bucket" "tokyo" {}
resource "aws_s3_bucket" "osaka" {
  provider = aws.osaka
}
module "dr" {
  source = "./dr"
  providers = {
    aws = aws.osaka
  }
}
module "inherit" {
  source = "./dr"
}
)"},
                 {"dr/main.tf", "resource \"aws_s3_bucket\" \"replica\" {}\n"}});
  const model::Resource* tokyo = l->find("aws_s3_bucket.tokyo");
  ASSERT_NE(tokyo, nullptr);
  EXPECT_EQ(tokyo->provider, "aws");
  EXPECT_EQ(tokyo->region.text, "ap-northeast-1");
  const model::Resource* osaka = l->find("aws_s3_bucket.osaka");
  EXPECT_EQ(osaka->provider, "aws.osaka");
  EXPECT_EQ(osaka->region.text, "ap-northeast-3");
  const model::Resource* replica = l->find("module.dr.aws_s3_bucket.replica");
  ASSERT_NE(replica, nullptr);
  EXPECT_EQ(replica->provider, "aws.osaka");
  EXPECT_EQ(replica->region.text, "ap-northeast-3");
  const model::Resource* inherited = l->find("module.inherit.aws_s3_bucket.replica");
  ASSERT_NE(inherited, nullptr);
  EXPECT_EQ(inherited->provider, "aws");
  EXPECT_EQ(inherited->region.text, "ap-northeast-1");
}

TEST(ModuleLoader, ProviderRegionFromVariableAndDefaultTags) {
  auto l = load({{"main.tf", R"(
variable "region" {
  default = "ap-northeast-3"
}
provider "aws" {
  region = var.region
  default_tags {
    tags = {
      gc-tier = "lgwan"
      Owner   = "x"
    }
  }
}
resource "aws_s3_bucket" "b" {
  tags = {
    Owner = "y"
  }
}
)"}});
  const model::Resource* b = l->find("aws_s3_bucket.b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->region.text, "ap-northeast-3");
  EXPECT_EQ(b->tags, (std::vector<std::pair<std::string, std::string>>{{"gc-tier", "lgwan"}, {"Owner", "y"}}));
  EXPECT_EQ(l->diagnostics(), "");
}

TEST(ModuleLoader, RegionUnknownWithoutProviderUnlessDefaultGiven) {
  auto l = load({{"main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"}});
  const model::Resource* b = l->find("aws_s3_bucket.b");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->region.is_unknown());
  EXPECT_EQ(b->region.text, "provider aws has no region");
  LoadOptions options;
  options.default_region = "ap-northeast-1";
  auto l2 = load({{"main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"}}, options);
  EXPECT_EQ(l2->find("aws_s3_bucket.b")->region.text, "ap-northeast-1");
}

TEST(ModuleLoader, ModuleCycleIsAnErrorNotAHang) {
  auto l = load({{"main.tf", "module \"a\" {\n  source = \"./a\"\n}\n"},
                 {"a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\nresource \"test_thing\" \"ta\" {}\n"},
                 {"b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n"}});
  EXPECT_NE(l->diagnostics().find("module cycle"), std::string::npos) << l->diagnostics();
  EXPECT_NE(l->find("module.a.test_thing.ta"), nullptr);
}

TEST(ModuleLoader, ModuleOutsideRootIsRefused) {
  testing::TempDir outer;
  outer.write("shared/main.tf", "resource \"test_thing\" \"x\" {}\n");
  outer.write("root/main.tf", "module \"s\" {\n  source = \"../shared\"\n}\n");
  model::SourceSet sources;
  LoadOptions options;
  options.scan_root = outer.path() / "root";
  auto result = load_root_module(sources, outer.path() / "root", options);
  ASSERT_TRUE(result.has_errors());
  EXPECT_NE(result.diagnostics[0].message.find("outside the scanned directory"), std::string::npos);
  EXPECT_TRUE(result.resources.empty());
  options.allow_outside_root = true;
  model::SourceSet sources2;
  auto allowed = load_root_module(sources2, outer.path() / "root", options);
  EXPECT_FALSE(allowed.has_errors());
  ASSERT_EQ(allowed.resources.size(), 1u);
  EXPECT_EQ(allowed.resources[0].address, "module.s.test_thing.x");
}

TEST(ModuleLoader, RemoteModulesUseModulesJsonOrWarn) {
  auto l = load(
      {{"main.tf", R"(
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
module "fetched" {
  source = "git::https://example.invalid/x.git"
}
resource "test_thing" "t" {
  id = module.vpc.vpc_id
  f  = module.fetched.out
}
)"},
       {".terraform/modules/modules.json",
        R"({"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"fetched","Source":"git::x","Dir":".terraform/modules/fetched"}]})"},
       {".terraform/modules/fetched/main.tf", "output \"out\" {\n  value = \"from-fetched\"\n}\n"}});
  EXPECT_NE(l->diagnostics().find("module vpc: remote source not fetched; its outputs are unknown"), std::string::npos);
  const model::Resource* t = l->find("test_thing.t");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(attr(t, "id")->is_unknown());
  EXPECT_EQ(attr(t, "f")->text, "from-fetched");
}

TEST(ModuleLoader, TwoThousandInstances) {
  auto l = load({{"main.tf", R"(
resource "aws_instance" "fleet" {
  count = 2000
  tags = {
    Name = "node-${count.index}"
  }
}
resource "test_thing" "t" {
  n = length(aws_instance.fleet[*].id)
}
)"}});
  EXPECT_EQ(l->result.resources.size(), 2001u);
  const model::Resource* last = l->find("aws_instance.fleet[1999]");
  ASSERT_NE(last, nullptr);
  ASSERT_EQ(last->tags.size(), 1u);
  EXPECT_EQ(last->tags[0].second, "node-1999");
  EXPECT_EQ(attr(l->find("test_thing.t"), "n")->number, 2000);
}

TEST(ModuleLoader, DeepLocalChainsAndModuleNestingStayBounded) {
  std::string locals = "locals {\n  l0 = 1\n";
  for (int i = 1; i < 3000; ++i) locals += "  l" + std::to_string(i) + " = local.l" + std::to_string(i - 1) + " + 1\n";
  locals += "}\nresource \"test_thing\" \"t\" {\n  v = local.l2999\n  w = local.l10\n}\n";
  std::map<std::string, std::string> files = {{"main.tf", locals + "module \"m\" {\n  source = \"./m0\"\n}\n"}};
  for (int i = 0; i < 40; ++i) {
    files["m" + std::to_string(i) + "/main.tf"] =
        "module \"m\" {\n  source = \"../m" + std::to_string(i + 1) + "\"\n}\n";
  }
  auto l = load(files);
  const model::Resource* t = l->find("test_thing.t");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(attr(t, "v")->is_unknown());
  EXPECT_EQ(attr(t, "w")->number, 11);
  EXPECT_NE(l->diagnostics().find("nesting deeper than 32 modules"), std::string::npos);
}

TEST(ModuleLoader, InstanceLimit) {
  LoadOptions options;
  options.max_instances = 10;
  auto l = load({{"main.tf", "resource \"x_y\" \"z\" {\n  count = 11\n}\n"}}, options);
  EXPECT_NE(l->diagnostics().find("more than 10 instances"), std::string::npos);
}

TEST(ModuleLoader, IamPolicyDocumentRendersJson) {
  auto l = load({{"main.tf", R"(
resource "aws_s3_bucket" "b" {}
data "aws_iam_policy_document" "p" {
  statement {
    sid       = "Deny"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.b.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
resource "aws_s3_bucket_policy" "bp" {
  policy = data.aws_iam_policy_document.p.json
}
)"}});
  const model::Resource* bp = l->find("aws_s3_bucket_policy.bp");
  ASSERT_NE(bp, nullptr);
  const Value* policy = attr(bp, "policy");
  ASSERT_TRUE(policy->is_string()) << policy->to_display();
  EXPECT_EQ(policy->text,
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Deny\",\"Effect\":\"Deny\",\"Action\":\"s3:*\","
            "\"Resource\":\"${aws_s3_bucket.b.arn}\",\"Principal\":\"*\",\"Condition\":{\"Bool\":{\"aws:"
            "SecureTransport\":\"false\"}}}]}");
  bool has_bucket_ref = false;
  for (const auto& r : policy->refs) has_bucket_ref = has_bucket_ref || r.address == "aws_s3_bucket.b";
  EXPECT_TRUE(has_bucket_ref);
}

TEST(ModuleLoader, HeredocJsonPolicyKeepsUnknownArnsAsPlaceholders) {
  auto l = load({{"main.tf", R"(
resource "aws_s3_bucket" "b" {}
resource "aws_s3_bucket_policy" "bp" {
  policy = <<-EOT
    {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "${aws_s3_bucket.b.arn}/*"}]}
  EOT
  note = <<-EOT
    plain ${aws_s3_bucket.b.arn}
  EOT
}
)"}});
  const model::Resource* bp = l->find("aws_s3_bucket_policy.bp");
  ASSERT_NE(bp, nullptr);
  const Value* policy = attr(bp, "policy");
  ASSERT_TRUE(policy->is_string());
  EXPECT_EQ(
      policy->text,
      "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"${aws_s3_bucket.b.arn}/*\"}]}\n");
  ASSERT_EQ(policy->refs.size(), 1u);
  EXPECT_EQ(policy->refs[0].address, "aws_s3_bucket.b");
  EXPECT_TRUE(attr(bp, "note")->is_unknown());
}

TEST(ModuleLoader, SyntaxErrorsDoNotStopTheModule) {
  auto l = load({{"bad.tf", "resource \"x\" \"y\" {\n  a = \n}\n"},
                 {"good.tf", "resource \"aws_s3_bucket\" \"ok\" {\n  bucket = \"b\"\n}\n"}});
  EXPECT_TRUE(l->result.has_errors());
  EXPECT_NE(l->find("aws_s3_bucket.ok"), nullptr);
}

TEST(ModuleLoader, TerraformJsonSyntax) {
  auto l = load({{"main.tf.json", R"({
  "variable": {"name": {"default": "logs", "type": "string"}},
  "resource": {
    "aws_s3_bucket": {
      "b": {
        "bucket": "${var.name}-bucket",
        "tags": {"gc-tier": "mynumber"},
        "versioning": {"enabled": true}
      }
    }
  }
})"}});
  const model::Resource* b = l->find("aws_s3_bucket.b");
  ASSERT_NE(b, nullptr) << l->diagnostics();
  EXPECT_EQ(attr(b, "bucket")->text, "logs-bucket");
  ASSERT_EQ(b->tags.size(), 1u);
  EXPECT_EQ(b->tags[0].first, "gc-tier");
  EXPECT_EQ(attr(b, "versioning")->to_json(), "[{\"enabled\":true}]");
  EXPECT_EQ(l->begin(b->span).line, 5u);
}

TEST(ModuleLoader, DuplicateResourcesAreReportedAndBothChecked) {
  auto l = load({{"a.tf", "resource \"aws_ebs_volume\" \"v\" {\n  encrypted = false\n}\n"},
                 {"b.tf", "resource \"aws_ebs_volume\" \"v\" {\n  encrypted = true\n}\n"}});
  ASSERT_EQ(l->result.resources.size(), 2u);
  EXPECT_FALSE(l->result.resources[0].attributes.get("encrypted")->boolean);
  EXPECT_TRUE(l->result.resources[1].attributes.get("encrypted")->boolean);
  EXPECT_NE(l->diagnostics().find("duplicate resource \"aws_ebs_volume.v\" (first declared at a.tf:1)"),
            std::string::npos)
      << l->diagnostics();
}

TEST(ModuleLoader, RegisteredFilesAreReused) {
  testing::TempDir dir;
  dir.write("main.tf", "resource \"x_y\" \"z\" {}\n");
  model::SourceSet sources;
  uint32_t id = sources.add("main.tf", "resource \"x_y\" \"registered\" {}\n");
  LoadOptions options;
  options.scan_root = dir.path();
  auto result = load_root_module(sources, dir.path(), options);
  ASSERT_EQ(result.resources.size(), 1u);
  EXPECT_EQ(result.resources[0].name, "registered");
  EXPECT_EQ(result.resources[0].span.file, id);
  EXPECT_EQ(sources.size(), 1u);
}

}  // namespace
}  // namespace gclint::terraform
