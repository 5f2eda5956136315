// Runs the built gclint binary on Terraform plan JSON (alone and beside its configuration), Terraform on standard
// input, values set through variables (text, JSON and SARIF name where) and --strict-unknown.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace {
namespace fs = std::filesystem;

const fs::path kSource = GCLINT_SOURCE_DIR;
const fs::path kTenant = kSource / "tests" / "data" / "terraform" / "plan" / "tenant";

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
  nlohmann::json json;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// `args` is shell text, run in `cwd` with an English locale; JSON output is parsed when it is JSON.
Result gclint(const std::string& args, const fs::path& cwd) {
  fs::path err_file = fs::temp_directory_path() / ("gclint_tf_e2e_err_" + std::to_string(::getpid()));
  std::string command = "cd '" + cwd.string() + "' && env -u LC_MESSAGES LC_ALL=C LANG=C '" + GCLINT_BINARY + "' " +
                        args + " 2>'" + err_file.string() + "'";
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
  run.json = nlohmann::json::parse(run.out, nullptr, false);
  return run;
}

// 1-based line of the first occurrence of `needle` in `file`.
int line_of(const fs::path& file, const std::string& needle) {
  std::string text = slurp(file);
  size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::vector<nlohmann::json> findings(const Result& run, const std::string& check, const std::string& resource) {
  std::vector<nlohmann::json> out;
  if (!run.json.is_object()) return out;
  for (const auto& f : run.json["findings"]) {
    if (f["check_id"] == check && f["resource"] == resource) out.push_back(f);
  }
  return out;
}

class TerraformInputsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fs::exists(GCLINT_BINARY)) << "gclint binary not built: " << GCLINT_BINARY; }
};

const char* const kDrEncryption = "module.dr.aws_s3_bucket_server_side_encryption_configuration.this";

// The plan file alone: findings point into the plan.
TEST_F(TerraformInputsTest, PlanAlonePointsIntoThePlanFile) {
  Result run = gclint("scan plan.json --format json", kTenant);
  ASSERT_EQ(run.exit_code, 1) << run.err << run.out.substr(0, 2000);
  EXPECT_EQ(run.json["summary"]["files_scanned"], 1);
  EXPECT_EQ(run.json["summary"]["resources"], 14);
  auto dr = findings(run, "GC-ENC-001", kDrEncryption);
  ASSERT_EQ(dr.size(), 1u) << run.out.substr(0, 4000);
  EXPECT_EQ(dr[0]["file"], "plan.json");
  EXPECT_EQ(dr[0]["line"], line_of(kTenant / "plan.json", "\"sse_algorithm\": \"AES256\""));
  EXPECT_EQ(dr[0]["format"], "terraform-plan");
  // The key is referenced through configuration expressions (also through a module input): decided, no finding.
  for (const char* ok : {"aws_s3_bucket_server_side_encryption_configuration.docs",
                         "module.buckets[\"zeimu\"].aws_s3_bucket_server_side_encryption_configuration.this"}) {
    EXPECT_TRUE(findings(run, "GC-ENC-001", ok).empty()) << ok;
  }
  for (const auto& f : run.json["findings"]) EXPECT_EQ(f["file"], "plan.json") << f.dump();
  for (const auto& e : run.json["errors"]) EXPECT_NE(e["level"], "error") << e.dump();
}

