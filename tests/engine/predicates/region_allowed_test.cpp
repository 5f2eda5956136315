#include <gtest/gtest.h>

#include "predicate_test_support.h"

namespace gclint::engine {
namespace {

using testing::PredicateRun;

TEST(RegionAllowed, ResourceRegion) {
  PredicateRun p;
  p.resources.clear();
  auto run_with = [&](model::Value region) {
    p.resources = {testing::make_resource(p.sources, "t", "t.x", "a: 1")};
    p.resources[0].region = std::move(region);
    ResourceGraph graph(p.resources);
    std::map<std::string, model::Value> params;
    model::Value args;
    PredicateContext context{p.resources[0], args, p.resources[0].attributes, graph, p.config, params};
    return find_predicate("region_allowed")->fn(context);
  };
  EXPECT_EQ(run_with(model::Value::of_string("ap-northeast-1")).truth, Truth::kTrue);
  auto foreign = run_with(model::Value::of_string("us-east-1"));
  EXPECT_EQ(foreign.truth, Truth::kFalse);
  EXPECT_EQ(foreign.value, "us-east-1");
  auto unknown = run_with(model::Value::unknown("var.region"));
  EXPECT_EQ(unknown.truth, Truth::kUnknown);
  EXPECT_EQ(unknown.unknown, "var.region");
}

TEST(RegionAllowed, ArnsZonesAndNamesAtAPath) {
  PredicateRun p;
  EXPECT_EQ(
      p.run("region_allowed", "arns: ['arn:aws:kms:ap-northeast-1:1:key/a', 'arn:aws:s3:::bucket']", "{path: arns}")
          .truth,
      Truth::kTrue);
  auto arn = p.run("region_allowed", "arns: ['arn:aws:kms:ap-northeast-1:1:key/a', 'arn:aws:kms:us-west-2:1:key/b']",
                   "{path: arns}");
  EXPECT_EQ(arn.truth, Truth::kFalse);
  EXPECT_EQ(arn.value, "arn:aws:kms:us-west-2:1:key/b");
  EXPECT_EQ(p.run("region_allowed", "az: ap-northeast-1c", "{path: az}").truth, Truth::kTrue);
  EXPECT_EQ(p.run("region_allowed", "az: us-east-1a", "{path: az}").truth, Truth::kFalse);
  EXPECT_EQ(p.run("region_allowed", "az: apne1-az4", "{path: az}").truth, Truth::kTrue);
  EXPECT_EQ(p.run("region_allowed", "az: use1-az1", "{path: az}").truth, Truth::kFalse);
  EXPECT_EQ(p.run("region_allowed", "sub: [{region: eu-west-1}]", "{path: sub.region}").truth, Truth::kFalse);
  EXPECT_EQ(p.run("region_allowed", "name: my-bucket", "{path: name}").truth, Truth::kTrue);
  EXPECT_EQ(p.run("region_allowed", "az: 'unknown:var.az'", "{path: az}").truth, Truth::kUnknown);
}

TEST(RegionAllowed, ConfiguredRegions) {
  PredicateRun p;
  p.config.allowed_regions = {"ap-northeast-1"};
  EXPECT_EQ(p.run("region_allowed", "az: ap-northeast-3a", "{path: az}").truth, Truth::kFalse);
}

}  // namespace
}  // namespace gclint::engine
