#include "scan/format_sniffer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "terraform/plan_loader.h"

namespace gclint::scan {
namespace fs = std::filesystem;
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// True when some line (after indentation, an optional list dash and an optional quote) starts with `key`
// followed by an optional quote and a colon: `kind: Deployment`, `  "kind": "Pod"`, `- apiVersion: v1`.
bool has_key_line(std::string_view content, std::string_view key) {
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    size_t i = 0;
    while (i < line.size() && (is_space(line[i]) || line[i] == '-' || line[i] == '{' || line[i] == ',')) ++i;
    if (i < line.size() && line[i] == '"') ++i;
    if (line.substr(i, key.size()) == key) {
      i += key.size();
      if (i < line.size() && line[i] == '"') ++i;
      while (i < line.size() && is_space(line[i])) ++i;
      if (i < line.size() && line[i] == ':') return true;
    }
    pos = end + 1;
  }
  return false;
}

// JSON documents may put every key on one line: look for `"key"` followed by a colon anywhere.
bool has_json_key(std::string_view content, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t pos = 0;
  while ((pos = content.find(quoted, pos)) != std::string_view::npos) {
    size_t i = pos + quoted.size();
    while (i < content.size() && (is_space(content[i]) || content[i] == '\n')) ++i;
    if (i < content.size() && content[i] == ':') return true;
    pos = i;
  }
  return false;
}

bool looks_like_json(std::string_view content) {
  size_t i = content.find_first_not_of(" \t\r\n");
  if (content.substr(0, 3) == "\xEF\xBB\xBF") i = content.find_first_not_of(" \t\r\n", 3);
  return i != std::string_view::npos && (content[i] == '{' || content[i] == '[');
}

bool has_key(std::string_view content, std::string_view key) {
  return looks_like_json(content) ? has_json_key(content, key) : has_key_line(content, key);
}

bool has_aws_type(std::string_view content) {
  size_t pos = 0;
  while ((pos = content.find("Type", pos)) != std::string_view::npos) {
    size_t i = pos + 4;
    if (i < content.size() && content[i] == '"') ++i;
    while (i < content.size() && is_space(content[i])) ++i;
    if (i < content.size() && content[i] == ':') {
      ++i;
      while (i < content.size() && is_space(content[i])) ++i;
      if (i < content.size() && (content[i] == '"' || content[i] == '\'')) ++i;
      if (content.substr(i, 5) == "AWS::") return true;
    }
    pos += 4;
  }
  return false;
}

bool is_local_source(std::string_view source) {
  return source.starts_with("./") || source.starts_with("../") || source == "." || source == "..";
}

// Removes #, // and /* */ comments outside strings so that the block scan below sees only code. Text between the
// characters that matter is copied in runs: this runs over every Terraform file a scan discovers.
std::string strip_hcl_comments(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t k = i;
    while (k < text.size() && text[k] != '"' && text[k] != '#' && text[k] != '/') ++k;
    out.append(text.substr(i, k - i));
    if (k == text.size()) break;
    char c = text[k];
    if (c == '"') {
      // A string runs to its closing quote or the end of its line; an escaped character is kept with its backslash.
      size_t j = k + 1;
      while (j < text.size()) {
        while (j < text.size() && text[j] != '\\' && text[j] != '"' && text[j] != '\n') ++j;
        if (j == text.size()) break;
        if (text[j] == '\\') {
          j = std::min(j + 2, text.size());
          continue;
        }
        ++j;
        break;
      }
      out.append(text.substr(k, j - k));
      i = j;
    } else if (c == '#' || (k + 1 < text.size() && text[k + 1] == '/')) {
      size_t end = text.find('\n', k);
      i = end == std::string_view::npos ? text.size() : end + 1;
      out.push_back('\n');
    } else if (k + 1 < text.size() && text[k + 1] == '*') {
      size_t close = text.find("*/", k + 2);
      i = close == std::string_view::npos ? text.size() : close + 2;
      out.push_back(' ');
    } else {
      out.push_back(c);
      i = k + 1;
    }
  }
  return out;
}

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Finds `module "name" {` blocks and the top-level `source = "…"` inside each.
std::vector<std::string> hcl_module_sources(std::string_view raw) {
  // Removing comments never joins text into a new word, so a file without "module" calls none.
  if (raw.find("module") == std::string_view::npos) return {};
  std::string text = strip_hcl_comments(raw);
  std::vector<std::string> sources;
  size_t pos = 0;
  while ((pos = text.find("module", pos)) != std::string::npos) {
    bool word_start = pos == 0 || !is_ident_char(text[pos - 1]);
    size_t i = pos + 6;
    pos = i;
    if (!word_start) continue;
    while (i < text.size() && (is_space(text[i]) || text[i] == '\n')) ++i;
    if (i >= text.size() || text[i] != '"') continue;
    size_t label_end = text.find('"', i + 1);
    if (label_end == std::string::npos) break;
    i = label_end + 1;
    while (i < text.size() && (is_space(text[i]) || text[i] == '\n')) ++i;
    if (i >= text.size() || text[i] != '{') continue;
    // Walk the block body, tracking depth and strings; look for `source` at depth 1.
    int depth = 1;
    size_t j = i + 1;
    bool line_start = true;
    while (j < text.size() && depth > 0) {
      char c = text[j];
      if (c == '"') {
        size_t close = j + 1;
        while (close < text.size() && text[close] != '"' && text[close] != '\n') {
          if (text[close] == '\\') ++close;
          ++close;
        }
        j = close + 1;
        line_start = false;
        continue;
      }
      if (c == '{' || c == '[' || c == '(') ++depth;
      if (c == '}' || c == ']' || c == ')') --depth;
      if (c == '\n') {
        line_start = true;
        ++j;
        continue;
      }
      if (is_space(c)) {
        ++j;
        continue;
      }
      if (line_start && depth == 1 && text.compare(j, 6, "source") == 0 &&
          (j + 6 >= text.size() || !is_ident_char(text[j + 6]))) {
        size_t k = j + 6;
        while (k < text.size() && is_space(text[k])) ++k;
        if (k < text.size() && text[k] == '=') {
          ++k;
          while (k < text.size() && is_space(text[k])) ++k;
          if (k < text.size() && text[k] == '"') {
            size_t close = text.find('"', k + 1);
            if (close != std::string::npos) sources.push_back(text.substr(k + 1, close - k - 1));
          }
        }
      }
      line_start = false;
      ++j;
    }
    pos = j;
  }
  return sources;
}