// Beside its configuration: the same findings at the .tf lines, the root module not reported twice.
TEST_F(TerraformInputsTest, PlanWithItsConfigurationPointsIntoTheTfFiles) {
  Result run = gclint("scan . --format json", kTenant);
  ASSERT_EQ(run.exit_code, 1) << run.err << run.out.substr(0, 2000);
  EXPECT_EQ(run.json["summary"]["resources"], 14);
  auto dr = findings(run, "GC-ENC-001", kDrEncryption);
  ASSERT_EQ(dr.size(), 1u) << run.out.substr(0, 4000);
  EXPECT_EQ(dr[0]["file"], "modules/bucket/main.tf");
  EXPECT_EQ(dr[0]["line"], 23);
  EXPECT_EQ(dr[0]["format"], "terraform-plan");
  EXPECT_EQ(dr[0]["origin"]["file"], "terraform.tfvars");
  EXPECT_EQ(dr[0]["origin"]["line"], 2);
  std::multiset<std::string> seen;
  for (const auto& f : run.json["findings"]) {
    EXPECT_NE(f["file"], "plan.json") << f.dump();
    seen.insert(f["check_id"].get<std::string>() + " " + f["resource"].get<std::string>() + " " +
                f["file"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()));
  }
  for (const auto& key : seen) EXPECT_EQ(seen.count(key), 1u) << "reported twice: " << key;

  // The configuration alone finds the same place; the plan changes where values come from, not where they are.
  fs::path copy = fs::temp_directory_path() / ("gclint_tf_e2e_config_" + std::to_string(::getpid()));
  fs::remove_all(copy);
  fs::copy(kTenant, copy, fs::copy_options::recursive);
  fs::remove(copy / "plan.json");
  Result config_only = gclint("scan . --format json", copy);
  auto from_config = findings(config_only, "GC-ENC-001", kDrEncryption);
  ASSERT_EQ(from_config.size(), 1u) << config_only.out.substr(0, 4000);
  EXPECT_EQ(from_config[0]["file"], "modules/bucket/main.tf");
  EXPECT_EQ(from_config[0]["line"], 23);
  EXPECT_EQ(from_config[0]["format"], "terraform");
  fs::remove_all(copy);
}

TEST_F(TerraformInputsTest, PlanOnStandardInputIsSniffed) {
  Result run = gclint("scan - --format json < plan.json", kTenant);
  ASSERT_EQ(run.exit_code, 1) << run.err;
  auto dr = findings(run, "GC-ENC-001", kDrEncryption);
  ASSERT_EQ(dr.size(), 1u);
  EXPECT_EQ(dr[0]["file"], "<stdin>");
  Result named = gclint("scan - --stdin-format terraform-plan --format json < plan.json", kTenant);
  EXPECT_EQ(named.json["findings"], run.json["findings"]);
}

