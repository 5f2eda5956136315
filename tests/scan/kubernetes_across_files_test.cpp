// Kubernetes objects are linked across files, then checked file by file from a second reading of each file
// (scanner.cpp): what one file says about another's objects must still count.
#include <gtest/gtest.h>

#include <map>

#include "scan/scanner.h"

namespace gclint::scan {
namespace {

const std::string kData = GCLINT_SOURCE_DIR "/tests/data/kubernetes/across_files";

struct Seen {
  std::string tier;
  std::string severity;
  bool operator==(const Seen&) const = default;
};

std::map<std::string, Seen> findings_of(unsigned jobs) {
  ScanOptions options;
  options.paths = {kData + "/manifests"};
  options.check_dirs = {kData + "/user_checks"};
  options.jobs = jobs;
  ScanResult result = run_scan(options);
  EXPECT_FALSE(result.fatal_error);
  for (const auto& d : result.diagnostics) {
    EXPECT_NE(d.level, model::Diagnostic::Level::kError) << d.message;
  }
  std::map<std::string, Seen> seen;
  for (const auto& f : result.findings) {
    auto pos = result.sources->begin_of(f.span);
    seen[result.sources->path_of(f.span) + ":" + std::to_string(pos.line) + " " + std::string(f.check_id) + " " +
         std::string(f.resource())] = {std::string(f.tier()), model::severity_name(f.severity)};
  }
  return seen;
}

TEST(KubernetesAcrossFiles, NamespacesServiceAccountsAndSelectedWorkloadsInOtherFilesCount) {
  auto seen = findings_of(1);
  // The portal namespace's tier (another file) lowers the default-token finding; its ServiceAccount (another
  // file) mounts the token.
  ASSERT_TRUE(seen.count("10-apps.yaml:21 GC-K8S-016 Deployment/portal/portal-web"));
  EXPECT_EQ(seen["10-apps.yaml:21 GC-K8S-016 Deployment/portal/portal-web"].tier, "internet");
  EXPECT_EQ(seen["10-apps.yaml:21 GC-K8S-016 Deployment/portal/portal-web"].severity, "LOW");
  // juki's default ServiceAccount (another file) does not mount it.
  for (const auto& [key, value] : seen) {
    EXPECT_EQ(key.find("GC-K8S-016 Deployment/juki/"), std::string::npos) << key;
  }
  ASSERT_TRUE(seen.count("10-apps.yaml:18 GC-K8S-001 Deployment/juki/juki-api"));
  EXPECT_EQ(seen["10-apps.yaml:18 GC-K8S-001 Deployment/juki/juki-api"].tier, "mynumber");
  EXPECT_EQ(seen["10-apps.yaml:18 GC-K8S-001 Deployment/juki/juki-api"].severity, "CRITICAL");
  // A user check on Services reads the Deployments they select, in another file: those keep their documents.
  EXPECT_TRUE(seen.count("20-services.yaml:11 ORG-TST-201 Service/portal/portal-web"));
  EXPECT_FALSE(seen.count("20-services.yaml:2 ORG-TST-201 Service/juki/juki-api"));
  EXPECT_EQ(seen, findings_of(3));
}

}  // namespace
}  // namespace gclint::scan
