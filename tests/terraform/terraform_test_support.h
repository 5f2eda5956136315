#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "model/parse_result.h"
#include "model/source_set.h"
#include "terraform/module_loader.h"

namespace gclint::terraform::testing {

/// A fresh directory under the system temp dir, removed at destruction.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("gclint-tf-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  void write(const std::string& rel, const std::string& content) const {
    auto p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }

 private:
  std::filesystem::path path_;
};

/// Loads `files` (relative path -> content) as a root module in `dir` (relative to the temp root).
struct Loaded {
  TempDir dir;
  model::SourceSet sources;
  model::ParseResult result;

  const model::Resource* find(const std::string& address) const {
    for (const auto& r : result.resources) {
      if (r.address == address) return &r;
    }
    return nullptr;
  }
  std::string diagnostics() const {
    std::string out;
    for (const auto& d : result.diagnostics) out += d.message + "\n";
    return out;
  }
  model::Position begin(const model::Span& s) const { return sources.begin_of(s); }
  std::string text(const model::Span& s) const {
    return sources.file(s.file).content().substr(s.begin, s.end - s.begin);
  }
};

inline std::unique_ptr<Loaded> load(const std::map<std::string, std::string>& files, LoadOptions options = {},
                                    const std::string& root = ".") {
  auto out = std::make_unique<Loaded>();
  for (const auto& [path, content] : files) out->dir.write(path, content);
  if (options.scan_root.empty()) options.scan_root = out->dir.path();
  out->result = load_root_module(out->sources, out->dir.path() / root, options);
  return out;
}

}  // namespace gclint::terraform::testing
