#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/span.h"

namespace gclint::model {

/// One input file: its display path (relative to the scan root), its bytes and a line index.
class SourceFile {
 public:
  SourceFile(uint32_t id, std::string path, std::string content);

  uint32_t id() const { return id_; }
  void set_id(uint32_t id) { id_ = id; }
  const std::string& path() const { return path_; }
  const std::string& content() const { return content_; }

  /// Line and code-point column of a byte offset (clamped to the file).
  Position position(uint32_t byte_offset) const;
  /// Byte offset of the start of a 1-based line (clamped).
  uint32_t line_start(uint32_t line) const;
  /// Text of a 1-based line without its line terminator.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// Byte offset of a 1-based line and 1-based code-point column.
  uint32_t offset_of(uint32_t line, uint32_t column) const;

 private:
  uint32_t id_;
  std::string path_;
  std::string content_;
  std::vector<uint32_t> line_starts_;
  // Code points before each 4 KiB block, so that a column on a very long line (a plan or template written on one
  // line) costs at most two blocks instead of the whole line.
  std::vector<uint32_t> code_points_before_block_;
};

/// Registry of every file read during a scan. Thread-safe; references stay valid for its lifetime.
class SourceSet {
 public:
  /// Registers a file and returns its id. Paths are display paths (relative to the scan root).
  uint32_t add(std::string path, std::string content);
  const SourceFile& file(uint32_t id) const;
  size_t size() const;
  /// Id of an already registered path, or Span::kNoFile.
  uint32_t find(std::string_view path) const;

  Span span(uint32_t file, uint32_t begin, uint32_t end) const { return Span{file, begin, end}; }
  Position begin_of(const Span& span) const;
  Position end_of(const Span& span) const;
  const std::string& path_of(const Span& span) const;

 private:
  struct PathHash {
    using is_transparent = void;
    size_t operator()(std::string_view path) const { return std::hash<std::string_view>{}(path); }
  };
  mutable std::mutex mutex_;
  std::deque<std::unique_ptr<SourceFile>> files_;
  /// First file registered under each path.
  std::unordered_map<std::string, uint32_t, PathHash, std::equal_to<>> by_path_;
};

}  // namespace gclint::model
