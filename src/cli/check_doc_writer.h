#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check.h"

namespace gclint::cli {

/// One fixture sample shown in a doc page: its path relative to the fixture directory and its text.
struct DocSample {
  std::string name;  // "bad.tf", "bad.local-module/main.tf"
  std::string text;  // expectation comments removed
};

/// Removes `# expect: …` / `# expect-next-line: …` comments (and `//` forms); lines left empty by a
/// whole-line expectation are dropped.
std::string strip_expectations(std::string_view text);

/// The bad.* or good.* samples of fixtures/<ID>/ (`kind` is "bad" or "good"), sorted; sidecar .expect files
/// are skipped and sample directories contribute every file inside.
std::vector<DocSample> read_samples(const std::filesystem::path& fixture_dir, const std::string& kind);

/// docs/checks/<ID>.md: What / Why / Bad / Good / Fix / Requirements / Sources, in English then Japanese.
std::string check_doc_markdown(const engine::Check& check, const std::vector<DocSample>& bad,
                               const std::vector<DocSample>& good);

/// docs/checks/README.md: every check indexed by family and by requirement.
std::string check_index_markdown(const std::vector<const engine::Check*>& checks);

}  // namespace gclint::cli
