// Scans each tree of tests/data/realistic/ with the built gclint binary and compares the findings with the
// reviewed golden file next to it (expected-findings.txt). See docs/validation.md.
//
// GCLINT_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing; review the diff before committing.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace {
namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(GCLINT_SOURCE_DIR) / "tests" / "data" / "realistic";
constexpr const char* kGolden = "expected-findings.txt";

std::vector<std::string> trees() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct ScanResult {
  int exit_code = -1;
  nlohmann::json json;
};

// Runs `gclint scan . --format json <extra>` inside the tree, with a fixed English locale.
ScanResult scan(const fs::path& tree, const std::string& extra) {
  std::string command = "cd '" + tree.string() + "' && env LC_ALL=C LANG=C '" + GCLINT_BINARY +
                        "' scan . --format json " + extra + " 2>/dev/null";
  ScanResult run;
  std::string out;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.json = nlohmann::json::parse(out, nullptr, false);
  return run;
}

// One golden line: check, place, resource; then the marks a reviewer must see change.
std::string golden_line(const nlohmann::json& f) {
  std::string line = f["check_id"].get<std::string>() + " " + f["file"].get<std::string>() + ":" +
                     std::to_string(f["line"].get<int>()) + " " + f["resource"].get<std::string>();
  if (f.contains("scenario")) line += " when " + f["scenario"].get<std::string>();
  if (f["suppressed"].get<bool>()) line += " suppressed";
  return line;
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.front() != '#') lines.push_back(line);
  }
  return lines;
}

// Lines only in `expected` as "- ", lines only in `actual` as "+ ", in sorted order.
std::string difference(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
  std::multiset<std::string> want(expected.begin(), expected.end());
  std::multiset<std::string> got(actual.begin(), actual.end());
  std::set<std::string> lines(expected.begin(), expected.end());
  lines.insert(actual.begin(), actual.end());
  std::ostringstream out;
  for (const auto& line : lines) {
    for (size_t i = got.count(line); i < want.count(line); ++i) out << "- " << line << "\n";
    for (size_t i = want.count(line); i < got.count(line); ++i) out << "+ " << line << "\n";
  }
  return out.str();
}

class RealisticCorpusTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_TRUE(fs::exists(GCLINT_BINARY)) << "gclint binary not built: " << GCLINT_BINARY; }
};

TEST_P(RealisticCorpusTest, FindingsMatchTheReviewedGolden) {
  const fs::path tree = kCorpus / GetParam();
  ScanResult run = scan(tree, "");
  ASSERT_FALSE(run.json.is_discarded()) << "gclint printed no JSON for " << tree;
  std::vector<std::string> actual;
  for (const auto& f : run.json["findings"]) actual.push_back(golden_line(f));
  // Diagnostics are part of the reviewed result: a new warning is a front-end change worth a look.
  for (const auto& e : run.json["errors"]) {
    actual.push_back("diagnostic " + e["level"].get<std::string>() + " " + e["file"].get<std::string>() + ":" +
                     std::to_string(e["line"].get<int>()) + " " + e["message"].get<std::string>());
  }
  std::sort(actual.begin(), actual.end());

  const fs::path golden = tree / kGolden;
  if (const char* update = std::getenv("GCLINT_UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1") {
    std::ofstream out(golden);
    out << "# Reviewed findings of gclint on this tree (docs/validation.md): check file:line resource [when scenario]"
           " [suppressed]; diagnostic level file:line message.\n";
    for (const auto& line : actual) out << line << "\n";
    GTEST_SKIP() << "rewrote " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << "no golden file " << golden << "; run with GCLINT_UPDATE_GOLDEN=1 and review it";
  std::vector<std::string> expected = read_lines(golden);
  std::sort(expected.begin(), expected.end());
  std::string diff = difference(expected, actual);
  EXPECT_TRUE(diff.empty()) << "findings of " << GetParam() << " differ from " << kGolden
                            << " (- expected, + actual):\n"
                            << diff;
}

// No finding may rest on a value gclint could not know. --strict-unknown turns every "not evaluated" note into an
// INFO finding naming the unknown expression; a decided finding must never share its check, resource and attribute
// with one of those, nor show an unknown expression as its evidence, and strict mode must not change any decision.
TEST_P(RealisticCorpusTest, NoFindingOnAnUnknownValue) {
  const fs::path tree = kCorpus / GetParam();
  ScanResult normal = scan(tree, "");
  ScanResult strict = scan(tree, "--strict-unknown");
  ASSERT_FALSE(normal.json.is_discarded());
  ASSERT_FALSE(strict.json.is_discarded());

  std::set<std::tuple<std::string, std::string, std::string>> unknown_places;
  std::set<std::string> unknown_expressions;
  std::vector<std::string> decided_strict;
  for (const auto& f : strict.json["findings"]) {
    if (f["severity"] == "INFO") {
      unknown_places.insert(
          {f["check_id"].get<std::string>(), f["resource"].get<std::string>(), f["attribute"].get<std::string>()});
      unknown_expressions.insert(f["evidence"].get<std::string>());
    } else {
      decided_strict.push_back(golden_line(f));
    }
  }
  std::vector<std::string> decided;
  for (const auto& f : normal.json["findings"]) {
    decided.push_back(golden_line(f));
    std::string attribute = f["attribute"];
    EXPECT_EQ(unknown_places.count({f["check_id"].get<std::string>(), f["resource"].get<std::string>(), attribute}), 0u)
        << golden_line(f) << ": decided on " << attribute << ", which strict mode reports as unknown";
    if (!attribute.empty()) {
      EXPECT_EQ(unknown_expressions.count(f["evidence"].get<std::string>()), 0u)
          << golden_line(f) << ": evidence " << f["evidence"] << " is an unknown expression";
    }
  }
  std::sort(decided.begin(), decided.end());
  std::sort(decided_strict.begin(), decided_strict.end());
  std::string diff = difference(decided, decided_strict);
  EXPECT_TRUE(diff.empty()) << "--strict-unknown changed decided findings:\n" << diff;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& param) {
  std::string name = param.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Realistic, RealisticCorpusTest, ::testing::ValuesIn(trees()), test_name);

}  // namespace
