#include "cli/arguments.h"

#include <gtest/gtest.h>

#include "cli/spelling_suggestion.h"

namespace gclint::cli {
namespace {

ParsedArguments parse(std::vector<std::string> args, const std::string& lang = "en") {
  return parse_arguments(args, lang);
}

TEST(ArgumentsTest, ScanWithOptions) {
  auto p = parse({"scan",         "envs/",       "--format",   "sarif",    "--severity=high",
                  "--checks",     "a",           "--checks=b", "--var",    "region=ap-northeast-1",
                  "--var-file",   "x.tfvars",    "--jobs",     "4",        "--strict-unknown",
                  "--no-color",   "--namespace", "apps",       "--region", "ap-northeast-3",
                  "--cfn-params", "p.json",      "-",          "--timings"});
  ASSERT_FALSE(p.error) << *p.error;
  const auto& c = p.command_line;
  EXPECT_EQ(c.command, "scan");
  EXPECT_EQ(c.positionals, (std::vector<std::string>{"envs/", "-"}));
  EXPECT_EQ(c.format, "sarif");
  EXPECT_EQ(c.severity, model::Severity::kHigh);
  EXPECT_EQ(c.check_dirs, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(c.vars.size(), 1u);
  EXPECT_EQ(c.vars[0], (std::pair<std::string, std::string>{"region", "ap-northeast-1"}));
  EXPECT_EQ(c.var_files, (std::vector<std::string>{"x.tfvars"}));
  EXPECT_EQ(c.jobs, 4u);
  EXPECT_TRUE(c.strict_unknown);
  EXPECT_TRUE(c.no_color);
  EXPECT_TRUE(c.timings);
  EXPECT_FALSE(c.parse_only);
  EXPECT_EQ(c.k8s_namespace, "apps");
  EXPECT_EQ(c.region, "ap-northeast-3");
  EXPECT_EQ(c.cfn_params, (std::vector<std::string>{"p.json"}));
}

TEST(ArgumentsTest, UnknownOptionSuggests) {
  auto p = parse({"scan", "--formt", "json"});
  ASSERT_TRUE(p.error);
  EXPECT_EQ(*p.error, "unknown option '--formt'; did you mean '--format'?");
  auto ja = parse({"scan", "--serverity", "HIGH"}, "ja");
  ASSERT_TRUE(ja.error);
  EXPECT_EQ(*ja.error, "不明なオプション '--serverity'（もしかして '--severity'？）");
  auto far = parse({"scan", "--zzzzzzzz"});
  ASSERT_TRUE(far.error);
  EXPECT_EQ(*far.error, "unknown option '--zzzzzzzz'");
}

TEST(ArgumentsTest, UnknownCommandSuggests) {
  auto p = parse({"scna"});
  ASSERT_TRUE(p.error);
  EXPECT_EQ(*p.error, "unknown command 'scna'; did you mean 'scan'?");
}

TEST(ArgumentsTest, LangOptionAppliesToErrors) {
  auto p = parse({"scan", "--lang", "ja", "--jobs", "0"});
  ASSERT_TRUE(p.error);
  EXPECT_EQ(*p.error, "--jobs には 1 から 1024 の数を指定してください");
}

TEST(ArgumentsTest, ValueChecks) {
  EXPECT_TRUE(parse({"scan", "--severity", "INFO"}).error);
  EXPECT_TRUE(parse({"scan", "--severity", "bad"}).error);
  EXPECT_TRUE(parse({"scan", "--var", "novalue"}).error);
  EXPECT_TRUE(parse({"scan", "--lang", "fr"}).error);
  EXPECT_TRUE(parse({"scan", "--jobs", "2x"}).error);
  EXPECT_TRUE(parse({"scan", "--stdin-format", "hcl"}).error);
  EXPECT_FALSE(parse({"scan", "--stdin-format", "terraform"}).error);
  EXPECT_FALSE(parse({"scan", "--stdin-format", "terraform-plan"}).error);
  EXPECT_EQ(*parse({"scan", "--config"}).error, "option --config needs a value");
  EXPECT_EQ(*parse({"scan", "--parse-only=yes"}).error, "option --parse-only takes no value");
  EXPECT_EQ(*parse({"checks", "--severity", "LOW"}).error, "option --severity does not apply to 'checks'");
  EXPECT_FALSE(parse({"scan", "--var", "a==b"}).error);
  EXPECT_EQ(parse({"scan", "--var", "a==b"}).command_line.vars[0].second, "=b");
}

TEST(ArgumentsTest, HelpAndVersionForms) {
  EXPECT_EQ(parse({}).command_line.command, "help");
  EXPECT_EQ(parse({"--help"}).command_line.command, "help");
  EXPECT_EQ(parse({"--version"}).command_line.command, "version");
  auto p = parse({"explain", "GC-ENC-001", "--help"});
  EXPECT_TRUE(p.command_line.help);
  EXPECT_EQ(p.command_line.positionals, (std::vector<std::string>{"GC-ENC-001"}));
  EXPECT_TRUE(parse({"--format", "json", "scan"}).error);
}

TEST(ArgumentsTest, DoubleDashEndsOptions) {
  auto p = parse({"scan", "--", "--weird-dir"});
  ASSERT_FALSE(p.error);
  EXPECT_EQ(p.command_line.positionals, (std::vector<std::string>{"--weird-dir"}));
}

TEST(ArgumentsTest, DocsOptions) {
  auto p = parse({"docs", "--out", "docs/checks", "--fixtures", "fx"});
  ASSERT_FALSE(p.error);
  EXPECT_EQ(p.command_line.out_dir, "docs/checks");
  EXPECT_EQ(p.command_line.fixtures_dir, "fx");
}

TEST(SpellingSuggestionTest, ClosestWithinReach) {
  EXPECT_EQ(suggest("GC-ENC-01", {"GC-ENC-001", "GC-NET-001"}), "GC-ENC-001");
  EXPECT_EQ(suggest("sarfi", {"text", "json", "sarif"}), "sarif");
  EXPECT_FALSE(suggest("xml", {"text", "json", "sarif"}));
}

}  // namespace
}  // namespace gclint::cli
