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
  auto power_user =
      p.run("iam_policy_admin",
            "policy: {Statement: {Effect: Allow, NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*'}}",
            "{path: policy}");
  EXPECT_EQ(power_user.truth, Truth::kTrue);
  EXPECT_EQ(power_user.value, "NotAction excludes only account, iam, organizations on Resource *");
  // Excluding more services than the limit is a scoped policy, not admin.
  EXPECT_EQ(p.run("iam_policy_admin",
                  "policy: {Statement: {Effect: Allow, NotAction: ['iam:*', 'organizations:*', 'account:*', 'kms:*'], "
                  "Resource: '*'}}",
                  "{path: policy}")
                .truth,
            Truth::kFalse);
  EXPECT_EQ(p.run("iam_policy_admin",
                  "policy: {Statement: {Effect: Allow, NotAction: ['iam:*', 'organizations:*', 'account:*', 'kms:*'], "
                  "Resource: '*'}}",
                  "{path: policy, max_not_action_services: 4}")
                .truth,
            Truth::kTrue);
  EXPECT_EQ(p.run("iam_policy_admin", "policy: {Statement: {Effect: Allow, NotAction: 'iam:*', Resource: '*'}}",
                  "{path: policy}")
                .truth,
            Truth::kTrue);
  EXPECT_EQ(p.run("iam_policy_admin", "policy: {Statement: {Effect: Allow, Action: '*', Resource: 'arn:aws:*:*:*:*'}}",
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

TEST(IamPolicyAdmin, PrivilegeEscalationEquivalents) {
  PredicateRun p;
  const char* iam_star = "policy: {Statement: {Effect: Allow, Action: ['iam:*'], Resource: '*'}}";
  EXPECT_EQ(p.run("iam_policy_admin", iam_star, "{path: policy}").truth, Truth::kFalse);
  auto escalation = p.run("iam_policy_admin", iam_star, "{path: policy, escalation: true}");
  EXPECT_EQ(escalation.truth, Truth::kTrue);
  EXPECT_EQ(escalation.value, "Action iam:* (grants itself iam:AttachUserPolicy) on Resource *");
  EXPECT_EQ(p.run("iam_policy_admin",
                  "policy: {Statement: {Effect: Allow, Action: ['iam:Put*Policy', 's3:GetObject'], Resource: '*'}}",
                  "{path: policy, escalation: true}")
                .truth,
            Truth::kTrue);
  // Read-only IAM, or escalation actions scoped to named resources, are not.
  EXPECT_EQ(p.run("iam_policy_admin",
                  "policy: {Statement: {Effect: Allow, Action: ['iam:Get*', 'iam:List*'], Resource: '*'}}",
                  "{path: policy, escalation: true}")
                .truth,
            Truth::kFalse);
  EXPECT_EQ(p.run("iam_policy_admin",
                  "policy: {Statement: {Effect: Allow, Action: 'iam:*', Resource: 'arn:aws:iam::1:role/app-*'}}",
                  "{path: policy, escalation: true}")
                .truth,
            Truth::kFalse);
}

TEST(IamPolicyAdmin, ArgumentsAreChecked) {
  const PredicateEntry* entry = find_predicate("iam_policy_admin");
  ASSERT_NE(entry, nullptr);
  ASSERT_NE(entry->check_args, nullptr);
  EXPECT_EQ(entry->check_args(testing::yaml_args("{path: policy, escalation: true}")), "");
  EXPECT_NE(entry->check_args(testing::yaml_args("{path: policy, escalation: yes please}")), "");
  EXPECT_NE(entry->check_args(testing::yaml_args("{path: policy, max_not_action_services: many}")), "");
}

TEST(IamPolicyPublicPrincipal, WildcardPrincipalsWithAndWithoutRestrictingConditions) {
  PredicateRun p;
  auto open =
      p.run("iam_policy_public_principal",
            "policy:\n  Statement:\n    - Effect: Allow\n      Principal: {AWS: '*'}\n      Action: 's3:GetObject'\n"
            "      Condition: {Bool: {'aws:SecureTransport': 'true'}}\n",
            "{path: policy}");
  EXPECT_EQ(open.truth, Truth::kTrue);
  EXPECT_EQ(open.value, "{\"AWS\":\"*\"}");
  EXPECT_EQ(p.line(open), 3u);
  EXPECT_EQ(p.run("iam_policy_public_principal",
                  "policy: {Statement: [{Effect: Allow, Principal: '*', Action: 's3:GetObject', "
                  "Condition: {StringEquals: {'aws:SourceVpce': vpce-1a2b3c4d}}}]}",
                  "{path: policy}")
                .truth,
            Truth::kFalse);
  EXPECT_EQ(p.run("iam_policy_public_principal",
                  "policy: '{\"Statement\": [{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\"}]}'",
                  "{path: policy}")
                .truth,
            Truth::kFalse);
  EXPECT_EQ(p.run("iam_policy_public_principal",
                  "policy: {Statement: [{Effect: Allow, Principal: {AWS: 'arn:aws:iam::111122223333:root'}}]}",
                  "{path: policy}")
                .truth,
            Truth::kFalse);
  EXPECT_EQ(p.run("iam_policy_public_principal",
                  "policy: {Statement: [{Effect: Allow, Principal: '*', Condition: 'unknown:var.condition'}]}",
                  "{path: policy}")
                .truth,
            Truth::kUnknown);
  // jsonencode() leaves unknown parts as "${expr}" placeholders: the own account is a fixed value, a variable unknown.
  EXPECT_EQ(p.run("iam_policy_public_principal",
                  "policy: '{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, "
                  "\"Condition\": {\"StringEquals\": {\"kms:CallerAccount\": "
                  "\"${data.aws_caller_identity.current.account_id}\"}}}]}'",
                  "{path: policy}")
                .truth,
            Truth::kFalse);
  EXPECT_EQ(p.run("iam_policy_public_principal",
                  "policy: '{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, "
                  "\"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"${var.org_id}\"}}}]}'",
                  "{path: policy}")
                .truth,
            Truth::kUnknown);
}

}  // namespace
}  // namespace gclint::engine
