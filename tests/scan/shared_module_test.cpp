// A local module called by several roots: read and parsed once for the scan (terraform::ModuleCache), evaluated
// in each caller's context, and its findings, syntax errors and notes reported once.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "scan/scanner.h"

namespace gclint::scan {
namespace {
namespace fs = std::filesystem;

class SharedModuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("gclint-shared-module-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    write("modules/store/main.tf",
          "variable \"name\" {}\n"
          "variable \"encrypted\" {}\n"
          "resource \"aws_ebs_volume\" \"this\" {\n"
          "  availability_zone = \"ap-northeast-1a\"\n"
          "  size              = 10\n"
          "  encrypted         = var.encrypted\n"
          "  tags              = { Name = var.name }\n"
          "}\n");
    write("modules/store/broken.tf", "locals {\n  x = (\n}\n");
    for (const char* city : {"roots/sapporo", "roots/sendai", "roots/fukuoka"}) {
      bool encrypted = std::string(city) == "roots/sendai";
      write(std::string(city) + "/main.tf", std::string("module \"store\" {\n  source    = \"../../modules/store\"\n") +
                                                "  name      = \"" + city +
                                                "\"\n  encrypted = " + (encrypted ? "true" : "false") + "\n}\n");
    }
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& relative, const std::string& text) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  fs::path root_;
};

TEST_F(SharedModuleTest, ParsedOnceEvaluatedPerCallerReportedOnce) {
  for (unsigned jobs : {1u, 2u}) {
    ScanOptions options;
    options.paths = {root_.string()};
    options.jobs = jobs;
    ScanResult r = run_scan(options);
    ASSERT_FALSE(r.fatal_error) << *r.fatal_error;
    // Three callers, one volume each, evaluated with the caller's inputs.
    EXPECT_EQ(r.resources, 3u);
    // Two callers leave the volume unencrypted; the module line is the same, so one finding (same address, same
    // span) stands for both.
    size_t unencrypted = std::count_if(r.findings.begin(), r.findings.end(), [&](const model::Finding& f) {
      return f.check_id == "GC-ENC-002" && f.resource() == "module.store.aws_ebs_volume.this";
    });
    EXPECT_EQ(unencrypted, 1u) << "jobs " << jobs;
    // The module's syntax error is reported once, at its file, although three roots use the module.
    size_t broken = std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const model::Diagnostic& d) {
      return d.level == model::Diagnostic::Level::kError && r.sources->path_of(d.span) == "modules/store/broken.tf";
    });
    EXPECT_EQ(broken, 1u) << "jobs " << jobs;
  }
}

}  // namespace
}  // namespace gclint::scan
