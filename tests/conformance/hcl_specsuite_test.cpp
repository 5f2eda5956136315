// hashicorp/hcl specsuite (native syntax) against terraform::parse_only: inputs whose .t file expects no error
// must parse cleanly, inputs whose .t lists errors (and every *_bad.hcl) must be rejected, with an error on one of
// the expected lines. Deviations are listed with their reason in hcl_known_deviations.txt; an unlisted deviation
// fails, and so does a listed case that no longer deviates.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "model/source_set.h"
#include "terraform/module_loader.h"

namespace gclint::conformance {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Lines where the .t file expects an error to start (`error { ... from { line = N ...`).
std::vector<uint32_t> expected_error_lines(const std::string& t) {
  std::vector<uint32_t> lines;
  static const std::regex kFrom(R"(error\s*\{[^}]*?from\s*\{\s*line\s*=\s*(\d+))");
  for (auto it = std::sregex_iterator(t.begin(), t.end(), kFrom); it != std::sregex_iterator(); ++it) {
    lines.push_back(static_cast<uint32_t>(std::stoul((*it)[1].str())));
  }
  return lines;
}

std::map<std::string, std::string> known_deviations() {
  std::map<std::string, std::string> out;
  std::ifstream in(fs::path(GCLINT_SOURCE_DIR) / "tests/conformance/hcl_known_deviations.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, kind;
    fields >> name >> kind;
    out[name] = kind;
  }
  return out;
}

TEST(HclSpecsuiteTest, ParseOnlyMatchesTheSpecsuite) {
  fs::path dir = fs::path(GCLINT_SHARED_DIR) / "conformance/hcl/specsuite/tests";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  std::map<std::string, std::string> listed = known_deviations();
  std::set<std::string> seen;
  int cases = 0;
  int rejected = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    std::string file_name = entry.path().filename().string();
    bool json = file_name.ends_with(".hcl.json");
    if (!entry.is_regular_file() || !(file_name.ends_with(".hcl") || json)) continue;
    std::string name = entry.path().lexically_relative(dir).generic_string();
    ++cases;

    std::string stem = json ? name.substr(0, name.size() - 9) : name.substr(0, name.size() - 4);
    std::string t = read_text(dir / (stem + ".t"));
    std::vector<uint32_t> lines = expected_error_lines(t);
    bool expect_error = !lines.empty() || file_name.ends_with("_bad.hcl");

    // parse_only picks the JSON syntax by the .json suffix, so the .hcl.json cases keep theirs.
    model::SourceFile file(0, json ? "case.tf.json" : "case.tf", read_text(entry.path()));
    auto start = std::chrono::steady_clock::now();
    model::ParseResult result = terraform::parse_only(file);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2)) << name << ": too slow";
    std::set<uint32_t> error_lines;
    for (const auto& d : result.diagnostics) {
      EXPECT_LE(d.span.begin, d.span.end) << name;
      EXPECT_LE(d.span.end, file.content().size()) << name;
      if (d.level == model::Diagnostic::Level::kError) error_lines.insert(file.position(d.span.begin).line);
    }
    bool has_error = !error_lines.empty();
    if (has_error) ++rejected;

    std::string deviation;
    if (expect_error && !has_error) {
      deviation = "accepts-invalid";
    } else if (!expect_error && has_error) {
      deviation = "rejects-valid";
    } else if (has_error && !lines.empty()) {
      bool on_expected_line = false;
      for (uint32_t l : lines) on_expected_line = on_expected_line || error_lines.count(l) > 0;
      if (!on_expected_line) deviation = "wrong-position";
    }
    if (deviation.empty()) {
      EXPECT_EQ(listed.count(name), 0u) << name << " is listed in hcl_known_deviations.txt but now conforms";
      continue;
    }
    seen.insert(name);
    auto it = listed.find(name);
    std::string first = result.diagnostics.empty() ? "" : result.diagnostics[0].message;
    if (it == listed.end()) {
      ADD_FAILURE() << name << ": unlisted deviation " << deviation << " (first diagnostic: " << first << ")";
    } else {
      EXPECT_EQ(it->second, deviation) << name << " deviates differently than listed (" << first << ")";
    }
  }
  for (const auto& [name, kind] : listed) {
    EXPECT_TRUE(seen.count(name)) << name << " (" << kind << ") is listed but not in the specsuite or conforms";
  }
  EXPECT_GE(cases, 15);
  EXPECT_GE(rejected, 3);
}

}  // namespace
}  // namespace gclint::conformance
