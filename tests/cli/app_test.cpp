#include "cli/app.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

namespace gclint::cli {
namespace {

const std::string kCfn =
    (std::filesystem::path(GCLINT_SOURCE_DIR) / "tests" / "data" / "cli" / "tenant" / "cfn").string();

struct Output {
  int code;
  std::string out;
  std::string err;
};

Output run_cli(std::vector<std::string> args, Terminal terminal = {}) {
  std::ostringstream out;
  std::ostringstream err;
  int code = run(args, out, err, terminal);
  return {code, out.str(), err.str()};
}

TEST(AppTest, ColourOnlyOnATerminalWithoutOptOut) {
  Output tty = run_cli({"scan", kCfn, "--lang", "en"}, Terminal{true, false});
  EXPECT_EQ(tty.code, 1);
  EXPECT_NE(tty.out.find("\x1b["), std::string::npos);
  EXPECT_EQ(run_cli({"scan", kCfn}, Terminal{false, false}).out.find("\x1b["), std::string::npos);
  EXPECT_EQ(run_cli({"scan", kCfn}, Terminal{true, true}).out.find("\x1b["), std::string::npos);
  EXPECT_EQ(run_cli({"scan", kCfn, "--no-color"}, Terminal{true, false}).out.find("\x1b["), std::string::npos);
  EXPECT_EQ(run_cli({"scan", kCfn, "--format", "json"}, Terminal{true, false}).out.find("\x1b["), std::string::npos);
}

TEST(AppTest, UsageErrorGoesToStderrWithHint) {
  Output o = run_cli({"scan", "--jobs", "0", "--lang", "en"});
  EXPECT_EQ(o.code, 2);
  EXPECT_TRUE(o.out.empty());
  EXPECT_EQ(o.err, "gclint: error: --jobs takes a number from 1 to 1024\nRun 'gclint --help' for usage.\n");
}

TEST(AppTest, HelpCommandAndFlag) {
  EXPECT_EQ(run_cli({"help", "init", "--lang", "en"}).out, run_cli({"init", "--help", "--lang", "en"}).out);
  Output option_first = run_cli({"--lang", "en"});
  EXPECT_EQ(option_first.code, 2);  // the command must come first
  Output none = run_cli({});
  EXPECT_EQ(none.code, 0);
  EXPECT_NE(none.out.find("Commands:"), std::string::npos);
}

TEST(AppTest, SeverityThresholdChangesExitCode) {
  Output all = run_cli({"scan", kCfn, "--format", "json"});
  Output critical = run_cli({"scan", kCfn, "--format", "json", "--severity", "CRITICAL"});
  EXPECT_EQ(all.code, 1);
  EXPECT_LE(critical.out.size(), all.out.size());
  EXPECT_EQ(critical.out.find("\"severity\": \"HIGH\""), std::string::npos);
}

}  // namespace
}  // namespace gclint::cli
