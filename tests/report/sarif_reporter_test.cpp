#include "report/sarif_reporter.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/report_fixture.h"

namespace gclint::report {
namespace {

std::string render(const ReportInput& input) {
  std::ostringstream out;
  SarifReporter().write(input, out);
  return out.str();
}

TEST(SarifReporterTest, ResultsRulesAndNotifications) {
  testing::ReportFixture fx;
  auto j = nlohmann::json::parse(render(fx.input()));
  EXPECT_EQ(j["version"], "2.1.0");
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "gclint");
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 2u);
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["helpUri"], "docs/checks/GC-ENC-002.md");
  const auto& result = run["results"][0];
  EXPECT_EQ(result["ruleId"], "GC-ENC-002");
  EXPECT_EQ(result["level"], "error");
  const auto& location = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "modules/storage/main.tf");
  EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(location["region"],
            (nlohmann::json{{"startLine", 4}, {"startColumn", 7}, {"endLine", 4}, {"endColumn", 31}}));
  EXPECT_EQ(result["partialFingerprints"]["gclint/v1"], "0123456789abcdef");
  EXPECT_FALSE(result.contains("suppressions"));
  const auto& suppressed = run["results"][1];
  EXPECT_EQ(suppressed["level"], "warning");
  EXPECT_EQ(suppressed["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(suppressed["suppressions"][0]["justification"], "central logging bucket");
  const auto& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 2u);
  EXPECT_EQ(invocation["toolExecutionNotifications"][0]["level"], "error");
  EXPECT_EQ(invocation["toolExecutionNotifications"][1]["level"], "note");
}

TEST(SarifReporterTest, UrisArePercentEncoded) {
  testing::ReportFixture fx;
  uint32_t id = fx.sources.add("<stdin>", "x: 1\n");
  uint32_t jp = fx.sources.add("設定 a.yaml", "x: 1\n");
  fx.findings[0].span = model::Span{id, 0, 1};
  fx.findings[1].span = model::Span{jp, 0, 1};
  auto j = nlohmann::json::parse(render(fx.input()));
  const auto& results = j["runs"][0]["results"];
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "%3Cstdin%3E");
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "%E8%A8%AD%E5%AE%9A%20a.yaml");
}

// Validates the output against the official SARIF 2.1.0 schema with Python's jsonschema.
TEST(SarifReporterTest, ValidAgainstSchema) {
  const std::string schema = std::string(GCLINT_SHARED_DIR) + "/schemas/sarif-schema-2.1.0.json";
  if (!std::filesystem::exists(schema)) GTEST_SKIP() << "schema not found: " << schema;
  if (std::system("/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "/usr/bin/python3 lacks jsonschema (ci/setup.sh installs python3-jsonschema)";
  }
  testing::ReportFixture fx;
  fx.drafts[0].scenario = "IsProd=true";
  fx.rebuild();
  auto dir = std::filesystem::temp_directory_path();
  for (const std::string lang : {"en", "ja"}) {
    std::string path = (dir / ("gclint_sarif_" + std::to_string(::getpid()) + "_" + lang + ".json")).string();
    std::ofstream(path) << render(fx.input(lang));
    std::string command =
        "/usr/bin/python3 -c 'import json,sys,jsonschema; "
        "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' '" +
        schema + "' '" + path + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << "invalid SARIF (" << lang << "), see " << path;
    std::remove(path.c_str());
  }
}

}  // namespace
}  // namespace gclint::report
