#include "engine/condition_evaluator.h"

#include <gtest/gtest.h>

#include "engine_test_support.h"

namespace gclint::engine {
namespace {

using testing::Evaluation;
using testing::make_resource;
using testing::make_rule;

class ConditionEvaluatorTest : public ::testing::Test {
 protected:
  // Evaluates `condition` on a resource of type t with the YAML attributes.
  Truth eval(const std::string& condition, const std::string& attributes, const std::string& extra = "") {
    auto check = make_rule(sources_, condition, extra);
    EXPECT_NE(check, nullptr) << condition;
    if (!check) return Truth::kUnknown;
    std::vector<model::Resource> resources = {make_resource(sources_, "t", "t.x", attributes)};
    Outcome o = evaluation_.run(*check, resources, 0, &attribute_, &value_);
    unknown_ = o.unknown;
    return o.truth;
  }

  model::SourceSet sources_;
  Evaluation evaluation_;
  std::string attribute_;
  std::string value_;
  std::string unknown_;
};

constexpr Truth T = Truth::kTrue;
constexpr Truth F = Truth::kFalse;
constexpr Truth U = Truth::kUnknown;

TEST_F(ConditionEvaluatorTest, Exists) {
  EXPECT_EQ(eval("{path: a, exists: true}", "a: 1"), T);
  EXPECT_EQ(eval("{path: a, exists: true}", "b: 1"), F);
  EXPECT_EQ(eval("{path: a, exists: true}", "a: null"), F);
  EXPECT_EQ(eval("{path: a, exists: false}", "b: 1"), T);
  EXPECT_EQ(eval("{path: a, exists: true}", "a: 'unknown:var.a'"), U);
  EXPECT_EQ(unknown_, "var.a");
  // A reference is set even though its value is not known.
  EXPECT_EQ(eval("{path: a, exists: true}", "a: 'ref:aws_kms_key.k#arn'"), T);
}

TEST_F(ConditionEvaluatorTest, EqualsComparesLikeTerraform) {
  EXPECT_EQ(eval("{path: port, equals: 443}", "port: '443'"), T);
  EXPECT_EQ(eval("{path: port, equals: '443'}", "port: 443"), T);
  EXPECT_EQ(eval("{path: on, equals: true}", "on: 'true'"), T);
  EXPECT_EQ(eval("{path: on, equals: true}", "on: false"), F);
  EXPECT_EQ(eval("{path: s, equals: AES256}", "s: aws:kms"), F);
  EXPECT_EQ(value_, "aws:kms");
  EXPECT_EQ(eval("{path: s, not_equals: AES256}", "other: 1"), T);  // missing satisfies not_equals
  EXPECT_EQ(eval("{path: s, equals: AES256}", "s: 'unknown:var.alg'"), U);
  EXPECT_EQ(eval("{path: l, equals: [a, b]}", "l: [a, b]"), T);
}

TEST_F(ConditionEvaluatorTest, ListsAreProjectedAndScalarOperatorsTestElements) {
  const char* sg = "ingress:\n  - cidr_blocks: [10.0.0.0/8]\n  - cidr_blocks: [0.0.0.0/0, 10.1.0.0/16]\n";
  EXPECT_EQ(eval("{path: ingress.cidr_blocks, equals: 0.0.0.0/0}", sg), T);
  EXPECT_EQ(attribute_, "ingress[1].cidr_blocks[0]");
  EXPECT_EQ(eval("{path: 'ingress[0].cidr_blocks', equals: 0.0.0.0/0}", sg), F);
  EXPECT_EQ(eval("{path: 'ingress[5].cidr_blocks', exists: true}", sg), F);
}

TEST_F(ConditionEvaluatorTest, OneOfMatchesContains) {
  EXPECT_EQ(eval("{path: r, one_of: [ap-northeast-1, ap-northeast-3]}", "r: ap-northeast-3"), T);
  EXPECT_EQ(eval("{path: r, not_one_of: [ap-northeast-1]}", "r: us-east-1"), T);
  EXPECT_EQ(eval("{path: n, matches: '^arn:aws:kms:'}", "n: arn:aws:kms:ap-northeast-1:1:key/x"), T);
  EXPECT_EQ(eval("{path: n, not_matches: '^arn:'}", "n: alias/aws/s3"), T);
  EXPECT_EQ(eval("{path: l, contains: b}", "l: [a, b]"), T);
  EXPECT_EQ(eval("{path: l, contains: c}", "l: [a, b]"), F);
  EXPECT_EQ(eval("{path: s, contains: 'TLS1.2'}", "s: ELBSecurityPolicy-TLS13-1-2-2021-06"), F);
  EXPECT_EQ(eval("{path: s, contains: 'TLS13'}", "s: ELBSecurityPolicy-TLS13-1-2-2021-06"), T);
}

TEST_F(ConditionEvaluatorTest, NumericComparisons) {
  EXPECT_EQ(eval("{path: d, gte: 365}", "d: 400"), T);
  EXPECT_EQ(eval("{path: d, gte: 365}", "d: '90'"), F);
  EXPECT_EQ(eval("{path: d, gt: 1}", "d: 1"), F);
  EXPECT_EQ(eval("{path: d, lt: 2}", "d: 1"), T);
  EXPECT_EQ(eval("{path: d, lte: 1}", "d: 1"), T);
  EXPECT_EQ(eval("{path: d, gte: {param: min}}", "d: 100", "params: {min: 365}\n"), F);
  EXPECT_EQ(eval("{path: d, gte: {param: min}}", "d: 400", "params: {min: 365}\n"), T);
}

TEST_F(ConditionEvaluatorTest, EmptyAndType) {
  EXPECT_EQ(eval("{path: a, empty: true}", "b: 1"), T);
  EXPECT_EQ(eval("{path: a, empty: true}", "a: ''"), T);
  EXPECT_EQ(eval("{path: a, empty: true}", "a: []"), T);
  EXPECT_EQ(eval("{path: a, empty: true}", "a: {}"), T);
  EXPECT_EQ(eval("{path: a, empty: true}", "a: [x]"), F);
  EXPECT_EQ(eval("{path: a, empty: false}", "a: [x]"), T);
  EXPECT_EQ(eval("{path: a, type: list}", "a: [x]"), T);
  EXPECT_EQ(eval("{path: a, type: string}", "a: 3"), F);
  EXPECT_EQ(eval("{path: a, type: number}", "a: 3"), T);
}

TEST_F(ConditionEvaluatorTest, CidrOperators) {
  EXPECT_EQ(eval("{path: c, cidr_is_any: true}", "c: [10.0.0.0/8, ::/0]"), T);
  EXPECT_EQ(eval("{path: c, cidr_is_any: true}", "c: [10.0.0.0/8]"), F);
  EXPECT_EQ(eval("{path: c, cidr_is_public: true}", "c: 203.0.113.0/24"), F);
  EXPECT_EQ(eval("{path: c, cidr_is_public: true}", "c: 8.8.8.8/32"), T);
  EXPECT_EQ(eval("{path: c, cidr_is_public: true}", "c: 2406:da14::/32"), T);
  EXPECT_EQ(eval("{path: c, cidr_is_public: true}", "c: fd00::/8"), F);
  EXPECT_EQ(eval("{path: c, cidr_overlaps: [10.0.0.0/16]}", "c: 10.0.128.0/17"), T);
  EXPECT_EQ(eval("{path: c, cidr_within: [10.0.0.0/16]}", "c: 10.0.0.0/8"), F);
  EXPECT_EQ(eval("{path: c, cidr_within: [10.0.0.0/8]}", "c: 10.2.0.0/16"), T);
  evaluation_.config_cidrs["allowed_egress_cidrs"] = {*parse_cidr("192.168.10.0/24")};
  EXPECT_EQ(eval("{path: c, cidr_within: {config: allowed_egress_cidrs}}", "c: 192.168.10.5/32"), T);
  EXPECT_EQ(eval("{path: c, cidr_within: {config: allowed_egress_cidrs}}", "c: 192.168.11.5/32"), F);
}

TEST_F(ConditionEvaluatorTest, CidrPrefixAtMost) {
  EXPECT_EQ(eval("{path: c, cidr_prefix_at_most: 16}", "c: [10.0.0.0/24, 203.0.0.0/15]"), T);
  EXPECT_EQ(value_, "203.0.0.0/15");
  EXPECT_EQ(eval("{path: c, cidr_prefix_at_most: 16}", "c: 203.0.113.0/24"), F);
  EXPECT_EQ(eval("{path: c, cidr_prefix_at_most: 16}", "c: 0.0.0.0/1"), T);
  // One limit per family; a family without one never matches.
  EXPECT_EQ(eval("{path: c, cidr_prefix_at_most: {ipv4: 8, ipv6: 32}}", "c: 2001:db8::/32"), T);
  EXPECT_EQ(eval("{path: c, cidr_prefix_at_most: {ipv4: 8, ipv6: 32}}", "c: 2001:db8::/48"), F);
  EXPECT_EQ(eval("{path: c, cidr_prefix_at_most: {ipv4: 8}}", "c: ::/0"), F);
  EXPECT_EQ(eval("{path: c, cidr_prefix_at_most: {param: broad}}", "c: 10.0.0.0/8", "params: {broad: {ipv4: 8}}\n"), T);
  EXPECT_EQ(eval("{path: c, cidr_prefix_at_most: 16}", "c: 'unknown:var.cidr'"), U);
  EXPECT_EQ(eval("{path: c, cidr_prefix_at_most: 16}", "c: not-a-cidr"), F);
  // The same element must be public and broad: `some` over the list with `.`.
  EXPECT_EQ(eval("{path: c, some: {all: [{path: ., cidr_is_public: true}, {path: ., cidr_prefix_at_most: 8}]}}",
                 "c: [10.0.0.0/8, 8.8.8.8/32]"),
            F);
  EXPECT_EQ(eval("{path: c, some: {all: [{path: ., cidr_is_public: true}, {path: ., cidr_prefix_at_most: 8}]}}",
                 "c: [10.0.0.0/8, 128.0.0.0/1]"),
            T);
}

TEST_F(ConditionEvaluatorTest, DeletionPolicySpecialPaths) {
  EXPECT_EQ(eval("{path: $deletion_policy, one_of: [Retain, Snapshot]}", "a: 1"), F);
  EXPECT_EQ(value_, "(not set)");
}

TEST_F(ConditionEvaluatorTest, ConfigOperand) {
  evaluation_.config_values["allowed_regions"] = [] {
    model::Value list = model::Value::list();
    list.push(model::Value::of_string("ap-northeast-1"));
    return list;
  }();
  EXPECT_EQ(eval("{path: r, one_of: {config: allowed_regions}}", "r: ap-northeast-1"), T);
  EXPECT_EQ(eval("{path: r, one_of: {config: allowed_regions}}", "r: us-east-1"), F);
}

TEST_F(ConditionEvaluatorTest, ConfigKeyWithNoValuesIsTheEmptyList) {
  // No config_values at all, as when .gclint.yaml sets nothing: never unknown.
  EXPECT_EQ(eval("{path: c, one_of: {config: allowed_egress_cidrs}}", "c: 10.0.0.0/8"), F);
  EXPECT_EQ(eval("{path: c, not_one_of: {config: allowed_egress_cidrs}}", "c: 10.0.0.0/8"), T);
  EXPECT_EQ(eval("{path: c, cidr_within: {config: allowed_egress_cidrs}}", "c: 10.0.0.0/8"), F);
  evaluation_.config_values["allowed_egress_prefix_lists"] = model::Value::list();
  EXPECT_EQ(eval("{path: p, not_one_of: {config: allowed_egress_prefix_lists}}", "p: pl-123"), T);
}

// A policy as Terraform's jsonencode() or a heredoc leaves it: JSON text in a string.
constexpr const char* kPolicyString =
    "policy: '{\"Statement\": {\"Principal\": {\"AWS\": [\"arn:aws:iam::1:root\", \"*\"]}, \"Effect\": \"Allow\"}, "
    "\"Version\": \"2012-10-17\"}'\n";

TEST_F(ConditionEvaluatorTest, PathStepsReadJsonInsideStrings) {
  EXPECT_EQ(eval("{path: policy.Statement.Effect, equals: Allow}", kPolicyString), T);
  EXPECT_EQ(attribute_, "policy.Statement.Effect");
  EXPECT_EQ(eval("{path: policy.Statement.Principal.AWS, equals: '*'}", kPolicyString), T);
  EXPECT_EQ(attribute_, "policy.Statement.Principal.AWS[1]");
  EXPECT_EQ(eval("{path: policy.Statement, some: {path: Condition, empty: true}}", kPolicyString), T);
  EXPECT_EQ(eval("{path: 'policy.Statement[0].Effect', equals: Allow}",
                 "policy: '{\"Statement\": [{\"Effect\": \"Deny\"}, {\"Effect\": \"Allow\"}]}'\n"),
            F);
  EXPECT_EQ(value_, "Deny");
  // Text that is not a JSON document stays a string: the step finds nothing.
  EXPECT_EQ(eval("{path: policy.Statement, exists: true}", "policy: 'not json {'\n"), F);
  EXPECT_EQ(eval("{path: policy.Statement, exists: true}", "policy: '{\"Statement\": [1,'\n"), F);
  // The whole string is still a string for string operators.
  EXPECT_EQ(eval("{path: policy, matches: '\"Version\"'}", kPolicyString), T);
}

TEST_F(ConditionEvaluatorTest, JsonPlaceholdersInsideStringsAreUnknown) {
  const char* placeholder = "policy: '{\"Statement\": [{\"Principal\": {\"AWS\": \"${var.principal}\"}}]}'\n";
  EXPECT_EQ(eval("{path: policy.Statement.Principal.AWS, equals: '*'}", placeholder), U);
  EXPECT_EQ(unknown_, "var.principal");
}

TEST_F(ConditionEvaluatorTest, AnyBlamesTheDeepestAttributeNotTheResource) {
  // Both children fail; the missing `x` would blame the resource itself (a CloudFormation logical ID is a
  // short span), the value that decided is `sse.alg`.
  EXPECT_EQ(eval("{any: [{path: x, exists: true}, {path: sse.alg, equals: 'aws:kms'}]}", "sse:\n  alg: AES256\n"), F);
  EXPECT_EQ(attribute_, "sse.alg");
  EXPECT_EQ(eval("{any: [{path: sse.alg, equals: 'aws:kms'}, {path: x, exists: true}]}", "sse:\n  alg: AES256\n"), F);
  EXPECT_EQ(attribute_, "sse.alg");
  // Deeper wins over a shorter span higher up.
  EXPECT_EQ(eval("{any: [{path: a, equals: 1}, {path: b.c, equals: 1}]}", "a: 2\nb:\n  c: 'a long value here'\n"), F);
  EXPECT_EQ(attribute_, "b.c");
  // Ties go to the first child.
  EXPECT_EQ(eval("{any: [{path: a, equals: 1}, {path: b, equals: 1}]}", "b: 22\na: 2\n"), F);
  EXPECT_EQ(attribute_, "a");
  EXPECT_EQ(eval("{any: [{path: b, equals: 22}, {path: a, equals: 2}]}", "a: 2\nb: 22\n"), T);
  EXPECT_EQ(attribute_, "b");
  // A value that exists beats the enclosing block of a missing one at the same depth.
  EXPECT_EQ(eval("{any: [{path: s.missing, exists: true}, {path: t, equals: 1}]}", "s: {k: 1}\nt: 2\n"), F);
  EXPECT_EQ(attribute_, "t");
}

TEST_F(ConditionEvaluatorTest, Ports) {
  const char* ports = "{ports: {from: from_port, to: to_port, protocol: protocol}, overlaps: [22, 3389, '5985-5986']}";
  EXPECT_EQ(eval(ports, "from_port: 0\nto_port: 65535\nprotocol: tcp"), T);
  EXPECT_EQ(eval(ports, "from_port: 443\nto_port: 443\nprotocol: tcp"), F);
  EXPECT_EQ(eval(ports, "from_port: 5986\nto_port: 6000\nprotocol: '6'"), T);
  EXPECT_EQ(eval(ports, "from_port: 0\nto_port: 0\nprotocol: '-1'"), T);
  EXPECT_EQ(eval(ports, "protocol: all"), T);
  EXPECT_EQ(eval(ports, "from_port: 22\nto_port: 22\nprotocol: udp"), T);
  EXPECT_EQ(eval(ports, "from_port: -1\nto_port: -1\nprotocol: icmp"), F);
  EXPECT_EQ(eval(ports, "from_port: 'unknown:var.port'\nto_port: 22\nprotocol: tcp"), U);
  EXPECT_EQ(eval("{ports: {from: port}, overlaps: [3389]}", "port: '3000-4000'"), T);
  EXPECT_EQ(eval("{ports: {from: port}, overlaps: [3389]}", "port: '*'"), T);
}

TEST_F(ConditionEvaluatorTest, BooleanStructureIsThreeValued) {
  EXPECT_EQ(eval("{all: [{path: a, equals: 1}, {path: b, equals: 2}]}", "a: 1\nb: 2"), T);
  EXPECT_EQ(eval("{all: [{path: a, equals: 1}, {path: b, equals: 2}]}", "a: 1\nb: 3"), F);
  EXPECT_EQ(attribute_, "b");
  EXPECT_EQ(eval("{all: [{path: a, equals: 1}, {path: b, equals: 2}]}", "a: 'unknown:v'\nb: 3"), F);
  EXPECT_EQ(eval("{all: [{path: a, equals: 1}, {path: b, equals: 2}]}", "a: 'unknown:v'\nb: 2"), U);
  EXPECT_EQ(eval("{any: [{path: a, equals: 1}, {path: b, equals: 2}]}", "a: 'unknown:v'\nb: 2"), T);
  EXPECT_EQ(eval("{any: [{path: a, equals: 1}, {path: b, equals: 2}]}", "a: 'unknown:v'\nb: 3"), U);
  EXPECT_EQ(eval("{any: [{path: a, equals: 1}, {path: b, equals: 2}]}", "a: 0\nb: 3"), F);
  EXPECT_EQ(eval("{not: {path: a, equals: 1}}", "a: 'unknown:v'"), U);
  EXPECT_EQ(eval("{not: {path: a, equals: 1}}", "a: 2"), T);
}

TEST_F(ConditionEvaluatorTest, Quantifiers) {
  const char* rules = "rule:\n  - {port: 22, cidr: 10.0.0.0/8}\n  - {port: 443, cidr: 0.0.0.0/0}\n";
  EXPECT_EQ(eval("{path: rule, some: {path: cidr, cidr_is_any: true}}", rules), T);
  EXPECT_EQ(attribute_, "rule[1].cidr");
  EXPECT_EQ(eval("{path: rule, every: {path: port, lt: 1024}}", rules), T);
  EXPECT_EQ(eval("{path: rule, every: {path: cidr, cidr_is_any: true}}", rules), F);
  EXPECT_EQ(attribute_, "rule[0].cidr");
  EXPECT_EQ(eval("{path: rule, none: {path: port, equals: 22}}", rules), F);
  EXPECT_EQ(eval("{path: missing, some: {path: x, exists: true}}", rules), F);
  EXPECT_EQ(eval("{path: missing, every: {path: x, exists: true}}", rules), T);
  EXPECT_EQ(eval("{path: rule, some: {path: ., exists: true}}", "rule: ['unknown:local.x']"), U);
  EXPECT_EQ(eval("{path: tags, some: {path: ., equals: prod}}", "tags: [dev, prod]"), T);
}

TEST_F(ConditionEvaluatorTest, MissingAttributeBlamesNearestBlock) {
  std::string yaml = "rule:\n  - apply:\n      alg: AES256\n";
  EXPECT_EQ(eval("{path: rule.apply.kms_key, exists: true}", yaml), F);
  EXPECT_EQ(attribute_, "rule[0].apply.kms_key");
  EXPECT_EQ(value_, "(not set)");
}

TEST_F(ConditionEvaluatorTest, SpecialPaths) {
  EXPECT_EQ(eval("{path: $type, equals: t}", "a: 1"), T);
  EXPECT_EQ(eval("{path: $address, matches: '^t\\.'}", "a: 1"), T);
  EXPECT_EQ(eval("{path: $region, exists: true}", "a: 1"), F);
  EXPECT_EQ(eval("{path: $tags.env, exists: true}", "a: 1"), F);
}

TEST(ConditionEvaluatorRegion, RegionTagsTierAndUnknownRegion) {
  model::SourceSet sources;
  auto check = make_rule(sources,
                         "{all: [{path: $region, one_of: [ap-northeast-1]}, {path: $tags.env, equals: prd}, "
                         "{path: $tier, equals: lgwan}]}");
  ASSERT_NE(check, nullptr);
  std::vector<model::Resource> resources = {make_resource(sources, "t", "t.x", "a: 1")};
  resources[0].region = model::Value::of_string("ap-northeast-1");
  resources[0].tags = {{"env", "prd"}};
  resources[0].tier = "lgwan";
  Evaluation evaluation;
  EXPECT_EQ(evaluation.run(*check, resources, 0).truth, Truth::kTrue);
  resources[0].region = model::Value::unknown("var.region");
  Outcome o = evaluation.run(*check, resources, 0);
  EXPECT_EQ(o.truth, Truth::kUnknown);
  EXPECT_EQ(o.unknown, "var.region");
}

TEST(ConditionEvaluatorGraph, References) {
  model::SourceSet sources;
  auto check =
      make_rule(sources, "{references: {path: kms, types: [aws_kms_key], where: {path: rotate, equals: true}}}");
  ASSERT_NE(check, nullptr);
  std::vector<model::Resource> resources = {
      make_resource(sources, "t", "t.a", "kms: 'ref:aws_kms_key.k#arn'"),
      make_resource(sources, "t", "t.b", "kms: 'ref:aws_kms_key.missing#arn'"),
      make_resource(sources, "t", "t.c", "kms: alias/aws/s3"),
      make_resource(sources, "aws_kms_key", "aws_kms_key.k", "rotate: true"),
      make_resource(sources, "t", "t.d", "kms: 'ref:aws_kms_key.counted#arn'"),
      make_resource(sources, "aws_kms_key", "aws_kms_key.counted[0]", "rotate: false"),
  };
  Evaluation evaluation;
  EXPECT_EQ(evaluation.run(*check, resources, 0).truth, Truth::kTrue);
  Outcome unscanned = evaluation.run(*check, resources, 1);
  EXPECT_EQ(unscanned.truth, Truth::kUnknown);
  EXPECT_EQ(unscanned.unknown, "aws_kms_key.missing.arn");
  EXPECT_EQ(evaluation.run(*check, resources, 2).truth, Truth::kFalse);
  // Resolved through the instance key of a counted resource; its rotate is false.
  EXPECT_EQ(evaluation.run(*check, resources, 4).truth, Truth::kFalse);
}

TEST(ConditionEvaluatorGraph, ReferencedByWithViaPrefix) {
  model::SourceSet sources;
  auto check =
      make_rule(sources, "{referenced_by: {types: [sse], via: bucket, where: {path: alg, equals: 'aws:kms'}}}");
  ASSERT_NE(check, nullptr);
  std::vector<model::Resource> resources = {
      make_resource(sources, "t", "bucket.a", "x: 1"),
      make_resource(sources, "t", "bucket.b", "x: 1"),
      make_resource(sources, "sse", "sse.a", "bucket: 'ref:bucket.a#id'\nalg: 'aws:kms'"),
      make_resource(sources, "sse", "sse.b", "other: 'ref:bucket.b#id'\nalg: 'aws:kms'"),
  };
  Evaluation evaluation;
  EXPECT_EQ(evaluation.run(*check, resources, 0).truth, Truth::kTrue);
  EXPECT_EQ(evaluation.run(*check, resources, 1).truth, Truth::kFalse);
}

TEST(ConditionEvaluatorGraph, ReferencesNeverCrossScanUnits) {
  // Two Terraform roots both declare bucket.a; root 2's encryption resource must not cover root 1's bucket,
  // and root 1's reference to a key only root 2 has is to something not scanned (unknown), not a pass.
  model::SourceSet sources;
  auto covered =
      make_rule(sources, "{referenced_by: {types: [sse], via: bucket, where: {path: alg, equals: 'aws:kms'}}}");
  auto keyed = make_rule(sources, "{references: {path: kms, types: [aws_kms_key]}}");
  ASSERT_NE(covered, nullptr);
  ASSERT_NE(keyed, nullptr);
  std::vector<model::Resource> resources = {
      make_resource(sources, "t", "bucket.a", "kms: 'ref:aws_kms_key.k#arn'"),
      make_resource(sources, "t", "bucket.a", "x: 1"),
      make_resource(sources, "sse", "sse.a", "bucket: 'ref:bucket.a#id'\nalg: 'aws:kms'"),
      make_resource(sources, "aws_kms_key", "aws_kms_key.k", "x: 1"),
  };
  resources[0].unit = 1;
  resources[1].unit = 2;
  resources[2].unit = 2;
  resources[3].unit = 2;
  Evaluation evaluation;
  EXPECT_EQ(evaluation.run(*covered, resources, 0).truth, Truth::kFalse);
  EXPECT_EQ(evaluation.run(*covered, resources, 1).truth, Truth::kTrue);
  EXPECT_EQ(evaluation.run(*keyed, resources, 0).truth, Truth::kUnknown);
}

TEST(ConditionEvaluatorGraph, DeletionPolicyIsReadFromTheResource) {
  model::SourceSet sources;
  auto check = make_rule(sources, "{path: $deletion_policy, one_of: [Retain, Snapshot]}");
  ASSERT_NE(check, nullptr);
  std::vector<model::Resource> resources = {make_resource(sources, "t", "t.a", "x: 1")};
  resources[0].deletion_policy = model::Value::of_string("Snapshot", model::Span{resources[0].span.file, 0, 1});
  Evaluation evaluation;
  EXPECT_EQ(evaluation.run(*check, resources, 0).truth, Truth::kTrue);
  resources[0].deletion_policy = model::Value::of_string("Delete");
  EXPECT_EQ(evaluation.run(*check, resources, 0).truth, Truth::kFalse);
  resources[0].deletion_policy = model::Value::unknown("RetainParameter");
  Outcome o = evaluation.run(*check, resources, 0);
  EXPECT_EQ(o.truth, Truth::kUnknown);
  EXPECT_EQ(o.unknown, "RetainParameter");
}

TEST(ConditionEvaluatorGraph, ReferencesThroughARelation) {
  // A pod's ServiceAccount, linked by the Kubernetes front end as a relation rather than a value.
  model::SourceSet sources;
  auto check = make_rule(sources,
                         "{references: {via: uses_service_account, types: [ServiceAccount], "
                         "where: {path: automountServiceAccountToken, equals: false}}}");
  ASSERT_NE(check, nullptr);
  std::vector<model::Resource> resources = {
      make_resource(sources, "Deployment", "Deployment/apps/web", "x: 1", model::Format::kKubernetes),
      make_resource(sources, "ServiceAccount", "ServiceAccount/apps/quiet", "automountServiceAccountToken: false",
                    model::Format::kKubernetes),
      make_resource(sources, "ServiceAccount", "ServiceAccount/apps/default", "x: 1", model::Format::kKubernetes),
  };
  auto use = [&](const std::string& target) {
    resources[0].relations = {
        model::Relation{"uses_service_account", target, model::Span{resources[0].span.file, 0, 1}}};
  };
  Evaluation evaluation;
  use("ServiceAccount/apps/quiet");
  EXPECT_EQ(evaluation.run(*check, resources, 0).truth, Truth::kTrue);
  use("ServiceAccount/apps/default");
  EXPECT_EQ(evaluation.run(*check, resources, 0).truth, Truth::kFalse);
  use("ServiceAccount/apps/unscanned");
  Outcome o = evaluation.run(*check, resources, 0);
  EXPECT_EQ(o.truth, Truth::kUnknown);
  EXPECT_EQ(o.unknown, "ServiceAccount/apps/unscanned");
  resources[0].relations.clear();
  EXPECT_EQ(evaluation.run(*check, resources, 0).truth, Truth::kFalse);
}

TEST(ConditionEvaluatorGraph, ModuleRelativeReference) {
  model::SourceSet sources;
  auto check = make_rule(sources, "{references: {path: kms, types: [aws_kms_key]}}");
  ASSERT_NE(check, nullptr);
  std::vector<model::Resource> resources = {
      make_resource(sources, "t", "module.app.t.a", "kms: 'ref:aws_kms_key.k#arn'"),
      make_resource(sources, "aws_kms_key", "module.app.aws_kms_key.k", "x: 1"),
  };
  resources[0].module_address = "module.app";
  Evaluation evaluation;
  EXPECT_EQ(evaluation.run(*check, resources, 0).truth, Truth::kTrue);
}

TEST(LooseEquals, NumbersStringsBooleans) {
  EXPECT_TRUE(loose_equals(model::Value::of_string("443"), model::Value::of_number(443)));
  EXPECT_FALSE(loose_equals(model::Value::of_string("443a"), model::Value::of_number(443)));
  EXPECT_TRUE(loose_equals(model::Value::of_bool(false), model::Value::of_string("false")));
  EXPECT_FALSE(loose_equals(model::Value::of_bool(false), model::Value::of_string("False")));
  EXPECT_FALSE(loose_equals(model::Value::unknown("x"), model::Value::unknown("x")));
}

}  // namespace
}  // namespace gclint::engine
