#include "cli/check_doc_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace gclint::cli {
namespace {
namespace fs = std::filesystem;

TEST(StripExpectationsTest, RemovesTrailingAndWholeLineComments) {
  EXPECT_EQ(strip_expectations("a = 1  # expect: GC-ENC-001\nb = 2 # keep me\n"), "a = 1\nb = 2 # keep me\n");
  EXPECT_EQ(strip_expectations("x:\n  # expect-next-line: GC-K8S-001\n  y: |\n    z\n"), "x:\n  y: |\n    z\n");
  EXPECT_EQ(strip_expectations("k = 1 // expect: GC-NET-001, GC-NET-002 \"x\""), "k = 1");
  EXPECT_EQ(strip_expectations("#expect: GC-A-001\n"), "");
}

engine::Check sample_check() {
  engine::Check check;
  check.id = "GC-ENC-001";
  check.name = "s3-bucket-customer-managed-key";
  check.family = "encryption";
  check.severity = model::Severity::kHigh;
  check.severity_by_tier = {{"mynumber", model::Severity::kCritical}};
  check.tiers = {"mynumber", "lgwan"};
  check.requirements = {"GC-ENC-02"};
  check.references = {{"aws_security_hub", {"S3.17"}}};
  check.links = {"https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html"};
  check.title = {"S3 バケットは顧客管理鍵で暗号化されている", "S3 buckets are encrypted with a customer-managed key"};
  check.description = {"暗号化消去のため", "Crypto-erasure needs a key the tenant controls."};
  check.remediation = {"aws_kms_key を指定する", "Set kms_master_key_id to an aws_kms_key."};
  check.resource_types = {{"terraform", {"aws_s3_bucket"}}};
  check.source_path = "checks/encryption/GC-ENC-001.yaml";
  return check;
}

TEST(CheckDocMarkdownTest, HasEverySectionInOrder) {
  std::string md =
      check_doc_markdown(sample_check(), {{"bad.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"}}, {{"good.tf", "ok\n"}});
  size_t last = 0;
  for (const char* section :
       {"# GC-ENC-001: S3 buckets are encrypted", "## What", "## Why", "## Bad", "```hcl\nresource", "## Good",
        "## Fix", "Set kms_master_key_id", "aws_kms_key を指定する", "## Requirements",
        "- GC-ENC-02 (GC-ENC-001 enforces GC-ENC-02)", "## Sources", "- aws_security_hub: S3.17"}) {
    size_t at = md.find(section, last);
    ASSERT_NE(at, std::string::npos) << section << "\n" << md;
    last = at;
  }
  EXPECT_NE(md.find("| Severity | HIGH (mynumber: CRITICAL) |"), std::string::npos);
  EXPECT_NE(md.find("[checks/encryption/GC-ENC-001.yaml](../../checks/encryption/GC-ENC-001.yaml)"), std::string::npos);
}

TEST(CheckDocMarkdownTest, ShowsTheMinimalPairAndLinksTheOtherCases) {
  std::string md = check_doc_markdown(sample_check(),
                                      {{"bad.json", "{\"json\": 1}\n"},
                                       {"bad.local-module/main.tf", "module_main\n"},
                                       {"bad.local-module/modules/x.tf", "module_x\n"},
                                       {"bad.separate-sse.tf", "separate\n"},
                                       {"bad.tf", "minimal_tf\n"},
                                       {"bad.yaml", "minimal_yaml\n"}},
                                      {{"good.unknown-var.tf", "only_case\n"}});
  EXPECT_NE(md.find("minimal_tf"), std::string::npos);
  EXPECT_NE(md.find("minimal_yaml"), std::string::npos);
  EXPECT_EQ(md.find("separate\n"), std::string::npos);  // linked, not shown
  EXPECT_EQ(md.find("module_main"), std::string::npos);
  EXPECT_EQ(md.find("{\"json\": 1}"), std::string::npos);  // the YAML twin is shown instead
  EXPECT_NE(md.find("More cases: [bad.json](../../fixtures/GC-ENC-001/bad.json), "
                    "[bad.local-module](../../fixtures/GC-ENC-001/bad.local-module), "
                    "[bad.separate-sse.tf](../../fixtures/GC-ENC-001/bad.separate-sse.tf)"),
            std::string::npos)
      << md;
  // With no minimal sample, the first case is shown rather than nothing.
  EXPECT_NE(md.find("only_case"), std::string::npos);
}

TEST(CheckIndexMarkdownTest, ByFamilyAndRequirement) {
  engine::Check a = sample_check();
  engine::Check b = sample_check();
  b.id = "GC-NET-001";
  b.family = "network";
  b.requirements = {"GC-NET-01", "GC-ENC-02"};
  std::string md = check_index_markdown({&b, &a});
  EXPECT_NE(md.find("### encryption"), std::string::npos);
  EXPECT_LT(md.find("### encryption"), md.find("### network"));
  EXPECT_NE(md.find("| GC-ENC-02 | [GC-ENC-001](GC-ENC-001.md), [GC-NET-001](GC-NET-001.md) |"), std::string::npos);
}

TEST(ReadSamplesTest, FilesDirectoriesAndSidecars) {
  fs::path dir = fs::temp_directory_path() / ("gclint_samples_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "bad.local-module" / "modules");
  std::ofstream(dir / "bad.tf") << "a = 1 # expect: GC-X-001\n";
  std::ofstream(dir / "bad.json") << "{}\n";
  std::ofstream(dir / "bad.json.expect") << "/a GC-X-001\n";
  std::ofstream(dir / "good.tf") << "a = 2\n";
  std::ofstream(dir / "bad.local-module" / "main.tf") << "m\n";
  std::ofstream(dir / "bad.local-module" / "modules" / "x.tf") << "x\n";
  auto bad = read_samples(dir, "bad");
  ASSERT_EQ(bad.size(), 4u);
  EXPECT_EQ(bad[0].name, "bad.json");
  EXPECT_EQ(bad[1].name, "bad.local-module/main.tf");
  EXPECT_EQ(bad[2].name, "bad.local-module/modules/x.tf");
  EXPECT_EQ(bad[3].name, "bad.tf");
  EXPECT_EQ(bad[3].text, "a = 1\n");
  EXPECT_EQ(read_samples(dir, "good").size(), 1u);
  EXPECT_TRUE(read_samples(dir / "missing", "bad").empty());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gclint::cli
