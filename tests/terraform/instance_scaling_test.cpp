// Instances that reference other instances by index: each reference must select the one instance it names.
// Copying the whole list per reference made 4,000 x 4,000 take 24 s of CPU in a release build (quadratic); the
// evaluator now indexes stored values in place. The time itself is measured by tests/bench/run_bench.py.
#include <gtest/gtest.h>

#include <string>

#include "terraform/module_loader.h"
#include "terraform_test_support.h"

namespace gclint::terraform {
namespace {

using model::Value;
using testing::load;

TEST(InstanceScaling, EachInstanceReferencesItsOwnCounterpart) {
  auto l = load({{"main.tf", R"(
variable "zones" {
  default = ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]
}
locals {
  names = [for i in range(3000) : format("app-%04d", i)]
}
resource "aws_subnet" "app" {
  count             = 3000
  vpc_id            = "vpc-1"
  cidr_block        = cidrsubnet("10.0.0.0/8", 16, count.index)
  availability_zone = var.zones[count.index % 3]
  tags              = { Name = local.names[count.index] }
}
resource "aws_network_interface" "eni" {
  count       = 3000
  subnet_id   = aws_subnet.app[count.index].id
  description = aws_subnet.app[count.index].tags.Name
  private_ips = [cidrhost(aws_subnet.app[count.index].cidr_block, 10)]
}
)"}});
  EXPECT_EQ(l->diagnostics(), "");
  for (int i : {0, 1, 1234, 2999}) {
    std::string index = "[" + std::to_string(i) + "]";
    const model::Resource* eni = l->find("aws_network_interface.eni" + index);
    ASSERT_NE(eni, nullptr) << i;
    const Value* subnet_id = eni->attributes.get("subnet_id");
    ASSERT_NE(subnet_id, nullptr);
    EXPECT_TRUE(subnet_id->is_unknown());
    ASSERT_FALSE(subnet_id->refs.empty());
    EXPECT_EQ(subnet_id->refs.front().address, "aws_subnet.app" + index);
    EXPECT_EQ(subnet_id->refs.front().attribute, "id");
    char name[16];
    std::snprintf(name, sizeof name, "app-%04d", i);
    EXPECT_EQ(eni->attributes.get("description")->text, name);
    const Value* ips = eni->attributes.get("private_ips");
    ASSERT_TRUE(ips != nullptr && ips->is_list() && ips->items.size() == 1);
    EXPECT_EQ(ips->items[0].text, "10." + std::to_string(i / 256) + "." + std::to_string(i % 256) + ".10");
  }
  const model::Resource* subnet = l->find("aws_subnet.app[4]");
  ASSERT_NE(subnet, nullptr);
  EXPECT_EQ(subnet->attributes.get("availability_zone")->text, "ap-northeast-1c");
}

TEST(InstanceScaling, UnknownIndexIsUnknownNotAGuess) {
  auto l = load({{"main.tf", R"(
variable "pick" {}
resource "aws_subnet" "app" {
  count      = 3
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}
locals {
  table = { a = "x", b = "y" }
}
resource "aws_network_interface" "eni" {
  subnet_id   = aws_subnet.app[var.pick].id
  description = local.table[var.pick]
}
)"}});
  const model::Resource* eni = l->find("aws_network_interface.eni");
  ASSERT_NE(eni, nullptr);
  EXPECT_TRUE(eni->attributes.get("subnet_id")->is_unknown());
  EXPECT_TRUE(eni->attributes.get("description")->is_unknown());
}

TEST(InstanceScaling, MissingKeysAndIndexesStillReportErrors) {
  auto l = load({{"main.tf", R"(
locals {
  table = { a = "x" }
  list  = ["p", "q"]
}
resource "aws_s3_bucket" "b" {
  bucket = local.table["zz"]
  acl    = local.list[5]
}
)"}});
  std::string d = l->diagnostics();
  EXPECT_NE(d.find("no key \"zz\""), std::string::npos) << d;
  EXPECT_NE(d.find("index 5 out of range"), std::string::npos) << d;
}

}  // namespace
}  // namespace gclint::terraform
