#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/check.h"
#include "model/diagnostic.h"
#include "model/source_set.h"

namespace gclint::engine {

/// All checks: the pack embedded at build time plus user rule directories (--checks DIR).
class RulePack {
 public:
  /// Loads the pack compiled into the binary (see cmake/embed_checks.cmake). Rule files are
  /// registered in `sources` so that rule errors point at file:line:column.
  static RulePack embedded(model::SourceSet& sources, std::vector<model::Diagnostic>& diagnostics);
  /// Adds every *.yaml under `dir` (user checks; the GC- prefix is refused there).
  void load_directory(const std::string& dir, model::SourceSet& sources, std::vector<model::Diagnostic>& diagnostics);
  /// Adds one rule file already registered in `sources`.
  void load_file(uint32_t file_id, bool builtin, model::SourceSet& sources,
                 std::vector<model::Diagnostic>& diagnostics);

  const std::vector<Check>& checks() const { return checks_; }
  /// By ID or alias.
  const Check* find(std::string_view id) const;

 private:
  void add(std::optional<Check> check, uint32_t file_id, std::vector<model::Diagnostic>& diagnostics);

  std::vector<Check> checks_;
};

}  // namespace gclint::engine
