#include "scan/file_discovery.h"

#include <algorithm>
#include <set>
#include <system_error>

namespace gclint::scan {
namespace fs = std::filesystem;
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_skipped_directory(const std::string& name) {
  return name == ".git" || name == "node_modules" || name == ".terraform";
}

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal();
}

// display_path of a path already absolute and normal, against a base already absolute and normal.
std::string display_of_absolute(const fs::path& absolute, const fs::path& absolute_base) {
  fs::path rel = absolute.lexically_relative(absolute_base);
  if (rel.empty()) return absolute.generic_string();
  if (rel == ".") return absolute.filename().generic_string();
  return rel.generic_string();
}

bool is_within(const fs::path& path, const fs::path& root) {
  auto rel = path.lexically_relative(root);
  if (rel.empty()) return false;
  auto first = *rel.begin();
  return first != "..";
}

class Walker {
 public:
  Walker(const fs::path& display_base, const DiscoveryOptions& options, DiscoveryResult& result)
      : base_(display_base), absolute_base_(absolute_normal(display_base)), options_(options), result_(result) {}

  void walk_root(const fs::path& root) {
    std::error_code ec;
    fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      problem(root, "no such file or directory");
      return;
    }
    if (fs::is_directory(status)) {
      fs::path canonical_root = fs::weakly_canonical(root, ec);
      if (ec) canonical_root = root;
      walk_directory(root, canonical_root, canonical_root, 0);
      return;
    }
    // A file named on the command line is taken whatever its name (the sniffer decides).
    fs::path canonical = fs::weakly_canonical(root, ec);
    add_file(root, ec ? fs::absolute(root, ec).lexically_normal() : canonical, status, true);
  }

 private:
  // `canonical_dir`: `dir`'s canonical path. Neither `dir` nor any directory above it up to the root is a symlink
  // (those are not walked), so an entry's canonical path is `canonical_dir` and its name, without a syscall.
  void walk_directory(const fs::path& dir, const fs::path& canonical_root, const fs::path& canonical_dir,
                      uint32_t depth) {
    if (depth > options_.max_depth) {
      problem(dir, "directory nesting deeper than " + std::to_string(options_.max_depth) + " levels; skipped");
      return;
    }
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      problem(dir, "cannot read directory: " + ec.message());
      return;
    }
    // Entries of one directory differ only in their names, so they are sorted by name (as paths compare).
    std::vector<std::pair<std::string, fs::directory_entry>> entries;
    for (fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        problem(dir, "cannot read directory: " + ec.message());
        break;
      }
      entries.emplace_back(it->path().filename().string(), *it);
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [name, entry] : entries) {
      if (too_many_files_) return;
      // The entry's type as the directory listing gave it (no stat per entry when the file system reports it).
      bool is_symlink = entry.is_symlink(ec);
      if (ec) continue;
      if (is_symlink) {
        handle_symlink(entry.path(), canonical_root);
        continue;
      }
      if (entry.is_directory(ec)) {
        if (!is_skipped_directory(name)) walk_directory(entry.path(), canonical_root, canonical_dir / name, depth + 1);
        continue;
      }
      fs::file_status link_status(entry.is_regular_file(ec) ? fs::file_type::regular : fs::file_type::unknown);
      if (ec || !fs::is_regular_file(link_status)) continue;  // FIFOs, sockets, devices
      if (is_candidate_name(name)) add_file(entry.path(), canonical_dir / name, link_status, false);
    }
  }

  // Symlinked directories are never followed (loops; inside the root their target is walked anyway).
  // A symlinked file inside the root is its target's duplicate; outside the root it is taken only when allowed.
  void handle_symlink(const fs::path& link, const fs::path& canonical_root) {
    std::error_code ec;
    fs::path target = fs::canonical(link, ec);
    if (ec) return;  // dangling or looping link
    fs::file_status status = fs::status(target, ec);
    if (ec || !fs::is_regular_file(status)) return;
    if (!is_candidate_name(link.filename().string())) return;
    if (is_within(target, canonical_root)) return;
    if (!options_.allow_outside_root) {
      result_.problems.push_back({display_path(link, base_),
                                  "symlink points outside the scan root; skipped (see --allow-outside-root)", false});
      return;
    }
    add_file(link, target, status, false);
  }

  /// `canonical`: the file's canonical path, the key that finds the same file reached from two roots.
  void add_file(const fs::path& path, const fs::path& canonical, const fs::file_status& status,
                bool explicit_argument) {
    if (!fs::is_regular_file(status)) {
      if (explicit_argument) problem(path, "not a regular file; skipped");
      return;
    }
    std::error_code ec;
    uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > options_.max_file_size) {
      // The same words as the Terraform loader's, so that one skipped file is reported once.
      result_.problems.push_back(
          {display_path(path, base_),
           "file is larger than the file_size limit (" + std::to_string(options_.max_file_size) + " bytes); skipped",
           false});
      return;
    }
    if (result_.files.size() >= options_.max_files) {
      if (!too_many_files_) {
        too_many_files_ = true;
        problem(path, "more than " + std::to_string(options_.max_files) +
                          " files to scan (the files limit); this file and the rest were not scanned");
      }
      return;
    }
    fs::path absolute = absolute_normal(path);
    result_.files.push_back({absolute, display_of_absolute(absolute, absolute_base_), explicit_argument, canonical});
  }

  void problem(const fs::path& path, std::string message) {
    result_.problems.push_back({display_path(path, base_), std::move(message), true});
  }

  fs::path base_;
  fs::path absolute_base_;  // computed once: the display path of every file is relative to it
  const DiscoveryOptions& options_;
  DiscoveryResult& result_;
  bool too_many_files_ = false;
};

}  // namespace

bool is_candidate_name(const std::string& name) {
  return ends_with(name, ".tf") || ends_with(name, ".tf.json") || ends_with(name, ".tfvars") ||
         ends_with(name, ".tfvars.json") || ends_with(name, ".yaml") || ends_with(name, ".yml") ||
         ends_with(name, ".json") || ends_with(name, ".template");
}

std::string display_path(const fs::path& path, const fs::path& base) {
  return display_of_absolute(absolute_normal(path), absolute_normal(base));
}

DiscoveryResult discover_files(const std::vector<fs::path>& roots, const fs::path& display_base,
                               const DiscoveryOptions& options) {
  DiscoveryResult result;
  Walker walker(display_base, options, result);
  for (const auto& root : roots) walker.walk_root(root);
  std::stable_sort(result.files.begin(), result.files.end(),
                   [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.display < b.display; });
  std::set<fs::path> seen;
  std::vector<DiscoveredFile> unique;
  for (auto& file : result.files) {
    if (seen.insert(file.canonical).second) unique.push_back(std::move(file));
  }
  result.files = std::move(unique);
  return result;
}

}  // namespace gclint::scan
