// Replays tests/data/robustness/<target>/* through the fuzz targets (tests/fuzz/fuzz_targets.h) in the normal
// ASan/UBSan test build: inputs a fuzzer once crashed on, and hand-made hostile inputs, must keep passing
// without a crash, a sanitizer report or a hang.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "fuzz/fuzz_targets.h"
#include "security/gclint_runner.h"

namespace gclint::security {
namespace {

class FuzzRegressionTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzRegressionTest, ReplaysEveryInput) {
  const std::string& name = GetParam();
  fs::path dir = fs::path(GCLINT_SOURCE_DIR) / "tests/data/robustness" / name;
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  fuzz::Target target = fuzz::targets().at(name);
  int inputs = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    SCOPED_TRACE(entry.path().string());
    std::string input = slurp(entry.path());
    auto start = std::chrono::steady_clock::now();
    target(input);
    // libFuzzer's -timeout is 10 s; sanitized debug builds are slower, so allow three times that here.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30)) << "too slow";
    ++inputs;
  }
  EXPECT_GT(inputs, 0) << "no regression inputs for " << name;
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegressionTest,
                         ::testing::Values("hcl_parse", "terraform_module", "cloudformation_yaml",
                                           "cloudformation_json", "kubernetes_yaml", "config", "rule_file",
                                           "yaml_fast_events"),
                         [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

// Empty and binary input through every target, so that the table stays complete (spans checked).
TEST(FuzzTargetsTest, AcceptEveryTarget) {
  EXPECT_EQ(fuzz::targets().size(), 8u);
  ASSERT_TRUE(fuzz::span_checks());
  for (const auto& [name, target] : fuzz::targets()) {
    SCOPED_TRACE(name);
    target("");
    target(std::string("\0\xff", 2));
    target(std::string("\xff\xfe\x00\xd8", 4));  // UTF-16 BOM and a lone surrogate
  }
}

// Inputs on which a target once reported a diagnostic whose span ended (or started) past the end of the file; the
// file name starts with the target. check_spans aborts on such a span.
TEST(FuzzRegressionTest, SpansStayInsideTheFile) {
  int inputs = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(GCLINT_SOURCE_DIR) / "tests/data/robustness/spans")) {
    std::string file_name = entry.path().filename().string();
    for (const auto& [name, target] : fuzz::targets()) {
      if (!file_name.starts_with(name + "-")) continue;
      SCOPED_TRACE(file_name);
      target(slurp(entry.path()));  // aborts on a bad span
      ++inputs;
    }
  }
  EXPECT_GT(inputs, 0);
}

}  // namespace
}  // namespace gclint::security
