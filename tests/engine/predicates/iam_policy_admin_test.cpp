#include <gtest/gtest.h>

#include "predicate_test_support.h"

namespace gclint::engine {
namespace {

using testing::PredicateRun;

TEST(IamPolicyAdmin, MapDocumentWithStarActionAndResource) {
  PredicateRun p;
  auto r = p.run("iam_policy_admin",
                 "policy:\n  Version: '2012-10-17'\n  Statement:\n    - Effect: Allow\n      Action: 's3:GetObject'\n"
                 "      Resource: '*'\n    - Effect: Allow\n      Action: ['*']\n      Resource: '*'\n",
                 "{path: policy}");
  EXPECT_EQ(r.truth, Truth::kTrue);
  EXPECT_EQ(p.line(r), 7u);
  EXPECT_EQ(r.attribute, "policy.Statement");
}

TEST(IamPolicyAdmin, JsonStringDocument) {
  PredicateRun p;
  auto r = p.run("iam_policy_admin",
                 "policy: '{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*:*\", \"Resource\": [\"*\"]}]}'\n",
                 "{path: policy}");
  EXPECT_EQ(r.truth, Truth::kTrue);
  EXPECT_EQ(p.line(r), 1u);
}

TEST(IamPolicyAdmin, NotActionAndNotResourceTricks) {
  PredicateRun p;
  EXPECT_EQ(p.run("iam_policy_admin", "policy: {Statement: {Effect: Allow, NotAction: 'iam:*', Resource: '*'}}",
                  "{path: policy}")
                .truth,
            Truth::kTrue);
  EXPECT_EQ(p.run("iam_policy_admin",
                  "policy: {Statement: {Effect: Allow, Action: '*', NotResource: 'arn:aws:s3:::x'}}", "{path: policy}")
                .truth,
            Truth::kTrue);
  EXPECT_EQ(
      p.run("iam_policy_admin", "policy: {Statement: {Effect: Allow, NotAction: '*', Resource: '*'}}", "{path: policy}")
          .truth,
      Truth::kFalse);
}

TEST(IamPolicyAdmin, DenyAndScopedPoliciesAreNotAdmin) {
  PredicateRun p;
  EXPECT_EQ(
      p.run("iam_policy_admin", "policy: {Statement: [{Effect: Deny, Action: '*', Resource: '*'}]}", "{path: policy}")
          .truth,
      Truth::kFalse);
  EXPECT_EQ(
      p.run("iam_policy_admin",
            "policy: {Statement: [{Effect: Allow, Action: '*', Resource: 'arn:aws:s3:::bucket/*'}]}", "{path: policy}")
          .truth,
      Truth::kFalse);
}

TEST(IamPolicyAdmin, InlinePolicyBlocksAndUnknowns) {
  PredicateRun p;
  auto r = p.run("iam_policy_admin",
                 "inline_policy:\n  - name: a\n    policy: '{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", "
                 "\"Resource\": \"*\"}}'\n",
                 "{path: inline_policy}");
  EXPECT_EQ(r.truth, Truth::kTrue);
  auto unknown = p.run("iam_policy_admin", "policy: 'unknown:data.aws_iam_policy_document.x.json'", "{path: policy}");
  EXPECT_EQ(unknown.truth, Truth::kUnknown);
  EXPECT_EQ(unknown.unknown, "data.aws_iam_policy_document.x.json");
  auto action = p.run("iam_policy_admin",
                      "policy: {Statement: {Effect: Allow, Action: 'unknown:var.a', Resource: '*'}}", "{path: policy}");
  EXPECT_EQ(action.truth, Truth::kUnknown);
}

}  // namespace
}  // namespace gclint::engine
