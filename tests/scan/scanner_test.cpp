#include "scan/scanner.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace gclint::scan {
namespace {
namespace fs = std::filesystem;

const fs::path kData = fs::path(GCLINT_SOURCE_DIR) / "tests" / "data" / "cli";

std::vector<std::string> finding_lines(const ScanResult& r) {
  std::vector<std::string> lines;
  for (const auto& f : r.findings) {
    auto p = r.sources->begin_of(f.span);
    lines.push_back(r.sources->path_of(f.span) + ":" + std::to_string(p.line) + " " + std::string(f.check_id) + " " +
                    std::string(f.resource()));
  }
  return lines;
}

TEST(RunScanTest, LocalModuleIsLoadedThroughItsCaller) {
  ScanOptions options;
  options.paths = {(kData / "tenant" / "tf").string()};
  ScanResult r = run_scan(options);
  ASSERT_FALSE(r.fatal_error) << *r.fatal_error;
  auto lines = finding_lines(r);
  EXPECT_NE(std::find(lines.begin(), lines.end(), "main.tf:11 GC-ENC-001 aws_s3_bucket.tax_documents"), lines.end());
  EXPECT_NE(
      std::find(lines.begin(), lines.end(), "modules/store/main.tf:11 GC-ENC-001 module.store.aws_s3_bucket.this"),
      lines.end());
  // Loaded once, through the root: no finding without the module prefix.
  for (const auto& line : lines) EXPECT_EQ(line.find(" aws_s3_bucket.this"), std::string::npos) << line;
  EXPECT_EQ(r.files_scanned, 2u);
  EXPECT_EQ(r.resources, 2u);
}

TEST(RunScanTest, SingleFileIsShownRelativeToItsDirectory) {
  ScanOptions options;
  options.paths = {(kData / "tenant" / "cfn" / "stack.yaml").string()};
  ScanResult r = run_scan(options);
  ASSERT_FALSE(r.fatal_error);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.sources->path_of(r.findings[0].span), "stack.yaml");
}

TEST(RunScanTest, DeterministicAcrossJobCounts) {
  ScanOptions options;
  options.paths = {(kData / "tenant").string(), (kData / "broken").string()};
  options.jobs = 1;
  auto one = finding_lines(run_scan(options));
  options.jobs = 3;
  auto three = finding_lines(run_scan(options));
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, three);
}

// The realistic corpus has Kubernetes objects (checked in one run shared among the threads), shared modules and
// notes about unknown values: findings and diagnostics come out the same for any --jobs.
TEST(RunScanTest, RealisticCorpusIsDeterministicAcrossJobCounts) {
  ScanOptions options;
  options.paths = {(fs::path(GCLINT_SOURCE_DIR) / "tests" / "data" / "realistic").string()};
  auto describe = [](const ScanResult& r) {
    std::vector<std::string> lines = finding_lines(r);
    for (const auto& d : r.diagnostics) {
      lines.push_back(std::to_string(static_cast<int>(d.level)) + " " + r.sources->path_of(d.span) + " " + d.message);
    }
    return lines;
  };
  options.jobs = 1;
  auto one = describe(run_scan(options));
  options.jobs = 4;
  auto four = describe(run_scan(options));
  EXPECT_GT(one.size(), 100u);
  EXPECT_EQ(one, four);
}

// Several paths outside the current directory: each is a root its Terraform may be read in (the loader used to
// refuse every file as "outside the scan root", the current directory, and scan nothing).
TEST(RunScanTest, SeveralPathsOutsideTheCurrentDirectoryAreScanned) {
  fs::path tree = fs::temp_directory_path() / ("gclint-two-roots-" + std::to_string(::getpid()));
  fs::remove_all(tree);
  for (const char* name : {"a", "b"}) {
    fs::create_directories(tree / name);
    std::ofstream(tree / name / "main.tf") << "resource \"aws_s3_bucket\" \"" << name << "\" {\n  bucket = \"x\"\n}\n";
  }
  ScanOptions options;
  options.paths = {(tree / "a").string(), (tree / "b").string()};
  ASSERT_NE(fs::current_path(), tree);
  ScanResult r = run_scan(options);
  fs::remove_all(tree);
  ASSERT_FALSE(r.fatal_error);
  EXPECT_EQ(r.resources, 2u);
  for (const auto& d : r.diagnostics)
    EXPECT_EQ(d.message.find("outside the scan root"), std::string::npos) << d.message;
  EXPECT_FALSE(r.findings.empty());
}

TEST(RunScanTest, ParseErrorsAreDiagnostics) {
  ScanOptions options;
  options.paths = {(kData / "broken").string()};
  ScanResult r = run_scan(options);
  ASSERT_FALSE(r.fatal_error);
  bool error = false;
  for (const auto& d : r.diagnostics) {
    if (d.level == model::Diagnostic::Level::kError) {
      error = true;
      EXPECT_EQ(r.sources->path_of(d.span), "stack.yaml");
    }
  }
  EXPECT_TRUE(error);
}

TEST(RunScanTest, UsageProblemsAreFatal) {
  ScanOptions missing;
  missing.paths = {(kData / "nope").string()};
  ASSERT_TRUE(run_scan(missing).fatal_error);
  EXPECT_NE(run_scan(missing).fatal_error->find("no such file or directory"), std::string::npos);
  ScanOptions checks;
  checks.paths = {(kData / "clean").string()};
  checks.check_dirs = {(kData / "no-such-checks").string()};
  EXPECT_TRUE(run_scan(checks).fatal_error);
  ScanOptions config;
  config.paths = {(kData / "clean").string()};
  config.config_path = (kData / "missing.yaml").string();
  EXPECT_TRUE(run_scan(config).fatal_error);
}

TEST(RunScanTest, ParseOnlyStopsBeforeChecks) {
  ScanOptions options;
  options.paths = {(kData / "tenant").string()};
  options.parse_only = true;
  ScanResult r = run_scan(options);
  ASSERT_FALSE(r.fatal_error);
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.files_scanned, 4u);
  // Syntax alone in every format: no template or manifest is evaluated into resources, no module is expanded.
  EXPECT_EQ(r.resources, 0u);
}

TEST(RunScanTest, ParseOnlyStillReportsSyntaxErrors) {
  fs::path dir = fs::path(::testing::TempDir()) / "gclint-parse-only-errors";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "stack.yaml") << "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B: [unclosed\n";
  std::ofstream(dir / "app.yaml") << "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n";
  std::ofstream(dir / "main.tf") << "resource \"aws_s3_bucket\" \"b\" {\n";
  ScanOptions options;
  options.paths = {dir.string()};
  options.parse_only = true;
  ScanResult r = run_scan(options);
  ASSERT_FALSE(r.fatal_error);
  std::set<std::string> failed;
  for (const auto& d : r.diagnostics) {
    if (d.level == model::Diagnostic::Level::kError) failed.insert(r.sources->path_of(d.span));
  }
  EXPECT_EQ(failed, (std::set<std::string>{"app.yaml", "main.tf", "stack.yaml"}));
  fs::remove_all(dir);
}

TEST(RunScanTest, StagesSplitReadingFromEvaluation) {
  ScanOptions options;
  options.paths = {(kData / "tenant").string()};
  ScanResult r = run_scan(options);
  ASSERT_FALSE(r.fatal_error);
  // Each front end reports the time it spent reading and parsing apart from the time it spent evaluating.
  EXPECT_GT(r.times.parse.count(), 0);
  EXPECT_GT(r.times.evaluate.count(), 0);
  EXPECT_GT(r.times.check.count(), 0);
}

}  // namespace
}  // namespace gclint::scan
