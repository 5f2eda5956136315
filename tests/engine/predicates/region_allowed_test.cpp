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

TEST(RegionAllowed, ArnForms) {
  PredicateRun p;
  auto run = [&](const std::string& arn) { return p.run("region_allowed", "arn: '" + arn + "'", "{path: arn}"); };
  EXPECT_EQ(run("arn:aws:backup:ap-northeast-3:111122223333:backup-vault:osaka").truth, Truth::kTrue);
  EXPECT_EQ(run("arn:aws:backup:us-east-1:111122223333:backup-vault:dr").truth, Truth::kFalse);
  EXPECT_EQ(run("arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/x").truth, Truth::kFalse);
  EXPECT_EQ(run("arn:aws-cn:kms:cn-north-1:111122223333:key/x").truth, Truth::kFalse);
  // Global resources name no region.
  EXPECT_EQ(run("arn:aws:iam::111122223333:role/x").truth, Truth::kTrue);
  EXPECT_EQ(run("arn:aws:s3:::bucket/key").truth, Truth::kTrue);
  // A wildcard or placeholder region is not known.
  auto wildcard = run("arn:aws:kms:*:111122223333:key/*");
  EXPECT_EQ(wildcard.truth, Truth::kUnknown);
  EXPECT_EQ(run("arn:aws:kms:${var.region}:1:key/x").truth, Truth::kUnknown);
  // Not an ARN: too few fields.
  EXPECT_EQ(run("arn:aws:kms").truth, Truth::kTrue);
}

TEST(RegionAllowed, ZoneForms) {
  PredicateRun p;
  auto run = [&](const std::string& zone) { return p.run("region_allowed", "z: '" + zone + "'", "{path: z}").truth; };
  EXPECT_EQ(run("ap-northeast-1-tpe-1a"), Truth::kTrue);         // Local Zone of Tokyo
  EXPECT_EQ(run("us-west-2-lax-1a"), Truth::kFalse);             // Local Zone of Oregon
  EXPECT_EQ(run("ap-northeast-1-wl1-kix-wlz-1"), Truth::kTrue);  // Wavelength Zone of Tokyo
  EXPECT_EQ(run("us-east-1-wl1-bos-wlz-1"), Truth::kFalse);
  EXPECT_EQ(run("apne1-tpe1-az1"), Truth::kTrue);
  EXPECT_EQ(run("usw2-lax1-az1"), Truth::kFalse);
  EXPECT_EQ(run("apne1-wl1-kix-wlz1"), Truth::kTrue);
  EXPECT_EQ(run("us-iso-east-1"), Truth::kFalse);
  EXPECT_EQ(run("us-gov-east-1b"), Truth::kFalse);
  EXPECT_EQ(run("ap-northeast-3"), Truth::kTrue);
}

TEST(RegionAllowed, ConfiguredRegions) {
  PredicateRun p;
  p.config.allowed_regions = {"ap-northeast-1"};
  EXPECT_EQ(p.run("region_allowed", "az: ap-northeast-3a", "{path: az}").truth, Truth::kFalse);
}

}  // namespace
}  // namespace gclint::engine
