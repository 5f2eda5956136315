#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gclint::syntax {

/// std::filesystem::weakly_canonical with a memory: every path prefix is resolved once per scan (one lstat, or a
/// full resolution when it is a symlink), so resolving many files of one tree costs a syscall per new directory
/// entry instead of a readlink per component per file. Thread-safe; one instance lives for one scan, since the
/// tree may change between scans.
class CanonicalPaths {
 public:
  /// The canonical form of `path` (symlinks resolved, `.` and `..` removed); the part that does not exist is kept
  /// lexically normalized, as weakly_canonical does.
  std::filesystem::path resolve(const std::filesystem::path& path);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::filesystem::path> resolved_;  // absolute prefix -> canonical
};

}  // namespace gclint::syntax
