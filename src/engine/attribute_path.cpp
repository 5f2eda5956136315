#include "engine/attribute_path.h"

#include <charconv>

#include "engine/spelling.h"

namespace gclint::engine {

const std::vector<std::string_view>& special_path_names() {
  static const std::vector<std::string_view> names = {"type",   "name",   "address",         "tier",
                                                      "zone",   "region", "provider",        "namespace",
                                                      "format", "tags",   "deletion_policy", "update_replace_policy"};
  return names;
}

namespace {

void collect(const AttributePath& path, const model::Value& v, size_t step, int depth,
             std::vector<const model::Value*>& out) {
  if (depth > 256) return;
  if (step == path.steps.size() || v.is_unknown()) {
    out.push_back(&v);
    return;
  }
  const AttributePath::Step& s = path.steps[step];
  if (s.index >= 0) {
    if (v.is_list() && static_cast<size_t>(s.index) < v.items.size()) {
      collect(path, v.items[static_cast<size_t>(s.index)], step + 1, depth + 1, out);
    }
  } else if (v.is_map()) {
    if (const model::Value* child = v.get(s.key)) collect(path, *child, step + 1, depth + 1, out);
  } else if (v.is_list()) {
    for (const auto& item : v.items) collect(path, item, step, depth + 1, out);
  }
}

}  // namespace

void collect_path_values(const AttributePath& path, const model::Value& start, std::vector<const model::Value*>& out) {
  collect(path, start, 0, 0, out);
}

std::string AttributePath::suffix_text(size_t from) const {
  std::string out;
  for (size_t i = from; i < steps.size(); ++i) {
    const Step& step = steps[i];
    if (step.index >= 0) {
      out += "[" + std::to_string(step.index) + "]";
      continue;
    }
    if (!out.empty()) out += ".";
    bool plain = !step.key.empty() && step.key.find_first_of(".[]\"/ ") == std::string::npos;
    out += plain ? step.key : "\"" + step.key + "\"";
  }
  return out;
}

std::optional<AttributePath> parse_attribute_path(std::string_view text, std::string& error) {
  AttributePath path;
  path.text = std::string(text);
  if (text.empty()) {
    error = "empty path";
    return std::nullopt;
  }
  if (text == ".") return path;
  if (text.front() == '$') {
    std::string_view rest = text.substr(1);
    size_t dot = rest.find('.');
    std::string_view name = rest.substr(0, dot);
    bool known = false;
    for (std::string_view n : special_path_names()) known = known || n == name;
    if (!known) {
      std::vector<std::string> dollar;
      for (std::string_view n : special_path_names()) dollar.push_back("$" + std::string(n));
      std::vector<std::string_view> names(dollar.begin(), dollar.end());
      error = unknown_word_message("special path", "$" + std::string(name), names);
      return std::nullopt;
    }
    path.special = std::string(name);
    if (name == "tags") {
      if (dot == std::string_view::npos || dot + 1 >= rest.size()) {
        error = "$tags needs a key: $tags.<key>";
        return std::nullopt;
      }
      std::string_view key = rest.substr(dot + 1);
      if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
      path.special_arg = std::string(key);
    } else if (dot != std::string_view::npos) {
      error = "special path $" + std::string(name) + " takes no key";
      return std::nullopt;
    }
    return path;
  }
  size_t i = 0;
  bool expect_key = true;
  while (i < text.size()) {
    char c = text[i];
    if (c == '[') {
      size_t close = text.find(']', i);
      if (close == std::string_view::npos) {
        error = "unclosed '[' in path '" + std::string(text) + "'";
        return std::nullopt;
      }
      std::string_view digits = text.substr(i + 1, close - i - 1);
      int32_t index = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || index < 0) {
        error = "list index must be a non-negative integer in path '" + std::string(text) + "'";
        return std::nullopt;
      }
      if (path.steps.empty() && expect_key) {
        error = "path '" + std::string(text) + "' starts with an index";
        return std::nullopt;
      }
      path.steps.push_back({"", index});
      i = close + 1;
      expect_key = false;
      continue;
    }
    if (c == '.') {
      if (expect_key) {
        error = "empty key in path '" + std::string(text) + "'";
        return std::nullopt;
      }
      expect_key = true;
      ++i;
      if (i == text.size()) {
        error = "path '" + std::string(text) + "' ends with '.'";
        return std::nullopt;
      }
      continue;
    }
    if (!expect_key) {
      error = "expected '.' or '[' in path '" + std::string(text) + "'";
      return std::nullopt;
    }
    if (c == '"') {
      size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) {
        error = "unclosed quote in path '" + std::string(text) + "'";
        return std::nullopt;
      }
      path.steps.push_back({std::string(text.substr(i + 1, close - i - 1)), -1});
      i = close + 1;
    } else {
      size_t end = text.find_first_of(".[", i);
      if (end == std::string_view::npos) end = text.size();
      path.steps.push_back({std::string(text.substr(i, end - i)), -1});
      i = end;
    }
    expect_key = false;
  }
  return path;
}

}  // namespace gclint::engine
