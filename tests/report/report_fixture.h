#pragma once

#include <string>
#include <vector>

#include "engine/rule_pack.h"
#include "model/diagnostic.h"
#include "model/finding.h"
#include "model/source_set.h"
#include "report/reporter.h"

namespace gclint::report::testing {

/// A small hand-built scan: one Terraform file with two findings (one suppressed) and one broken YAML file.
struct ReportFixture {
  model::SourceSet sources;
  engine::RulePack pack;
  /// The findings as built; a test edits `drafts` and calls rebuild() to change their text.
  std::vector<model::FindingDraft> drafts;
  model::FindingList findings;
  std::vector<model::Diagnostic> diagnostics;

  ReportFixture() {
    std::string tf =
        "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"logs\" {\n"
        "  rule {\n"
        "    apply_server_side_encryption_by_default {\n"
        "      sse_algorithm = \"AES256\"\n"
        "    }\n"
        "  }\n"
        "}\n";
    uint32_t tf_id = sources.add("modules/storage/main.tf", tf);
    uint32_t yaml_id = sources.add("k8s/broken.yaml", "kind: [\n");
    uint32_t begin = static_cast<uint32_t>(tf.find("sse_algorithm"));
    model::FindingDraft f;
    f.check_id = "GC-ENC-002";
    f.check_name = "storage-customer-managed-key";
    f.severity = model::Severity::kHigh;
    f.span = model::Span{tf_id, begin, begin + 24};
    f.resource = "aws_s3_bucket_server_side_encryption_configuration.logs";
    f.resource_type = "aws_s3_bucket_server_side_encryption_configuration";
    f.tier = "mynumber";
    static const std::vector<std::string> kEncryptionRequirements{"GC-ENC-02"};
    f.requirements = kEncryptionRequirements;
    f.message = {
        "aws_s3_bucket_server_side_encryption_configuration.logs は AWS 管理鍵を使っており、暗号化消去できません",
        "aws_s3_bucket_server_side_encryption_configuration.logs uses an AWS-managed key, so its data "
        "cannot be crypto-erased"};
    static const model::LocalizedText kRemediation{"kms_master_key_id にここで定義した aws_kms_key を指定してください",
                                                   "set kms_master_key_id to an aws_kms_key defined here"};
    f.remediation = &kRemediation;
    f.attribute = "rule.apply_server_side_encryption_by_default.sse_algorithm";
    f.evidence = "AES256";
    f.fingerprint = "0123456789abcdef";
    drafts.push_back(f);
    model::FindingDraft s = f;
    s.check_id = "GC-LOG-001";
    s.check_name = "bucket-access-logging";
    s.severity = model::Severity::kMedium;
    s.span = model::Span{tf_id, 0, 8};
    static const std::vector<std::string> kLoggingRequirements{"GC-LOG-01"};
    s.requirements = kLoggingRequirements;
    s.message = {"ログ未設定", "access logging is off"};
    s.fingerprint = "fedcba9876543210";
    s.suppressed = true;
    s.suppression_reason = "central logging bucket";
    drafts.push_back(s);
    rebuild();
    diagnostics.push_back(
        {model::Diagnostic::Level::kError, model::Span{yaml_id, 6, 7}, "unexpected end of flow sequence"});
    diagnostics.push_back({model::Diagnostic::Level::kNotEvaluated, model::Span{tf_id, 0, 8},
                           "var.kms_key_arn has no value; GC-ENC-002 not evaluated"});
  }

  void rebuild() {
    findings.clear();
    for (const auto& d : drafts) findings.emplace_back(d);
  }

  ReportInput input(std::string lang = "en") const {
    ReportInput in{sources, pack, findings, diagnostics};
    in.lang = std::move(lang);
    in.tool_version = "0.1.0";
    in.files_scanned = 2;
    in.resources_evaluated = 1;
    return in;
  }
};

}  // namespace gclint::report::testing