TEST_F(TerraformInputsTest, TerraformOnStandardInput) {
  fs::path fixture = kSource / "fixtures" / "GC-ENC-001" / "bad.tf";
  Result run = gclint("scan - --stdin-format terraform --format json < '" + fixture.string() + "'", kTenant);
  ASSERT_EQ(run.exit_code, 1) << run.err << run.out;
  auto zeimu = findings(run, "GC-ENC-001", "aws_s3_bucket.zeimu_documents");
  ASSERT_EQ(zeimu.size(), 1u);
  EXPECT_EQ(zeimu[0]["file"], "<stdin>");
  EXPECT_EQ(zeimu[0]["line"], line_of(fixture, "sse_algorithm = \"AES256\""));
  // Run in a directory holding a configuration: none of it is read.
  EXPECT_EQ(run.json["summary"]["resources"], 2);
  EXPECT_EQ(run.json["summary"]["files_scanned"], 1);

  // file() and local modules on standard input: unknown, with a warning that says so (text output too).
  fs::path input = fs::temp_directory_path() / ("gclint_tf_e2e_stdin_" + std::to_string(::getpid()) + ".tf");
  std::ofstream(input)
      << "resource \"aws_s3_bucket_policy\" \"p\" {\n  bucket = \"b\"\n  policy = file(\"policy.json\")\n}\n"
         "module \"m\" {\n  source = \"./modules/bucket\"\n}\n";
  Result text = gclint("scan - --stdin-format terraform --no-color < '" + input.string() + "'", kTenant);
  fs::remove(input);
  EXPECT_NE(text.out.find("<stdin>:3"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("file() is not read for a file on standard input"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("is not read for a file on standard input; its outputs are unknown"), std::string::npos);
  EXPECT_EQ(text.out.find("module.m."), std::string::npos);
}

// A value set through a variable: every output format names where it was set.
TEST_F(TerraformInputsTest, VariableOriginInTextJsonAndSarif) {
  fs::path dir = fs::temp_directory_path() / ("gclint_tf_e2e_origin_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "main.tf") << "variable \"name\" {}\nvariable \"algorithm\" {}\n\n"
                                    "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"e\" {\n"
                                    "  bucket = var.name\n"
                                    "  rule {\n"
                                    "    apply_server_side_encryption_by_default {\n"
                                    "      sse_algorithm = var.algorithm\n"
                                    "    }\n"
                                    "  }\n"
                                    "}\n";
  std::ofstream(dir / "terraform.tfvars") << "name      = \"kishiwada-zeimu\"\nalgorithm = \"AES256\"\n";

  Result json = gclint("scan . --format json", dir);
  auto f = findings(json, "GC-ENC-001", "aws_s3_bucket_server_side_encryption_configuration.e");
  ASSERT_EQ(f.size(), 1u) << json.out;
  EXPECT_EQ(f[0]["file"], "main.tf");
  EXPECT_EQ(f[0]["line"], 8);
  EXPECT_EQ(f[0]["origin"], (nlohmann::json{{"file", "terraform.tfvars"}, {"line", 2}}));

  Result text = gclint("scan . --no-color", dir);
  EXPECT_NE(text.out.find("main.tf:8"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("value set at: terraform.tfvars:2"), std::string::npos) << text.out;

  Result sarif = gclint("scan . --format sarif", dir);
  ASSERT_TRUE(sarif.json.is_object()) << sarif.out;
  bool found = false;
  for (const auto& r : sarif.json["runs"][0]["results"]) {
    if (r["ruleId"] != "GC-ENC-001") continue;
    found = true;
    EXPECT_EQ(r["locations"][0]["physicalLocation"]["region"]["startLine"], 8);
    ASSERT_TRUE(r.contains("relatedLocations")) << r.dump();
    const auto& related = r["relatedLocations"][0];
    EXPECT_EQ(related["physicalLocation"]["artifactLocation"]["uri"], "terraform.tfvars");
    EXPECT_EQ(related["physicalLocation"]["region"]["startLine"], 2);
    EXPECT_EQ(related["message"]["text"], "value set at");
  }
  EXPECT_TRUE(found) << sarif.out.substr(0, 3000);
  fs::remove_all(dir);
}

// --strict-unknown: each check that could not decide is reported, naming the unknown expression; without it, the
// same cases are "not evaluated" notes and never findings.
TEST_F(TerraformInputsTest, StrictUnknownNamesTheUnknownExpression) {
  fs::path dir = fs::temp_directory_path() / ("gclint_tf_e2e_unknown_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "main.tf") << "variable \"kms_key_arn\" {}\n\n"
                                    "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"e\" {\n"
                                    "  bucket = \"kishiwada-zeimu\"\n"
                                    "  rule {\n"
                                    "    apply_server_side_encryption_by_default {\n"
                                    "      sse_algorithm     = \"aws:kms\"\n"
                                    "      kms_master_key_id = var.kms_key_arn\n"
                                    "    }\n"
                                    "  }\n"
                                    "}\n";
  Result lenient = gclint("scan . --format json", dir);
  EXPECT_TRUE(findings(lenient, "GC-ENC-001", "aws_s3_bucket_server_side_encryption_configuration.e").empty());
  bool noted = false;
  for (const auto& n : lenient.json["not_evaluated"]) {
    noted = noted || n.dump().find("var.kms_key_arn has no value; GC-ENC-001 not evaluated") != std::string::npos;
  }
  EXPECT_TRUE(noted) << lenient.out.substr(0, 3000);

  Result strict = gclint("scan . --format json --strict-unknown", dir);
  auto f = findings(strict, "GC-ENC-001", "aws_s3_bucket_server_side_encryption_configuration.e");
  ASSERT_EQ(f.size(), 1u) << strict.out.substr(0, 3000);
  EXPECT_EQ(f[0]["severity"], "INFO");
  EXPECT_NE(f[0]["message"].get<std::string>().find("var.kms_key_arn"), std::string::npos) << f[0].dump();
  EXPECT_EQ(f[0]["line"], 8);

  // A plan's unknown leaf (known after apply) is named the same way.
  Result plan = gclint("scan plan.json --format json --strict-unknown", kTenant);
  bool named = false;
  for (const auto& finding : plan.json["findings"]) {
    if (finding["severity"] != "INFO") continue;
    named = named || finding["message"].get<std::string>().find("(known after apply)") != std::string::npos ||
            finding["message"].get<std::string>().find("var.dr_region") != std::string::npos;
  }
  EXPECT_TRUE(named) << plan.out.substr(0, 3000);
  fs::remove_all(dir);
}

}  // namespace
