#include "cli/language.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "cli/help_text.h"

namespace gclint::cli {
namespace {

class LanguageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      const char* v = std::getenv(name);
      saved_.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
      ::unsetenv(name);
    }
  }
  void TearDown() override {
    for (const auto& [name, value] : saved_) {
      if (value) {
        ::setenv(name.c_str(), value->c_str(), 1);
      } else {
        ::unsetenv(name.c_str());
      }
    }
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_F(LanguageTest, FirstSetVariableDecides) {
  EXPECT_EQ(language_from_environment(), "en");
  ::setenv("LANG", "ja_JP.UTF-8", 1);
  EXPECT_EQ(language_from_environment(), "ja");
  ::setenv("LC_MESSAGES", "C", 1);
  EXPECT_EQ(language_from_environment(), "en");
  ::setenv("LC_ALL", "ja_JP.UTF-8", 1);
  EXPECT_EQ(language_from_environment(), "ja");
  ::setenv("LC_ALL", "", 1);
  EXPECT_EQ(language_from_environment(), "en");
}

TEST(HelpTextTest, EveryCommandInBothLanguages) {
  for (const char* command : {"help", "scan", "checks", "explain", "init", "docs", "version"}) {
    std::string en = help_text(command, "en");
    std::string ja = help_text(command, "ja");
    EXPECT_NE(en.find("gclint"), std::string::npos) << command;
    EXPECT_NE(en, ja) << command;
  }
  EXPECT_NE(help_text("scan", "ja").find("--strict-unknown"), std::string::npos);
  EXPECT_NE(help_text("explain", "ja").find("マイナンバー利用事務系"), std::string::npos);
}

}  // namespace
}  // namespace gclint::cli
