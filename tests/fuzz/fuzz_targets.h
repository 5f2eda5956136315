#pragma once

// The fuzz targets as plain functions, shared by the libFuzzer entry points (tests/fuzz/<name>_fuzzer.cpp) and by
// the regression test that replays tests/data/robustness/<name>/ through the normal ASan/UBSan test build.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cloudformation/template_loader.h"
#include "engine/config.h"
#include "engine/rule_pack.h"
#include "kubernetes/manifest_loader.h"
#include "model/diagnostic.h"
#include "model/source_set.h"
#include "syntax/text_encoding.h"
#include "syntax/yaml_event_recorder.h"
#include "syntax/yaml_fast_events.h"
#include "terraform/module_loader.h"

namespace gclint::fuzz {

/// Whether check_spans aborts; on unless GCLINT_FUZZ_IGNORE_SPANS=1 (to fuzz for crashes only while a span bug
/// is open).
inline bool& span_checks() {
  static bool on = [] {
    const char* v = std::getenv("GCLINT_FUZZ_IGNORE_SPANS");
    return v == nullptr || std::string_view(v) != "1";
  }();
  return on;
}

/// Aborts (a fuzzer finding) when a diagnostic's span is not inside its file (begin <= end <= size): reports
/// print it as line:column, so a bad span is a bug even though SourceFile clamps it.
inline void check_spans(const model::SourceSet& sources, const std::vector<model::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (!d.span.valid()) continue;
    if (d.span.file >= sources.size()) {
      std::fprintf(stderr, "diagnostic in unknown file %u: %s\n", d.span.file, d.message.c_str());
      std::abort();
    }
    const auto& file = sources.file(d.span.file);
    if (span_checks() && (d.span.begin > d.span.end || d.span.end > file.content().size())) {
      std::fprintf(stderr, "diagnostic span [%u, %u) outside %s (%zu bytes): %s\n", d.span.begin, d.span.end,
                   file.path().c_str(), file.content().size(), d.message.c_str());
      std::abort();
    }
    (void)sources.begin_of(d.span);
    (void)sources.end_of(d.span);
  }
}

/// HCL native syntax via parse_only; an odd first byte selects the .tf.json form instead.
inline void hcl_parse(std::string_view input) {
  bool json = !input.empty() && (static_cast<unsigned char>(input[0]) & 1) != 0;
  model::SourceSet sources;
  uint32_t id = sources.add(json ? "main.tf.json" : "main.tf", std::string(input));
  check_spans(sources, terraform::parse_only(sources.file(id)).diagnostics);
}

/// A temporary directory holding root/main.tf (empty on disk), removed at exit.
struct ModuleDir {
  ModuleDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gclint-fuzz-module-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    base = pattern;
    root = base / "root";
    std::filesystem::create_directories(root);
    std::ofstream(root / "main.tf").flush();
  }
  ~ModuleDir() {
    std::error_code ec;
    std::filesystem::remove_all(base, ec);
  }
  std::filesystem::path base;
  std::filesystem::path root;
};

/// A whole root module (parse and evaluation) from one main.tf. The loader lists the directory on disk but reuses
/// the content already registered in the SourceSet, so no file is written per input.
inline void terraform_module(std::string_view input) {
  static const ModuleDir dir;
  model::SourceSet sources;
  sources.add("root/main.tf", std::string(input));
  terraform::LoadOptions options;
  options.scan_root = dir.base;
  options.max_instances = 10000;
  check_spans(sources, terraform::load_root_module(sources, dir.root, options).diagnostics);
}

/// The text a scan hands to the YAML/JSON front ends: UTF-16 and UTF-32 converted to UTF-8 (scan/limits.h).
inline std::string as_scanned(std::string_view input) {
  auto transcoded = syntax::transcode_to_utf8(input);
  return transcoded ? std::move(transcoded->text) : std::string(input);
}

/// One CloudFormation template; the loader reads it as JSON when it starts with '{', else as YAML.
inline void cloudformation_template(std::string_view input, const char* name) {
  model::SourceSet sources;
  uint32_t id = sources.add(name, as_scanned(input));
  cloudformation::LoadOptions options;
  options.region = "ap-northeast-1";
  check_spans(sources, cloudformation::load_template(sources.file(id), options).diagnostics);
}

/// CloudFormation YAML (short-form tags, SAM).
inline void cloudformation_yaml(std::string_view input) { cloudformation_template(input, "template.yaml"); }

/// CloudFormation JSON.
inline void cloudformation_json(std::string_view input) { cloudformation_template(input, "template.json"); }

/// A multi-document Kubernetes manifest (YAML or JSON), Helm `# Source:` mapping on.
inline void kubernetes_yaml(std::string_view input) {
  model::SourceSet sources;
  uint32_t id = sources.add("manifest.yaml", as_scanned(input));
  check_spans(sources, kubernetes::load_manifests(sources, id, kubernetes::LoadOptions{}).diagnostics);
}

/// .gclint.yaml through engine::load_config.
inline void config(std::string_view input) {
  model::SourceSet sources;
  uint32_t id = sources.add(".gclint.yaml", std::string(input));
  std::vector<model::Diagnostic> diagnostics;
  (void)engine::load_config(sources.file(id), diagnostics);
  check_spans(sources, diagnostics);
}

/// One user rule file through RulePack::load_file (parse, validate, compile the match program).
inline void rule_file(std::string_view input) {
  model::SourceSet sources;
  uint32_t id = sources.add("checks/custom/ORG-FUZ-001.yaml", std::string(input));
  std::vector<model::Diagnostic> diagnostics;
  engine::RulePack pack;
  pack.load_file(id, false, sources, diagnostics);
  check_spans(sources, diagnostics);
}

/// The fast YAML reader against yaml-cpp: an input it takes must give exactly yaml-cpp's events (yaml-cpp only
/// sees those inputs, never nested deeper than the fast reader's bound).
inline void yaml_fast_events(std::string_view input) {
  auto fast = syntax::fast_yaml_events(input);
  if (!fast) return;
  auto reference = syntax::testing::yaml_cpp_events(std::string(input));
  if (!reference) {
    std::fprintf(stderr, "fast YAML reader accepted an input yaml-cpp rejects\n");
    std::abort();
  }
  std::string got = syntax::testing::describe_events(*fast);
  std::string want = syntax::testing::describe_events(*reference);
  if (got != want) {
    std::fprintf(stderr, "fast YAML reader events differ from yaml-cpp's:\n--- fast\n%s--- yaml-cpp\n%s", got.c_str(),
                 want.c_str());
    std::abort();
  }
}

using Target = void (*)(std::string_view);

/// Every target by name (the name of its fuzzer and of its directory under tests/data/robustness/).
inline const std::map<std::string, Target>& targets() {
  static const std::map<std::string, Target> all = {
      {"hcl_parse", hcl_parse},
      {"terraform_module", terraform_module},
      {"cloudformation_yaml", cloudformation_yaml},
      {"cloudformation_json", cloudformation_json},
      {"kubernetes_yaml", kubernetes_yaml},
      {"config", config},
      {"rule_file", rule_file},
      {"yaml_fast_events", yaml_fast_events},
  };
  return all;
}

}  // namespace gclint::fuzz
