#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace gclint::scan {

/// A file found under one of the scan roots.
struct DiscoveredFile {
  std::filesystem::path path;       // as opened (absolute)
  std::string display;              // relative to the display base, '/' separated
  bool explicit_argument = false;   // named on the command line rather than found by walking
  std::filesystem::path canonical;  // symlinks resolved: the same file reached twice has one
};

/// A path that could not be walked or read; becomes a diagnostic in that file.
struct DiscoveryProblem {
  std::string display;
  std::string message;
  bool is_error = true;  // false: a warning (e.g. a symlink leaving the root)
};

struct DiscoveryOptions {
  /// Follow symlinked files whose target lies outside the root (symlinked directories are never followed).
  bool allow_outside_root = false;
  /// Larger files are skipped with a warning (the file_size limit).
  uintmax_t max_file_size = 10'000'000;
  /// Candidate files beyond this many (in walk order) are not taken; one error names the first one left out.
  uint64_t max_files = 100'000;
  /// Directory depth limit for the walk.
  uint32_t max_depth = 64;
};

struct DiscoveryResult {
  std::vector<DiscoveredFile> files;  // sorted by display path, no duplicates
  std::vector<DiscoveryProblem> problems;
};

/// True for file names the walk picks up (.tf, .tf.json, .tfvars(.json), .yaml, .yml, .json, .template).
bool is_candidate_name(const std::string& file_name);

/// Walks `roots` (files or directories) and returns candidate files with display paths relative to
/// `display_base`. Skips .git, node_modules and .terraform, FIFOs, devices and sockets; never follows a
/// symlinked directory, nor a symlinked file out of its root unless allowed. Deterministic order.
DiscoveryResult discover_files(const std::vector<std::filesystem::path>& roots,
                               const std::filesystem::path& display_base, const DiscoveryOptions& options = {});

/// Display form of `path` relative to `base` ('/' separated; absolute when no relative form exists).
std::string display_path(const std::filesystem::path& path, const std::filesystem::path& base);

}  // namespace gclint::scan
