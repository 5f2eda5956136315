#include <gtest/gtest.h>

#include "predicate_test_support.h"

namespace gclint::engine {
namespace {

using testing::PredicateRun;

const char* kArgs = "{path: assume_role_policy}";

TEST(IamTrustRequiresMfa, CrossAccountWithoutMfaFails) {
  PredicateRun p;
  auto r = p.run("iam_trust_requires_mfa",
                 "assume_role_policy:\n  Statement:\n    - Effect: Allow\n      Action: 'sts:AssumeRole'\n"
                 "      Principal: {AWS: 'arn:aws:iam::111122223333:root'}\n",
                 kArgs);
  EXPECT_EQ(r.truth, Truth::kFalse);
  EXPECT_EQ(p.line(r), 3u);
  EXPECT_NE(r.value.find("111122223333"), std::string::npos);
}

TEST(IamTrustRequiresMfa, MfaPresentOrAgePasses) {
  PredicateRun p;
  EXPECT_EQ(p.run("iam_trust_requires_mfa",
                  "assume_role_policy:\n  Statement:\n    - Effect: Allow\n      Action: 'sts:AssumeRole'\n"
                  "      Principal: {AWS: '111122223333'}\n"
                  "      Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}\n",
                  kArgs)
                .truth,
            Truth::kTrue);
  EXPECT_EQ(p.run("iam_trust_requires_mfa",
                  "assume_role_policy: '{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"sts:AssumeRole\"], "
                  "\"Principal\": {\"AWS\": \"*\"}, \"Condition\": {\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": "
                  "\"3600\"}}}]}'\n",
                  kArgs)
                .truth,
            Truth::kTrue);
  // MultiFactorAuthPresent false does not count.
  EXPECT_EQ(p.run("iam_trust_requires_mfa",
                  "assume_role_policy:\n  Statement:\n    - Effect: Allow\n      Action: 'sts:AssumeRole'\n"
                  "      Principal: {AWS: '111122223333'}\n"
                  "      Condition: {Bool: {'aws:MultiFactorAuthPresent': false}}\n",
                  kArgs)
                .truth,
            Truth::kFalse);
}

TEST(IamTrustRequiresMfa, BoolIfExistsTrueDoesNotRequireMfa) {
  PredicateRun p;
  // Access keys carry no aws:MultiFactorAuthPresent key; BoolIfExists then matches and allows them.
  EXPECT_EQ(p.run("iam_trust_requires_mfa",
                  "assume_role_policy:\n  Statement:\n    - Effect: Allow\n      Action: 'sts:AssumeRole'\n"
                  "      Principal: {AWS: '111122223333'}\n"
                  "      Condition: {BoolIfExists: {'aws:MultiFactorAuthPresent': 'true'}}\n",
                  kArgs)
                .truth,
            Truth::kFalse);
}

TEST(IamTrustRequiresMfa, DenyWithoutMfaGuardsTheDocument) {
  PredicateRun p;
  EXPECT_EQ(p.run("iam_trust_requires_mfa",
                  "assume_role_policy:\n  Statement:\n    - Effect: Allow\n      Action: 'sts:AssumeRole'\n"
                  "      Principal: {AWS: '111122223333'}\n"
                  "    - Effect: Deny\n      Action: 'sts:*'\n      Principal: {AWS: '*'}\n"
                  "      Condition: {BoolIfExists: {'aws:MultiFactorAuthPresent': 'false'}}\n",
                  kArgs)
                .truth,
            Truth::kTrue);
  // Bool false misses requests signed with access keys: not a guard.
  EXPECT_EQ(p.run("iam_trust_requires_mfa",
                  "assume_role_policy:\n  Statement:\n    - Effect: Allow\n      Action: 'sts:AssumeRole'\n"
                  "      Principal: {AWS: '111122223333'}\n"
                  "    - Effect: Deny\n      Action: 'sts:*'\n      Principal: {AWS: '*'}\n"
                  "      Condition: {Bool: {'aws:MultiFactorAuthPresent': 'false'}}\n",
                  kArgs)
                .truth,
            Truth::kFalse);
}

TEST(IamTrustRequiresMfa, ServicePrincipalsNeedNoMfa) {
  PredicateRun p;
  EXPECT_EQ(p.run("iam_trust_requires_mfa",
                  "assume_role_policy:\n  Statement:\n    - Effect: Allow\n      Action: 'sts:AssumeRole'\n"
                  "      Principal: {Service: ec2.amazonaws.com}\n",
                  kArgs)
                .truth,
            Truth::kTrue);
}

TEST(IamTrustRequiresMfa, UnknownConditionIsUnknown) {
  PredicateRun p;
  auto r = p.run("iam_trust_requires_mfa",
                 "assume_role_policy:\n  Statement:\n    - Effect: Allow\n      Action: 'sts:AssumeRole'\n"
                 "      Principal: {AWS: '111122223333'}\n      Condition: 'unknown:var.condition'\n",
                 kArgs);
  EXPECT_EQ(r.truth, Truth::kUnknown);
}

}  // namespace
}  // namespace gclint::engine
