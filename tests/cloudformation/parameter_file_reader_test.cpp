#include <gtest/gtest.h>

#include "cloudformation/template_loader.h"

namespace gclint::cloudformation {
namespace {

struct Read {
  bool ok;
  std::map<std::string, std::string> values;
  std::vector<model::Diagnostic> diagnostics;
  model::SourceFile file;
};

Read read(const std::string& text) {
  Read r{false, {}, {}, model::SourceFile(0, "params", text)};
  r.ok = read_parameter_file(r.file, r.values, r.diagnostics);
  return r;
}

TEST(ParameterFileReaderTest, CliArrayForm) {
  Read r = read(R"([{"ParameterKey": "Env", "ParameterValue": "prod"},
                    {"ParameterKey": "Port", "ParameterValue": 443},
                    {"ParameterKey": "Old", "UsePreviousValue": true}])");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.values.size(), 2u);
  EXPECT_EQ(r.values["Env"], "prod");
  EXPECT_EQ(r.values["Port"], "443");
}

TEST(ParameterFileReaderTest, ParametersObjectForm) {
  Read r = read(R"({"Parameters": {"Env": "prod", "Subnets": ["a", "b"]}, "Tags": {"x": "y"}})");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.values["Env"], "prod");
  EXPECT_EQ(r.values["Subnets"], "a,b");
}

TEST(ParameterFileReaderTest, KeyValueLines) {
  Read r = read("# overrides\nEnv=prod\n\n  Name = \"my app\"\nUrl=https://x/?a=b\r\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.values["Env"], "prod");
  EXPECT_EQ(r.values["Name"], "my app");
  EXPECT_EQ(r.values["Url"], "https://x/?a=b");
}

TEST(ParameterFileReaderTest, ErrorsHavePositions) {
  Read lines = read("Env=prod\nnot a pair\n");
  EXPECT_FALSE(lines.ok);
  ASSERT_EQ(lines.diagnostics.size(), 1u);
  EXPECT_EQ(lines.file.position(lines.diagnostics[0].span.begin).line, 2u);

  Read json = read("[{\"ParameterKey\": \"Env\",\n \"ParameterValue\": {\"x\": 1}}]");
  EXPECT_FALSE(json.ok);
  ASSERT_EQ(json.diagnostics.size(), 1u);
  EXPECT_EQ(json.file.position(json.diagnostics[0].span.begin).line, 2u);

  Read broken = read("[{\"ParameterKey\": ");
  EXPECT_FALSE(broken.ok);
  EXPECT_FALSE(broken.diagnostics.empty());

  Read other = read("{\"Env\": \"prod\"}");
  EXPECT_FALSE(other.ok);
}

}  // namespace
}  // namespace gclint::cloudformation
