// Suppressions through the real front ends: spans, comments and metadata as they arrive from a scan.
#include <gtest/gtest.h>

#include <map>

#include "scan/scanner.h"

namespace gclint::engine {
namespace {

TEST(SuppressionScan, InlineCommentsMetadataAndAnnotations) {
  scan::ScanOptions options;
  options.paths = {GCLINT_SOURCE_DIR "/tests/data/engine/suppressions"};
  options.check_dirs = {GCLINT_SOURCE_DIR "/tests/data/engine/user_checks"};
  options.only_checks = {"ORG-TST-001", "GC-SUP-001"};
  options.jobs = 1;
  scan::ScanResult result = scan::run_scan(options);
  ASSERT_FALSE(result.fatal_error) << *result.fatal_error;
  std::map<std::string, std::vector<const model::Finding*>> by_place;
  for (const auto& f : result.findings) {
    auto pos = result.sources->begin_of(f.span);
    by_place[result.sources->path_of(f.span) + ":" + std::to_string(pos.line) + " " + std::string(f.check_id)]
        .push_back(&f);
  }
  auto suppressed = [&](const std::string& key) {
    auto it = by_place.find(key);
    EXPECT_NE(it, by_place.end()) << key;
    return it != by_place.end() && it->second.front()->suppressed;
  };
  EXPECT_TRUE(suppressed("main.tf:3 ORG-TST-001"));   // comment above the block
  EXPECT_FALSE(suppressed("main.tf:7 ORG-TST-001"));  // no reason
  EXPECT_FALSE(suppressed("main.tf:7 GC-SUP-001"));
  EXPECT_FALSE(suppressed("main.tf:11 ORG-TST-001"));  // expired
  EXPECT_FALSE(suppressed("main.tf:11 GC-SUP-001"));
  EXPECT_TRUE(suppressed("template.yaml:10 ORG-TST-001"));  // Metadata.gclint.ignore
  EXPECT_TRUE(suppressed("template.yaml:14 ORG-TST-001"));  // inline comment in YAML
  EXPECT_TRUE(suppressed("pod.yaml:4 ORG-TST-001"));        // gclint.io/ignore annotation
  EXPECT_TRUE(suppressed("pod.yaml:16 ORG-TST-001"));       // comment at the top of the document
  EXPECT_FALSE(suppressed("pod.yaml:25 ORG-TST-001"));      // the next document is not covered
  EXPECT_EQ(result.findings.size(), 10u);
}

}  // namespace
}  // namespace gclint::engine
