#include "model/source_set.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace gclint::model {
namespace {

bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

constexpr uint32_t kBlockBits = 12;

}  // namespace

SourceFile::SourceFile(uint32_t id, std::string path, std::string content)
    : id_(id), path_(std::move(path)), content_(std::move(content)) {
  // Every scanned byte passes through here once: memchr finds the line ends, and the code points of each block
  // are counted by a loop the compiler vectorizes.
  const char* data = content_.data();
  const size_t size = content_.size();
  // Exactly sized: a scan holds every file's table until it reports.
  line_starts_.reserve(static_cast<size_t>(std::count(data, data + size, '\n')) + 1);
  line_starts_.push_back(0);
  if (std::memchr(data, '\r', size) == nullptr) {
    for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', size_t(data + size - p)))); ++p) {
      line_starts_.push_back(static_cast<uint32_t>(p - data) + 1);
    }
  } else {
    for (uint32_t i = 0; i < size; ++i) {
      char c = data[i];
      if (c == '\n') {
        line_starts_.push_back(i + 1);
      } else if (c == '\r' && (i + 1 >= size || data[i + 1] != '\n')) {
        line_starts_.push_back(i + 1);  // a lone CR ends a line too (old Mac files)
      }
    }
    line_starts_.shrink_to_fit();
  }
  code_points_before_block_.reserve((size >> kBlockBits) + 1);
  uint32_t code_points = 0;
  for (size_t block = 0; block < size; block += size_t{1} << kBlockBits) {
    code_points_before_block_.push_back(code_points);
    size_t end = std::min(size, block + (size_t{1} << kBlockBits));
    uint32_t continuation = 0;
    for (size_t i = block; i < end; ++i) continuation += (static_cast<unsigned char>(data[i]) & 0xC0) == 0x80;
    code_points += static_cast<uint32_t>(end - block) - continuation;
  }
}

Position SourceFile::position(uint32_t byte_offset) const {
  byte_offset = std::min<uint32_t>(byte_offset, static_cast<uint32_t>(content_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  uint32_t line_index = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  uint32_t column = 1;
  uint32_t from = line_starts_[line_index];
  // A UTF-8 byte order mark is not a character the reader sees; line 1 starts after it.
  if (from == 0 && content_.size() >= 3 && content_.compare(0, 3, "\xEF\xBB\xBF") == 0)
    from = std::min(3u, byte_offset);
  auto code_points_before = [this](uint32_t offset) {
    uint32_t block =
        std::min<uint32_t>(offset >> kBlockBits, static_cast<uint32_t>(code_points_before_block_.size()) - 1);
    uint32_t count = code_points_before_block_[block];
    for (uint32_t i = block << kBlockBits; i < offset; ++i) {
      if (!is_continuation_byte(static_cast<unsigned char>(content_[i]))) ++count;
    }
    return count;
  };
  if (byte_offset - from <= (1u << kBlockBits)) {
    for (uint32_t i = from; i < byte_offset; ++i) {
      if (!is_continuation_byte(static_cast<unsigned char>(content_[i]))) ++column;
    }
  } else {
    column += code_points_before(byte_offset) - code_points_before(from);
  }
  return Position{line_index + 1, column};
}

uint32_t SourceFile::line_start(uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<uint32_t>(content_.size());
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(content_.size());
  std::string_view text(content_.data() + begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

uint32_t SourceFile::offset_of(uint32_t line, uint32_t column) const {
  uint32_t offset = line_start(line);
  std::string_view text = line_text(line);
  uint32_t col = 1;
  uint32_t i = 0;
  while (i < text.size() && col < column) {
    ++i;
    while (i < text.size() && is_continuation_byte(static_cast<unsigned char>(text[i]))) ++i;
    ++col;
  }
  return offset + i;
}

uint32_t SourceSet::add(std::string path, std::string content) {
  // The line index is built outside the lock; only the id is taken under it.
  auto file = std::make_unique<SourceFile>(0, std::move(path), std::move(content));
  std::lock_guard<std::mutex> lock(mutex_);
  auto id = static_cast<uint32_t>(files_.size());
  file->set_id(id);
  by_path_.emplace(file->path(), id);
  files_.push_back(std::move(file));
  return id;
}

const SourceFile& SourceSet::file(uint32_t id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (id >= files_.size()) throw std::out_of_range("unknown source file id");
  return *files_[id];
}

size_t SourceSet::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return files_.size();
}

uint32_t SourceSet::find(std::string_view path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_path_.find(path);
  return it == by_path_.end() ? Span::kNoFile : it->second;
}

Position SourceSet::begin_of(const Span& span) const {
  if (!span.valid()) return {};
  return file(span.file).position(span.begin);
}

Position SourceSet::end_of(const Span& span) const {
  if (!span.valid()) return {};
  return file(span.file).position(std::max(span.begin, span.end));
}

const std::string& SourceSet::path_of(const Span& span) const {
  static const std::string kNone;
  if (!span.valid()) return kNone;
  return file(span.file).path();
}

}  // namespace gclint::model
