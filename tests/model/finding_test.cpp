#include "model/finding.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace gclint::model {
namespace {

FindingDraft full_draft() {
  static const std::vector<std::string> kRequirements{"GC-ENC-02"};
  static const LocalizedText kFix{"鍵を指定してください", "set a key"};
  FindingDraft d;
  d.check_id = "GC-ENC-001";
  d.check_name = "storage-customer-managed-key";
  d.severity = Severity::kHigh;
  d.span = Span{1, 10, 20};
  d.origin = Span{2, 3, 4};
  d.resource = "module.storage.aws_s3_bucket.logs[\"audit-2026\"]";
  d.resource_type = "aws_s3_bucket_server_side_encryption_configuration";
  d.format = Format::kCloudFormation;
  d.tier = "mynumber";
  d.requirements = kRequirements;
  d.message = {"暗号化消去できません", "cannot be crypto-erased"};
  d.remediation = &kFix;
  d.attribute = "rule.apply_server_side_encryption_by_default.sse_algorithm";
  d.evidence = "AES256";
  d.evidence_redacted = true;
  d.scenario = "IsProd=true";
  d.fingerprint = "0123456789abcdef";
  d.suppressed = true;
  d.suppression_reason = "central logging bucket";
  return d;
}

void expect_same(const Finding& f, const FindingDraft& d) {
  EXPECT_EQ(f.check_id, d.check_id);
  EXPECT_EQ(f.check_name, d.check_name);
  EXPECT_EQ(f.severity, d.severity);
  EXPECT_EQ(f.span.file, d.span.file);
  EXPECT_EQ(f.span.begin, d.span.begin);
  EXPECT_EQ(f.span.end, d.span.end);
  EXPECT_EQ(f.origin.file, d.origin.file);
  EXPECT_EQ(f.resource(), d.resource);
  EXPECT_EQ(f.resource_type(), d.resource_type);
  EXPECT_EQ(f.format, d.format);
  EXPECT_EQ(f.tier(), d.tier);
  EXPECT_EQ(f.requirements.data(), d.requirements.data());
  EXPECT_EQ(f.message().ja, d.message.ja);
  EXPECT_EQ(f.message().en, d.message.en);
  EXPECT_EQ(f.remediation, d.remediation);
  EXPECT_EQ(f.attribute(), d.attribute);
  EXPECT_EQ(f.evidence(), d.evidence);
  EXPECT_EQ(f.evidence_redacted, d.evidence_redacted);
  EXPECT_EQ(f.scenario(), d.scenario);
  EXPECT_EQ(f.fingerprint(), d.fingerprint);
  EXPECT_EQ(f.suppressed, d.suppressed);
  EXPECT_EQ(f.suppression_reason(), d.suppression_reason);
}

TEST(FindingTest, KeepsEveryFieldOfItsDraft) {
  FindingDraft d = full_draft();
  expect_same(Finding(d), d);
}

TEST(FindingTest, EmptyTextsStayEmptyBetweenSetOnes) {
  FindingDraft d;
  d.check_id = "GC-NET-001";
  d.tier = "internet";
  d.fingerprint = "fedcba9876543210";
  Finding f(d);
  EXPECT_EQ(f.resource(), "");
  EXPECT_EQ(f.tier(), "internet");
  EXPECT_EQ(f.message().ja, "");
  EXPECT_EQ(f.scenario(), "");
  EXPECT_EQ(f.fingerprint(), "fedcba9876543210");
  EXPECT_EQ(f.suppression_reason(), "");
  Finding none{FindingDraft{}};
  EXPECT_EQ(none.resource(), "");
  EXPECT_EQ(none.suppression_reason(), "");
}

TEST(FindingTest, CopiesOwnTheirTextAndMovesKeepIt) {
  FindingDraft d = full_draft();
  auto original = std::make_unique<Finding>(d);
  Finding copy(*original);
  Finding assigned;
  assigned = *original;
  original.reset();  // a copy that shared the text would read freed memory (ASan)
  expect_same(copy, d);
  expect_same(assigned, d);
  Finding moved(std::move(copy));
  expect_same(moved, d);
  Finding target{FindingDraft{}};
  target = std::move(moved);
  expect_same(target, d);
  target = target;  // self-assignment keeps the text
  expect_same(target, d);
}

TEST(FindingTest, MessageInPicksJapaneseOnlyWhenThereIsSome) {
  FindingDraft d;
  d.message.en = "only English";
  Finding f(d);
  EXPECT_EQ(f.message().in("ja"), "only English");
  EXPECT_EQ(f.message().in("en"), "only English");
  d.message.ja = "日本語";
  Finding both(d);
  EXPECT_EQ(both.message().in("ja"), "日本語");
  EXPECT_EQ(both.message().in("en"), "only English");
}

TEST(FindingTest, IsSmallerThanItsDraft) {
  // A scan holds tens of thousands of findings, twice while they are merged: the fixed part must stay small.
  static_assert(sizeof(Finding) <= 104);
  EXPECT_LT(sizeof(Finding), sizeof(FindingDraft) / 4);
}

}  // namespace
}  // namespace gclint::model
