#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/parse_result.h"
#include "model/source_set.h"
#include "syntax/canonical_paths.h"
#include "terraform/eval_limits.h"

namespace gclint::terraform {

/// Parsed local modules shared by the root modules of one scan, so that a module called by many roots is read and
/// parsed once. Thread-safe.
class ModuleCache;
/// A cache for the module directories in `called_dirs` (directories some module calls); roots are not kept.
std::shared_ptr<ModuleCache> make_module_cache(const std::vector<std::filesystem::path>& called_dirs,
                                               syntax::CanonicalPaths& paths);

struct LoadOptions {
  /// Scan root: display paths are relative to it, and local module sources may not leave it
  /// unless allow_outside_root is set.
  std::filesystem::path scan_root;
  /// The directories the user named (a named file's directory). A root module may read inside the one that holds
  /// it even when that is not under scan_root (several paths outside the current directory); empty: scan_root only.
  std::vector<std::filesystem::path> roots;
  bool allow_outside_root = false;
  /// --var name=value (highest precedence) and --var-file paths, in command-line order.
  std::vector<std::pair<std::string, std::string>> vars;
  std::vector<std::filesystem::path> var_files;
  /// Read TF_VAR_* from the environment (opt-in).
  bool use_env_vars = false;
  /// Region for providers without one; unknown when empty.
  std::optional<std::string> default_region;
  uint32_t max_module_depth = 32;
  uint32_t max_instances = 100000;
  /// Larger .tf / .tf.json files are skipped with a warning (the scan's file_size limit).
  uint64_t max_file_size = 10'000'000;
  /// String and collection bounds and the deadline for every expression of the module.
  EvalLimits eval_limits;
  /// Shared parsed modules (make_module_cache); none when null.
  std::shared_ptr<ModuleCache> module_cache;
  /// Symlink resolution shared by the scan's loaders; each loader resolves on its own when null.
  std::shared_ptr<syntax::CanonicalPaths> canonical_paths;
};

/// Evaluates one root module directory, including the local modules it calls, into resources
/// with Terraform addresses, effective providers and regions. Syntax errors become diagnostics with
/// line and column; the rest of the module is still evaluated. Files already registered in `sources`
/// (by path) are reused.
model::ParseResult load_root_module(model::SourceSet& sources, const std::filesystem::path& dir,
                                    const LoadOptions& options);

/// Evaluates one file already registered in `sources` (standard input: `--stdin-format terraform`) as a root module
/// that has no other file and no directory: no terraform.tfvars or *.auto.tfvars is read (only --var-file and
/// --var), local module calls and file(), templatefile() and the other file functions give unknown values with a
/// warning, and nothing is read relative to the current directory. JSON syntax when the text starts with `{`.
model::ParseResult load_stdin_module(model::SourceSet& sources, uint32_t file_id, const LoadOptions& options);

/// Parses (without evaluating) one .tf or .tf.json file; used by --parse-only and the benchmarks.
model::ParseResult parse_only(const model::SourceFile& file);

}  // namespace gclint::terraform
