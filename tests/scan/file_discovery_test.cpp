#include "scan/file_discovery.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace gclint::scan {
namespace {
namespace fs = std::filesystem;

class FileDiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("gclint_discovery_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(root_ / "locked", fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }
  void write(const std::string& rel, const std::string& text = "x") {
    fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  std::vector<std::string> displays(const DiscoveryResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.files) out.push_back(f.display);
    return out;
  }
  fs::path root_;
};

TEST_F(FileDiscoveryTest, WalksSortedAndSkipsToolDirectories) {
  write("b/main.tf");
  write("a/deploy.yaml");
  write("a/z.yml");
  write("template.json");
  write("stack.template");
  write("README.md");
  write(".git/config.json");
  write("node_modules/x/package.json");
  write("b/.terraform/modules/m/main.tf");
  write("b/terraform.tfvars");
  auto result = discover_files({root_}, root_);
  EXPECT_EQ(displays(result), (std::vector<std::string>{"a/deploy.yaml", "a/z.yml", "b/main.tf", "b/terraform.tfvars",
                                                        "stack.template", "template.json"}));
  EXPECT_TRUE(result.problems.empty());
}

TEST_F(FileDiscoveryTest, ExplicitFileIsTakenWhateverItsName) {
  write("manifest.txt");
  auto result = discover_files({root_ / "manifest.txt"}, root_);
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].display, "manifest.txt");
  EXPECT_TRUE(result.files[0].explicit_argument);
}

TEST_F(FileDiscoveryTest, MissingPathIsAnError) {
  auto result = discover_files({root_ / "nope"}, root_);
  EXPECT_TRUE(result.files.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].display, "nope");
  EXPECT_TRUE(result.problems[0].is_error);
}

TEST_F(FileDiscoveryTest, SymlinksNeverLeaveTheRootOrLoop) {
  fs::path outside = root_.string() + "_outside";
  fs::create_directories(outside);
  std::ofstream(outside / "secret.yaml") << "x";
  write("scan/inside.yaml");
  fs::create_directory_symlink(outside, root_ / "scan" / "out_dir");
  fs::create_symlink(outside / "secret.yaml", root_ / "scan" / "out_file.yaml");
  fs::create_directory_symlink(root_ / "scan", root_ / "scan" / "loop");
  fs::create_symlink(root_ / "scan" / "inside.yaml", root_ / "scan" / "dup.yaml");
  fs::create_symlink(root_ / "scan" / "missing.yaml", root_ / "scan" / "dangling.yaml");
  auto result = discover_files({root_ / "scan"}, root_ / "scan");
  EXPECT_EQ(displays(result), (std::vector<std::string>{"inside.yaml"}));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].display, "out_file.yaml");
  EXPECT_FALSE(result.problems[0].is_error);

  DiscoveryOptions allow;
  allow.allow_outside_root = true;
  auto allowed = discover_files({root_ / "scan"}, root_ / "scan", allow);
  EXPECT_EQ(displays(allowed), (std::vector<std::string>{"inside.yaml", "out_file.yaml"}));
  fs::remove_all(outside);
}

TEST_F(FileDiscoveryTest, FifosAreSkipped) {
  ASSERT_EQ(::mkfifo((root_ / "pipe.yaml").c_str(), 0600), 0);
  write("real.yaml");
  auto result = discover_files({root_}, root_);
  EXPECT_EQ(displays(result), (std::vector<std::string>{"real.yaml"}));
}

TEST_F(FileDiscoveryTest, UnreadableDirectoryIsAnError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  write("locked/a.yaml");
  fs::permissions(root_ / "locked", fs::perms::none);
  auto result = discover_files({root_}, root_);
  EXPECT_TRUE(result.files.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].display, "locked");
}

TEST_F(FileDiscoveryTest, DuplicateArgumentsAppearOnce) {
  write("a.yaml");
  auto result = discover_files({root_, root_ / "a.yaml"}, root_);
  EXPECT_EQ(displays(result), (std::vector<std::string>{"a.yaml"}));
}

TEST_F(FileDiscoveryTest, LargerFilesAreSkippedWithAWarning) {
  write("small.yaml", std::string(100, 'x'));
  write("large.yaml", std::string(101, 'x'));
  DiscoveryOptions options;
  options.max_file_size = 100;
  auto r = discover_files({root_}, root_, options);
  EXPECT_EQ(displays(r), (std::vector<std::string>{"small.yaml"}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].display, "large.yaml");
  EXPECT_FALSE(r.problems[0].is_error);
  EXPECT_NE(r.problems[0].message.find("file_size limit (100 bytes)"), std::string::npos) << r.problems[0].message;
}

TEST_F(FileDiscoveryTest, FilesBeyondTheCountLimitAreAnError) {
  for (const char* name : {"a.tf", "b.tf", "c/d.yaml", "c/e.yaml", "f.json"}) write(name);
  DiscoveryOptions options;
  options.max_files = 3;
  auto r = discover_files({root_}, root_, options);
  EXPECT_EQ(displays(r), (std::vector<std::string>{"a.tf", "b.tf", "c/d.yaml"}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].display, "c/e.yaml");
  EXPECT_TRUE(r.problems[0].is_error);
  EXPECT_NE(r.problems[0].message.find("more than 3 files"), std::string::npos) << r.problems[0].message;
}

TEST(DisplayPathTest, RelativeToBase) {
  EXPECT_EQ(display_path("/x/y/z.tf", "/x"), "y/z.tf");
  EXPECT_EQ(display_path("/x/z.tf", "/x/y"), "../z.tf");
}

}  // namespace
}  // namespace gclint::scan
