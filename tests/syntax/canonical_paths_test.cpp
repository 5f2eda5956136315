#include "syntax/canonical_paths.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace gclint::syntax {
namespace {
namespace fs = std::filesystem;

// Every answer is compared with std::filesystem::weakly_canonical, which CanonicalPaths must agree with.
class CanonicalPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("gclint-canonical-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "real/modules/network");
    fs::create_directories(root_ / "roots/app");
    std::ofstream(root_ / "real/modules/network/main.tf") << "";
    std::ofstream(root_ / "roots/app/main.tf") << "";
    fs::create_directory_symlink(root_ / "real/modules", root_ / "modules");                  // absolute target
    fs::create_symlink("../../real/modules/network/main.tf", root_ / "roots/app/linked.tf");  // relative target
    fs::create_symlink("loop-b", root_ / "loop-a");
    fs::create_symlink("loop-a", root_ / "loop-b");
    root_ = fs::weakly_canonical(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void expect_same(const fs::path& path) {
    std::error_code ec;
    fs::path expected = fs::weakly_canonical(path, ec);
    if (ec) expected = path.lexically_normal();
    EXPECT_EQ(paths_.resolve(path), expected) << path;
  }

  fs::path root_;
  CanonicalPaths paths_;
};

TEST_F(CanonicalPathsTest, PlainPathsAreUnchanged) {
  expect_same(root_ / "roots/app/main.tf");
  expect_same(root_ / "roots/app");
}

TEST_F(CanonicalPathsTest, DotAndDotDotAreRemoved) {
  expect_same(root_ / "roots/app/../../real/./modules/network");
  EXPECT_EQ(paths_.resolve(root_ / "roots/app/../../real/./modules/network"), root_ / "real/modules/network");
}

TEST_F(CanonicalPathsTest, SymlinkedDirectoryAndFileAreResolved) {
  EXPECT_EQ(paths_.resolve(root_ / "modules/network/main.tf"), root_ / "real/modules/network/main.tf");
  EXPECT_EQ(paths_.resolve(root_ / "roots/app/linked.tf"), root_ / "real/modules/network/main.tf");
  expect_same(root_ / "modules/network/../network/main.tf");
}

TEST_F(CanonicalPathsTest, DotDotAfterASymlinkLeavesItsTarget) {
  // modules -> real/modules, so modules/.. is real, not the root.
  EXPECT_EQ(paths_.resolve(root_ / "modules/../modules"), root_ / "real/modules");
  expect_same(root_ / "modules/../modules");
}

TEST_F(CanonicalPathsTest, MissingTailIsKeptNormalized) {
  expect_same(root_ / "roots/missing/../also-missing/x.tf");
  expect_same(root_ / "modules/missing/file.tf");
}

TEST_F(CanonicalPathsTest, SymlinkLoopDoesNotHang) {
  fs::path result = paths_.resolve(root_ / "loop-a/x.tf");
  EXPECT_FALSE(result.empty());
}

TEST_F(CanonicalPathsTest, RepeatedQueriesGiveTheSameAnswer) {
  fs::path first = paths_.resolve(root_ / "modules/network/main.tf");
  fs::path again = paths_.resolve(root_ / "modules/network/main.tf");
  EXPECT_EQ(first, again);
  EXPECT_EQ(paths_.resolve(root_ / "modules/network"), root_ / "real/modules/network");
}

TEST_F(CanonicalPathsTest, RelativePathsAreMadeAbsolute) {
  fs::path saved = fs::current_path();
  fs::current_path(root_ / "roots");
  EXPECT_EQ(paths_.resolve("app/../../modules/network"), root_ / "real/modules/network");
  fs::current_path(saved);
}

}  // namespace
}  // namespace gclint::syntax
