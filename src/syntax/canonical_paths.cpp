#include "syntax/canonical_paths.h"

#include <system_error>

namespace gclint::syntax {
namespace fs = std::filesystem;

fs::path CanonicalPaths::resolve(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return path.lexically_normal();
  fs::path current = absolute.root_path();
  bool missing = false;  // past a component that does not exist: the rest is only normalized
  for (const auto& part : absolute.relative_path()) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      // `current` is canonical (no symlink in it), so its parent is the real parent.
      current = current.parent_path();
      continue;
    }
    fs::path next = current / part;
    if (missing) {
      current = std::move(next);
      continue;
    }
    std::string key = next.native();
    {
      std::lock_guard lock(mutex_);
      if (auto it = resolved_.find(key); it != resolved_.end()) {
        current = it->second;
        continue;
      }
    }
    fs::file_status status = fs::symlink_status(next, ec);
    fs::path result;
    if (ec || !fs::exists(status)) {
      missing = true;
      result = next;
    } else if (fs::is_symlink(status)) {
      result = fs::weakly_canonical(next, ec);
      if (ec) result = next;
    } else {
      result = next;
    }
    if (!missing) {
      std::lock_guard lock(mutex_);
      resolved_.emplace(std::move(key), result);
    }
    current = std::move(result);
  }
  return current;
}

}  // namespace gclint::syntax
