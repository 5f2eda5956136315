// Runs the built gclint binary (GCLINT_BINARY) on tests/data/cli/ and checks output and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {
namespace fs = std::filesystem;

const fs::path kData = fs::path(GCLINT_SOURCE_DIR) / "tests" / "data" / "cli";

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path scratch_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("gclint_e2e_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// `args` is shell text; the command runs in `cwd` with a fixed English locale unless `env` says otherwise.
Result gclint(const std::string& args, const fs::path& cwd = kData, const std::string& env = "LC_ALL=C LANG=C") {
  fs::path err_file = fs::temp_directory_path() / ("gclint_e2e_err_" + std::to_string(::getpid()));
  std::string command = "cd '" + cwd.string() + "' && env -u LC_MESSAGES " + env + " '" + GCLINT_BINARY + "' " + args +
                        " 2>'" + err_file.string() + "'";
  Result run;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = slurp(err_file);
  fs::remove(err_file);
  return run;
}

nlohmann::json json_of(const Result& run) {
  auto j = nlohmann::json::parse(run.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << run.out << run.err;
  return j;
}

class EndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fs::exists(GCLINT_BINARY)) << "gclint binary not built: " << GCLINT_BINARY; }
};

TEST_F(EndToEndTest, Version) {
  Result run = gclint("version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "gclint 0.1.0\n");
}

TEST_F(EndToEndTest, TerraformRootAndLocalModule) {
  Result run = gclint("scan tenant/tf --format json");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto j = json_of(run);
  bool root_finding = false;
  bool module_finding = false;
  for (const auto& f : j["findings"]) {
    if (f["check_id"] != "GC-ENC-001") continue;
    if (f["file"] == "main.tf" && f["line"] == 11) root_finding = true;
    if (f["file"] == "modules/store/main.tf") {
      // The module is evaluated through its caller, never as a root of its own.
      EXPECT_EQ(f["resource"], "module.store.aws_s3_bucket.this");
      module_finding = true;
    }
  }
  EXPECT_TRUE(root_finding) << run.out;
  EXPECT_TRUE(module_finding) << run.out;
  EXPECT_EQ(j["summary"]["exit_code"], 1);
  EXPECT_EQ(j["schema_version"], 1);
}

TEST_F(EndToEndTest, TextOutputHasFrameFixAndSee) {
  Result run = gclint("scan tenant/cfn");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("stack.yaml:11:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("GC-ENC-001"), std::string::npos);
  EXPECT_NE(run.out.find("11 |               SSEAlgorithm: AES256\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("   = see: docs/checks/GC-ENC-001.md\n"), std::string::npos);
  EXPECT_NE(run.out.find("Scanned 1 file"), std::string::npos);
  EXPECT_EQ(run.out.find('\x1b'), std::string::npos);
}

TEST_F(EndToEndTest, JapaneseFromLocale) {
  Result run = gclint("scan tenant/cfn", kData, "LC_ALL= LANG=ja_JP.UTF-8");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("= 修正: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("ファイル (リソース"), std::string::npos);
}

TEST_F(EndToEndTest, CleanScanExitsZero) {
  Result run = gclint("scan clean");
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("no findings"), std::string::npos) << run.out;
}

TEST_F(EndToEndTest, ParseErrorAloneExitsThree) {
  Result run = gclint("scan broken --format json");
  EXPECT_EQ(run.exit_code, 3) << run.out << run.err;
  auto j = json_of(run);
  ASSERT_FALSE(j["errors"].empty());
  EXPECT_EQ(j["errors"][0]["file"], "stack.yaml");
  EXPECT_EQ(j["errors"][0]["level"], "error");
  EXPECT_EQ(j["summary"]["exit_code"], 3);
}

TEST_F(EndToEndTest, FindingsAndParseErrorsExitOneAndListBoth) {
  Result run = gclint("scan tenant broken --format json");
  EXPECT_EQ(run.exit_code, 1);
  auto j = json_of(run);
  EXPECT_FALSE(j["findings"].empty());
  ASSERT_FALSE(j["errors"].empty());
  // Several roots: paths are relative to the current directory.
  EXPECT_EQ(j["errors"][0]["file"], "broken/stack.yaml");
  bool cfn = false;
  for (const auto& f : j["findings"]) cfn = cfn || f["file"] == "tenant/cfn/stack.yaml";
  EXPECT_TRUE(cfn);
}

TEST_F(EndToEndTest, OutputIndependentOfJobs) {
  Result one = gclint("scan tenant --format json --jobs 1");
  Result four = gclint("scan tenant --format json --jobs 4");
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(one.out, four.out);
}

TEST_F(EndToEndTest, StdinWithFormat) {
  Result run = gclint("scan - --stdin-format cloudformation --format json < tenant/cfn/stack.yaml");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  auto j = json_of(run);
  ASSERT_FALSE(j["findings"].empty());
  EXPECT_EQ(j["findings"][0]["file"], "<stdin>");
}

TEST_F(EndToEndTest, SeverityThreshold) {
  Result run = gclint("scan tenant --format json --severity CRITICAL");
  auto j = json_of(run);
  for (const auto& f : j["findings"]) EXPECT_EQ(f["severity"], "CRITICAL");
  EXPECT_EQ(j["threshold"], "CRITICAL");
}

TEST_F(EndToEndTest, UsageErrorsExitTwo) {
  Result run = gclint("scan --formt json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("did you mean '--format'?"), std::string::npos) << run.err;
  EXPECT_EQ(gclint("lint").exit_code, 2);
  Result missing = gclint("scan does-not-exist");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("does-not-exist: no such file or directory"), std::string::npos) << missing.err;
  EXPECT_EQ(gclint("scan --format xml tenant").exit_code, 2);
}

TEST_F(EndToEndTest, InvalidConfigExitsTwo) {
  fs::path dir = scratch_dir("config");
  std::ofstream(dir / "bad.yaml") << "default_tierr: mynumber\n";
  Result run = gclint("scan '" + (kData / "clean").string() + "' --config '" + (dir / "bad.yaml").string() + "'");
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("bad.yaml:1:"), std::string::npos) << run.err;
  fs::remove_all(dir);
}

TEST_F(EndToEndTest, OutputFile) {
  fs::path dir = scratch_dir("output");
  Result run = gclint("scan tenant/cfn --format sarif --output '" + (dir / "r.sarif").string() + "'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(run.out.empty());
  auto j = nlohmann::json::parse(slurp(dir / "r.sarif"));
  EXPECT_EQ(j["version"], "2.1.0");
  fs::remove_all(dir);
}

TEST_F(EndToEndTest, SarifOfRealPackIsSchemaValid) {
  const std::string schema = std::string(GCLINT_SHARED_DIR) + "/schemas/sarif-schema-2.1.0.json";
  if (std::system("/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "/usr/bin/python3 lacks jsonschema (ci/setup.sh installs python3-jsonschema)";
  }
  fs::path dir = scratch_dir("sarif");
  Result run = gclint("scan tenant broken --format sarif --output '" + (dir / "r.sarif").string() + "'");
  EXPECT_EQ(run.exit_code, 1);
  std::string command =
      "/usr/bin/python3 -c 'import json,sys,jsonschema; "
      "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' '" +
      schema + "' '" + (dir / "r.sarif").string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0);
  fs::remove_all(dir);
}

TEST_F(EndToEndTest, InitRefusesToOverwrite) {
  fs::path dir = scratch_dir("init");
  Result first = gclint("init", dir);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  std::string written = slurp(dir / ".gclint.yaml");
  EXPECT_FALSE(written.empty());
  Result second = gclint("init", dir);
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(slurp(dir / ".gclint.yaml"), written);
  // The starter file is itself a valid configuration.
  Result scan = gclint("scan '" + (kData / "clean").string() + "' --config .gclint.yaml", dir);
  EXPECT_EQ(scan.exit_code, 0) << scan.err;
  fs::remove_all(dir);
}

TEST_F(EndToEndTest, ExplainAndChecks) {
  Result run = gclint("explain GC-ENC-001");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("checks/encryption/GC-ENC-001.yaml"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("fixtures/GC-ENC-001/"), std::string::npos);
  EXPECT_NE(run.out.find("docs/checks/GC-ENC-001.md"), std::string::npos);
  Result typo = gclint("explain GC-ENC-01");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("did you mean GC-ENC-0"), std::string::npos) << typo.err;
  Result list = gclint("checks --format json");
  EXPECT_EQ(list.exit_code, 0);
  bool found = false;
  for (const auto& check : json_of(list)) found = found || check["id"] == "GC-ENC-001";
  EXPECT_TRUE(found);
}

TEST_F(EndToEndTest, DocsGeneration) {
  fs::path dir = scratch_dir("docs");
  Result run = gclint("docs --out '" + dir.string() + "' --fixtures '" +
                      (fs::path(GCLINT_SOURCE_DIR) / "fixtures").string() + "'");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::string page = slurp(dir / "GC-ENC-001.md");
  EXPECT_NE(page.find("## Bad"), std::string::npos);
  EXPECT_NE(page.find("AES256"), std::string::npos);
  EXPECT_EQ(page.find("expect:"), std::string::npos);
  EXPECT_NE(slurp(dir / "README.md").find("GC-ENC-001"), std::string::npos);
  fs::remove_all(dir);
}

TEST_F(EndToEndTest, HelpInBothLanguages) {
  Result en = gclint("scan --help");
  EXPECT_EQ(en.exit_code, 0);
  EXPECT_NE(en.out.find("Usage: gclint scan"), std::string::npos);
  Result ja = gclint("scan --help --lang ja");
  EXPECT_NE(ja.out.find("使い方: gclint scan"), std::string::npos);
}

}  // namespace
