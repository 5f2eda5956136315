#include "expectation_parser.h"

#include <charconv>

namespace gclint::fixture_runner {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Parses `ID[, ID] ["message"]`; returns false with `error` set when malformed.
bool parse_ids_and_message(std::string_view text, std::vector<std::string>& ids, std::string& message,
                           std::string& error) {
  text = trim(text);
  size_t quote = text.find('"');
  std::string_view id_part = text.substr(0, quote);
  if (quote != std::string_view::npos) {
    size_t close = text.rfind('"');
    if (close == quote) {
      error = "unterminated message quote";
      return false;
    }
    message = std::string(text.substr(quote + 1, close - quote - 1));
    if (!trim(text.substr(close + 1)).empty()) {
      error = "unexpected text after the quoted message";
      return false;
    }
  }
  size_t pos = 0;
  while (pos <= id_part.size()) {
    size_t comma = id_part.find(',', pos);
    if (comma == std::string_view::npos) comma = id_part.size();
    std::string_view id = trim(id_part.substr(pos, comma - pos));
    if (!id.empty() || comma < id_part.size()) {
      if (!is_check_id(id)) {
        error = "'" + std::string(id) + "' is not a check ID";
        return false;
      }
      ids.emplace_back(id);
    }
    pos = comma + 1;
  }
  if (ids.empty()) {
    error = "no check ID";
    return false;
  }
  return true;
}

}  // namespace

bool is_check_id(std::string_view text) {
  // PREFIX-FAM-NNN
  size_t first = text.find('-');
  size_t second = first == std::string_view::npos ? first : text.find('-', first + 1);
  if (first == 0 || second == std::string_view::npos || second == first + 1) return false;
  std::string_view digits = text.substr(second + 1);
  if (digits.size() != 3) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  for (char c : text.substr(0, second)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::vector<Expectation> parse_inline_expectations(std::string_view file, std::string_view content,
                                                   std::vector<std::string>& errors) {
  std::vector<Expectation> out;
  uint32_t line = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    ++line;
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view text = content.substr(pos, end - pos);
    pos = end + 1;
    for (std::string_view marker : {"expect-next-line:", "expect:"}) {
      size_t at = text.find(marker);
      if (at == std::string_view::npos) continue;
      // Only inside a comment: '#' or '//' right before the marker.
      std::string_view before = trim(text.substr(0, at));
      bool comment =
          (!before.empty() && before.back() == '#') || (before.size() >= 2 && before.substr(before.size() - 2) == "//");
      if (!comment) continue;
      std::vector<std::string> ids;
      std::string message;
      std::string error;
      if (!parse_ids_and_message(text.substr(at + marker.size()), ids, message, error)) {
        errors.push_back(std::string(file) + ":" + std::to_string(line) + ": bad expectation: " + error);
        break;
      }
      uint32_t target = marker == "expect:" ? line : line + 1;
      for (auto& id : ids) out.push_back(Expectation{std::string(file), target, std::move(id), message});
      break;
    }
  }
  return out;
}

std::vector<SidecarEntry> parse_sidecar(std::string_view file, std::string_view content,
                                        std::vector<std::string>& errors) {
  std::vector<SidecarEntry> out;
  uint32_t line = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    ++line;
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view text = trim(content.substr(pos, end - pos));
    pos = end + 1;
    if (text.empty() || text.front() == '#') continue;
    size_t space = text.find_first_of(" \t");
    SidecarEntry entry;
    entry.sidecar_line = line;
    std::string error;
    if (space == std::string_view::npos || (text.front() != '/' && text.substr(0, space) != "\"\"")) {
      errors.push_back(std::string(file) + ":" + std::to_string(line) +
                       ": expected '<JSON Pointer> <ID>' (the pointer starts with '/')");
      continue;
    }
    entry.pointer = std::string(text.substr(0, space));
    if (entry.pointer == "\"\"") entry.pointer.clear();
    if (!parse_ids_and_message(text.substr(space + 1), entry.check_ids, entry.message, error)) {
      errors.push_back(std::string(file) + ":" + std::to_string(line) + ": bad expectation: " + error);
      continue;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

const model::Value* resolve_json_pointer(const model::Value& root, std::string_view pointer) {
  const model::Value* current = &root;
  if (pointer.empty()) return current;
  if (pointer.front() != '/') return nullptr;
  size_t pos = 1;
  while (true) {
    size_t slash = pointer.find('/', pos);
    std::string_view raw = pointer.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    std::string token;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token.push_back(raw[i + 1] == '0' ? '~' : '/');
        ++i;
      } else {
        token.push_back(raw[i]);
      }
    }
    if (current->is_map()) {
      current = current->get(token);
    } else if (current->is_list()) {
      size_t index = 0;
      auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
      if (token.empty() || ec != std::errc() || ptr != token.data() + token.size() || index >= current->items.size()) {
        return nullptr;
      }
      current = &current->items[index];
    } else {
      return nullptr;
    }
    if (current == nullptr) return nullptr;
    if (slash == std::string_view::npos) return current;
    pos = slash + 1;
  }
}

}  // namespace gclint::fixture_runner