std::vector<std::string> json_module_sources(std::string_view text) {
  std::vector<std::string> sources;
  auto doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return sources;
  auto collect = [&sources](const nlohmann::json& block) {
    if (block.is_object() && block.contains("source") && block["source"].is_string()) {
      sources.push_back(block["source"].get<std::string>());
    }
  };
  auto modules = doc.find("module");
  if (modules == doc.end()) return sources;
  // Both {"module": {"name": {...}}} and {"module": [{"name": {...}}]} occur.
  auto visit = [&collect](const nlohmann::json& group) {
    if (!group.is_object()) return;
    for (const auto& [name, body] : group.items()) {
      if (body.is_array()) {
        for (const auto& item : body) collect(item);
      } else {
        collect(body);
      }
    }
  };
  if (modules->is_array()) {
    for (const auto& group : *modules) visit(group);
  } else {
    visit(*modules);
  }
  return sources;
}

}  // namespace

FileKind sniff_file(std::string_view name, std::string_view content) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);  // a UTF-8 BOM is not content
  if (ends_with(name, ".tf") || ends_with(name, ".tf.json")) return FileKind::kTerraform;
  if (ends_with(name, ".tfvars") || ends_with(name, ".tfvars.json")) return FileKind::kTerraformVars;
  if (terraform::looks_like_plan(content)) return FileKind::kTerraformPlan;
  if (content.find("AWSTemplateFormatVersion") != std::string_view::npos) return FileKind::kCloudFormation;
  if (has_key(content, "Resources") && has_aws_type(content)) return FileKind::kCloudFormation;
  if (has_key(content, "apiVersion") && has_key(content, "kind")) return FileKind::kKubernetes;
  return FileKind::kIgnored;
}

std::vector<fs::path> local_module_calls(const fs::path& dir, std::string_view file_name, std::string_view content) {
  std::vector<std::string> sources =
      ends_with(file_name, ".json") ? json_module_sources(content) : hcl_module_sources(content);
  std::vector<fs::path> dirs;
  for (const auto& source : sources) {
    if (is_local_source(source)) dirs.push_back((dir / source).lexically_normal());
  }
  for (auto& d : dirs) {
    // "a/b/" normalizes with a trailing empty element; drop it so that paths compare equal.
    if (!d.empty() && !d.has_filename()) d = d.parent_path();
  }
  return dirs;
}

std::vector<fs::path> root_module_dirs(const std::map<fs::path, std::vector<fs::path>>& calls) {
  std::set<fs::path> called;
  for (const auto& [dir, targets] : calls) {
    for (const auto& target : targets) {
      if (target != dir && calls.count(target)) called.insert(target);
    }
  }
  std::vector<fs::path> roots;
  std::set<fs::path> reached;
  auto reach = [&](const fs::path& start) {
    std::vector<fs::path> stack{start};
    while (!stack.empty()) {
      fs::path dir = stack.back();
      stack.pop_back();
      if (!reached.insert(dir).second) continue;
      auto it = calls.find(dir);
      if (it == calls.end()) continue;
      for (const auto& target : it->second) {
        if (calls.count(target)) stack.push_back(target);
      }
    }
  };
  for (const auto& [dir, targets] : calls) {
    if (!called.count(dir)) {
      roots.push_back(dir);
      reach(dir);
    }
  }
  for (const auto& [dir, targets] : calls) {
    if (!reached.count(dir)) {
      roots.push_back(dir);
      reach(dir);
    }
  }
  std::sort(roots.begin(), roots.end());
  return roots;
}

}  // namespace gclint::scan
