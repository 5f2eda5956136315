#include "report/json_reporter.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "report/report_fixture.h"

namespace gclint::report {
namespace {

nlohmann::json render(const ReportInput& input) {
  std::ostringstream out;
  JsonReporter().write(input, out);
  return nlohmann::json::parse(out.str());
}

TEST(JsonReporterTest, FindingFields) {
  testing::ReportFixture fx;
  auto j = render(fx.input());
  EXPECT_EQ(j["schema_version"], 1);
  ASSERT_EQ(j["findings"].size(), 2u);
  const auto& f = j["findings"][0];
  EXPECT_EQ(f["check_id"], "GC-ENC-002");
  EXPECT_EQ(f["severity"], "HIGH");
  EXPECT_EQ(f["file"], "modules/storage/main.tf");
  EXPECT_EQ(f["line"], 4);
  EXPECT_EQ(f["column"], 7);
  EXPECT_EQ(f["end_line"], 4);
  EXPECT_EQ(f["end_column"], 31);
  EXPECT_EQ(f["resource"], "aws_s3_bucket_server_side_encryption_configuration.logs");
  EXPECT_EQ(f["resource_type"], "aws_s3_bucket_server_side_encryption_configuration");
  EXPECT_EQ(f["requirements"], nlohmann::json::array({"GC-ENC-02"}));
  EXPECT_EQ(f["remediation"], "set kms_master_key_id to an aws_kms_key defined here");
  EXPECT_EQ(f["tier"], "mynumber");
  EXPECT_EQ(f["attribute"], "rule.apply_server_side_encryption_by_default.sse_algorithm");
  EXPECT_EQ(f["evidence"], "AES256");
  EXPECT_EQ(f["fingerprint"], "0123456789abcdef");
  EXPECT_EQ(f["suppressed"], false);
  EXPECT_FALSE(f.contains("scenario"));
  EXPECT_FALSE(f.contains("origin"));
  EXPECT_EQ(j["findings"][1]["suppressed"], true);
  EXPECT_EQ(j["findings"][1]["suppression_reason"], "central logging bucket");
}

TEST(JsonReporterTest, ScenarioAndOriginWhenPresent) {
  testing::ReportFixture fx;
  fx.drafts[0].scenario = "IsProd=true";
  fx.rebuild();
  fx.findings[0].origin = model::Span{0, 0, 1};
  auto f = render(fx.input())["findings"][0];
  EXPECT_EQ(f["scenario"], "IsProd=true");
  EXPECT_EQ(f["origin"], (nlohmann::json{{"file", "modules/storage/main.tf"}, {"line", 1}}));
}

TEST(JsonReporterTest, ErrorsNotEvaluatedAndSummary) {
  testing::ReportFixture fx;
  auto j = render(fx.input("ja"));
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0], (nlohmann::json{{"file", "k8s/broken.yaml"},
                                            {"line", 1},
                                            {"column", 7},
                                            {"level", "error"},
                                            {"message", "unexpected end of flow sequence"}}));
  ASSERT_EQ(j["not_evaluated"].size(), 1u);
  EXPECT_EQ(j["not_evaluated"][0]["message"], "var.kms_key_arn has no value; GC-ENC-002 not evaluated");
  const auto& s = j["summary"];
  EXPECT_EQ(s["files_scanned"], 2);
  EXPECT_EQ(s["resources"], 1);
  EXPECT_EQ(s["findings_by_severity"]["HIGH"], 1);
  EXPECT_EQ(s["findings_by_severity"]["MEDIUM"], 0);  // the MEDIUM one is suppressed
  EXPECT_EQ(s["suppressed"], 1);
  EXPECT_EQ(s["errors"], 1);
  EXPECT_EQ(s["exit_code"], 1);
  EXPECT_EQ(
      j["findings"][0]["message"].get<std::string>().find("aws_s3_bucket_server_side_encryption_configuration.logs は"),
      0u);
}

TEST(JsonReporterTest, ExitCodeThreeWhenOnlyErrors) {
  testing::ReportFixture fx;
  fx.findings[0].suppressed = true;
  EXPECT_EQ(render(fx.input())["summary"]["exit_code"], 3);
  fx.diagnostics.clear();
  EXPECT_EQ(render(fx.input())["summary"]["exit_code"], 0);
}

}  // namespace
}  // namespace gclint::report
