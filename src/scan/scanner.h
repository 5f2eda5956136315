#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/config.h"
#include "engine/rule_pack.h"
#include "model/diagnostic.h"
#include "model/finding.h"
#include "model/source_set.h"

namespace gclint::scan {

class ScanProgress;

/// Everything `gclint scan` was asked to do, after CLI parsing.
struct ScanOptions {
  std::vector<std::string> paths;          // files or directories; "-" for stdin
  std::string stdin_format;                // terraform | cloudformation | kubernetes (with "-")
  std::optional<std::string> config_path;  // --config; else .gclint.yaml found upward from the first path
  std::vector<std::string> check_dirs;     // --checks
  std::vector<std::string> only_checks;    // run only these check IDs (fixture runner)
  unsigned jobs = 0;                       // 0 = hardware concurrency
  bool strict_unknown = false;
  bool parse_only = false;                                   // stop after parsing (benchmarks)
  std::optional<std::string> region;                         // --region (CloudFormation AWS::Region)
  std::vector<std::string> cfn_param_files;                  // --cfn-params
  std::vector<std::pair<std::string, std::string>> tf_vars;  // --var
  std::vector<std::string> tf_var_files;                     // --var-file
  bool tf_env_vars = false;                                  // --tf-env-vars (TF_VAR_*)
  std::string k8s_namespace = "default";                     // --namespace
  bool allow_outside_root = false;
  /// --limit NAME=VALUE, validated by the CLI; they override .gclint.yaml's `limits:` (model/limits.h).
  std::vector<std::pair<std::string, std::string>> limits;
  /// --timeout: units not started by then are not scanned, Terraform evaluation stops, and both are errors.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  /// Units in progress, for the watchdog behind --timeout (scan/limits.h); may be null.
  ScanProgress* progress = nullptr;
  /// The embedded pack loaded once by a caller that scans many times (the fixture runner); copied into the
  /// result instead of loading it again. Its spans point into the SourceSet it was loaded with.
  const engine::RulePack* rule_pack = nullptr;
  /// The report language: --lang, else .gclint.yaml's `lang:`, else `default_lang` (the locale's). Findings carry
  /// messages in that language only; with all three empty, in both.
  std::optional<std::string> lang;
  std::string default_lang;
};

struct StageTimes {
  std::chrono::nanoseconds discover{0}, parse{0}, evaluate{0}, check{0};
};

struct ScanResult {
  std::unique_ptr<model::SourceSet> sources;
  std::unique_ptr<engine::RulePack> pack;
  engine::Config config;
  /// The language the findings' messages were rendered in (ScanOptions::lang); empty when both were.
  std::string lang;
  model::FindingList findings;  // deterministic order: file, line, column, check
  std::vector<model::Diagnostic> diagnostics;
  size_t files_scanned = 0;
  size_t resources = 0;
  StageTimes times;
  /// A usage or configuration problem (exit 2), e.g. an unreadable --config or a broken rule file.
  std::optional<std::string> fatal_error;
};

/// Discovers, parses (in parallel), evaluates and checks. Deterministic regardless of --jobs.
ScanResult run_scan(const ScanOptions& options);

}  // namespace gclint::scan
