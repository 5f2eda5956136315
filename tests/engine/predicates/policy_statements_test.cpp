#include "engine/predicates/policy_statements.h"

#include <gtest/gtest.h>

#include "predicate_test_support.h"

namespace gclint::engine::predicates {
namespace {

using testing::yaml_args;

TEST(PolicyStatements, GlobMatching) {
  EXPECT_TRUE(iam_glob_match("iam:*", "iam:AttachRolePolicy"));
  EXPECT_TRUE(iam_glob_match("IAM:attach*policy", "iam:AttachRolePolicy"));
  EXPECT_TRUE(iam_glob_match("*", "s3:GetObject"));
  EXPECT_TRUE(iam_glob_match("s3:Get?bject", "s3:GetObject"));
  EXPECT_FALSE(iam_glob_match("iam:Get*", "iam:AttachRolePolicy"));
  EXPECT_FALSE(iam_glob_match("iam:Attach", "iam:AttachRolePolicy"));
  EXPECT_TRUE(iam_glob_match("a*b*c", "axxbyyc"));
  EXPECT_FALSE(iam_glob_match("a*b*c", "axxbyy"));
}

TEST(PolicyStatements, PublicPrincipals) {
  EXPECT_EQ(principal_is_public(yaml_args("{Principal: '*'}")), Truth::kTrue);
  EXPECT_EQ(principal_is_public(yaml_args("{Principal: {AWS: '*'}}")), Truth::kTrue);
  EXPECT_EQ(principal_is_public(yaml_args("{Principal: {AWS: ['arn:aws:iam::1:root', '*']}}")), Truth::kTrue);
  EXPECT_EQ(principal_is_public(yaml_args("{NotPrincipal: {AWS: 'arn:aws:iam::1:root'}}")), Truth::kTrue);
  EXPECT_EQ(principal_is_public(yaml_args("{Principal: {Service: cloudfront.amazonaws.com}}")), Truth::kFalse);
  EXPECT_EQ(principal_is_public(yaml_args("{Principal: {AWS: 'arn:aws:iam::1:root'}}")), Truth::kFalse);
  model::Value unknown = yaml_args("{Principal: x}");
  unknown.set("Principal", model::Value::unknown("var.principal"));
  EXPECT_EQ(principal_is_public(unknown), Truth::kUnknown);
}

TEST(PolicyStatements, RestrictingConditions) {
  auto restricts = [](const std::string& yaml) {
    model::Value condition = yaml_args(yaml);
    return condition_restricts_principal(&condition);
  };
  EXPECT_EQ(restricts("{StringEquals: {'aws:SourceVpce': vpce-0123}}"), Truth::kTrue);
  EXPECT_EQ(restricts("{StringEquals: {'aws:PrincipalOrgID': o-abc123}}"), Truth::kTrue);
  EXPECT_EQ(restricts("{StringEquals: {'AWS:SourceAccount': '111122223333'}}"), Truth::kTrue);
  EXPECT_EQ(restricts("{ArnLike: {'aws:SourceArn': 'arn:aws:cloudfront::1:distribution/E1'}}"), Truth::kTrue);
  EXPECT_EQ(restricts("{StringEquals: {'kms:CallerAccount': '111122223333', 'kms:ViaService': x}}"), Truth::kTrue);
  EXPECT_EQ(restricts("{IpAddress: {'aws:SourceIp': [203.0.113.0/24]}}"), Truth::kTrue);
  // Not restricting: a wildcard value, a negated or IfExists operator, an unrelated key, 0.0.0.0/0.
  EXPECT_EQ(restricts("{StringLike: {'aws:SourceVpce': 'vpce-*'}}"), Truth::kFalse);
  EXPECT_EQ(restricts("{StringNotEquals: {'aws:PrincipalOrgID': o-abc123}}"), Truth::kFalse);
  EXPECT_EQ(restricts("{StringEqualsIfExists: {'aws:SourceVpce': vpce-0123}}"), Truth::kFalse);
  EXPECT_EQ(restricts("{'ForAllValues:StringEquals': {'aws:PrincipalOrgID': o-abc123}}"), Truth::kFalse);
  EXPECT_EQ(restricts("{Bool: {'aws:SecureTransport': 'true'}}"), Truth::kFalse);
  EXPECT_EQ(restricts("{IpAddress: {'aws:SourceIp': 0.0.0.0/0}}"), Truth::kFalse);
  EXPECT_EQ(restricts("{}"), Truth::kFalse);
  // The own account named through Terraform or CloudFormation is fixed although its value is not known here.
  EXPECT_EQ(restricts("{StringEquals: {'kms:CallerAccount': '${data.aws_caller_identity.current.account_id}'}}"),
            Truth::kTrue);
  model::Value own = yaml_args("{StringEquals: {'kms:CallerAccount': x}}");
  own.get("StringEquals")
      ->set("kms:CallerAccount", model::Value::unknown("data.aws_caller_identity.current.account_id"));
  EXPECT_EQ(condition_restricts_principal(&own), Truth::kTrue);
  own.get("StringEquals")->set("kms:CallerAccount", model::Value::unknown("AWS::AccountId"));
  EXPECT_EQ(condition_restricts_principal(&own), Truth::kTrue);
  EXPECT_EQ(restricts("{ArnEquals: {'aws:PrincipalArn': 'arn:aws:iam::${AWS::AccountId}:role/app'}}"), Truth::kTrue);
  EXPECT_EQ(restricts("{ArnEquals: {'aws:PrincipalArn': 'arn:aws:iam::${var.account}:role/app'}}"), Truth::kUnknown);
  EXPECT_EQ(restricts("{StringEquals: {'aws:PrincipalAccount': '${aws:PrincipalTag/account}'}}"), Truth::kFalse);
  model::Value condition = yaml_args("{StringEquals: {'aws:SourceVpce': x}}");
  condition.get("StringEquals")->set("aws:SourceVpce", model::Value::unknown("var.vpce"));
  EXPECT_EQ(condition_restricts_principal(&condition), Truth::kUnknown);
}

TEST(PolicyStatements, MfaConditions) {
  auto allow = [](const std::string& yaml) {
    model::Value condition = yaml_args(yaml);
    return allow_condition_requires_mfa(&condition);
  };
  auto deny = [](const std::string& yaml) {
    model::Value condition = yaml_args(yaml);
    return deny_condition_without_mfa(&condition);
  };
  EXPECT_EQ(allow("{Bool: {'aws:MultiFactorAuthPresent': 'true'}}"), Truth::kTrue);
  EXPECT_EQ(allow("{Bool: {'aws:MultiFactorAuthPresent': true}}"), Truth::kTrue);
  EXPECT_EQ(allow("{NumericLessThan: {'aws:MultiFactorAuthAge': 3600}}"), Truth::kTrue);
  EXPECT_EQ(allow("{'Null': {'aws:MultiFactorAuthAge': 'false'}}"), Truth::kTrue);
  // Long-term access keys carry no MultiFactorAuthPresent key, and IfExists is then true.
  EXPECT_EQ(allow("{BoolIfExists: {'aws:MultiFactorAuthPresent': 'true'}}"), Truth::kFalse);
  EXPECT_EQ(allow("{NumericLessThanIfExists: {'aws:MultiFactorAuthAge': 3600}}"), Truth::kFalse);
  EXPECT_EQ(allow("{Bool: {'aws:MultiFactorAuthPresent': 'false'}}"), Truth::kFalse);
  EXPECT_EQ(allow("{NumericGreaterThan: {'aws:MultiFactorAuthAge': 3600}}"), Truth::kFalse);
  EXPECT_EQ(deny("{BoolIfExists: {'aws:MultiFactorAuthPresent': 'false'}}"), Truth::kTrue);
  EXPECT_EQ(deny("{'Null': {'aws:MultiFactorAuthAge': 'true'}}"), Truth::kTrue);
  EXPECT_EQ(deny("{Bool: {'aws:MultiFactorAuthPresent': 'false'}}"), Truth::kFalse);
}

TEST(PolicyStatements, ActionCoverage) {
  EXPECT_EQ(statement_covers_action(yaml_args("{Action: 'sts:*'}"), "sts:AssumeRole"), Truth::kTrue);
  EXPECT_EQ(statement_covers_action(yaml_args("{Action: ['sts:TagSession']}"), "sts:AssumeRole"), Truth::kFalse);
  EXPECT_EQ(statement_covers_action(yaml_args("{NotAction: ['iam:*']}"), "sts:AssumeRole"), Truth::kTrue);
  EXPECT_EQ(statement_covers_action(yaml_args("{NotAction: ['sts:*']}"), "sts:AssumeRole"), Truth::kFalse);
}

}  // namespace
}  // namespace gclint::engine::predicates
