#include "engine/suppression.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace gclint::engine {
namespace {

constexpr std::string_view kMarker = "gclint:ignore";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool valid_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

bool Suppression::covers(std::string_view check_id) const {
  return std::find(ids.begin(), ids.end(), check_id) != ids.end();
}

Suppression parse_suppression_text(std::string_view text) {
  Suppression s;
  text = trim(text);
  size_t pos = 0;
  // IDs: up to the first key=value.
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == ',' || text[pos] == '\t')) ++pos;
    size_t end = text.find_first_of(" ,\t", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(pos, end - pos);
    if (word.empty() || word.find('=') != std::string_view::npos) break;
    s.ids.emplace_back(word);
    pos = end;
  }
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    size_t eq = text.find('=', pos);
    if (eq == std::string_view::npos) break;
    std::string_view key = trim(text.substr(pos, eq - pos));
    pos = eq + 1;
    std::string value;
    if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
      char quote = text[pos];
      size_t close = text.find(quote, pos + 1);
      if (close == std::string_view::npos) close = text.size();
      value = std::string(text.substr(pos + 1, close - pos - 1));
      pos = close + 1;
    } else if (key == "reason") {
      size_t until = text.find(" until=", pos);
      size_t end = until == std::string_view::npos ? text.size() : until;
      value = std::string(trim(text.substr(pos, end - pos)));
      pos = end;
    } else {
      size_t end = text.find_first_of(" \t", pos);
      if (end == std::string_view::npos) end = text.size();
      value = std::string(text.substr(pos, end - pos));
      pos = end;
    }
    if (key == "reason") {
      s.reason = value;
    } else if (key == "until") {
      s.until = value;
    }
  }
  return s;
}

std::vector<Suppression> inline_suppressions(const model::SourceFile& file) {
  std::vector<Suppression> out;
  const std::string& content = file.content();
  for (size_t at = content.find(kMarker); at != std::string::npos; at = content.find(kMarker, at + 1)) {
    // Only in a comment: a '#' or '//' earlier on the same line, with nothing but spaces before the marker.
    size_t line_begin = content.rfind('\n', at);
    line_begin = line_begin == std::string::npos ? 0 : line_begin + 1;
    std::string_view before(content.data() + line_begin, at - line_begin);
    std::string_view head = trim(before);
    bool comment = false;
    if (head.size() >= 1 && head.back() == '#') comment = true;
    if (head.size() >= 2 && head.substr(head.size() - 2) == "//") comment = true;
    if (!comment) continue;
    size_t line_end = content.find('\n', at);
    if (line_end == std::string::npos) line_end = content.size();
    size_t text_begin = at + kMarker.size();
    Suppression s = parse_suppression_text(std::string_view(content).substr(text_begin, line_end - text_begin));
    size_t comment_begin = line_begin + before.rfind(head.back() == '#' ? "#" : "//");
    s.span = model::Span{file.id(), static_cast<uint32_t>(comment_begin), static_cast<uint32_t>(line_end)};
    s.file = file.id();
    s.line = file.position(static_cast<uint32_t>(at)).line;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Suppression> metadata_suppressions(const model::Resource& resource) {
  std::vector<Suppression> out;
  const model::Value& metadata = resource.metadata;
  if (!metadata.is_map()) return out;
  if (resource.format == model::Format::kCloudFormation) {
    const model::Value* gclint = metadata.get("gclint");
    const model::Value* ignore = gclint ? gclint->get("ignore") : nullptr;
    if (ignore == nullptr) return out;
    std::vector<const model::Value*> items;
    if (ignore->is_list()) {
      for (const auto& item : ignore->items) items.push_back(&item);
    } else {
      items.push_back(ignore);
    }
    for (const model::Value* item : items) {
      Suppression s;
      s.span = item->span.valid() ? item->span : resource.span;
      s.resource = resource.address;
      s.file = resource.span.file;
      if (item->is_string()) {
        s.ids.push_back(item->text);
      } else if (item->is_map()) {
        const model::Value* id = item->get("id");
        if (id && id->is_string()) s.ids.push_back(id->text);
        if (id && id->is_list()) {
          for (const auto& v : id->items) {
            if (v.is_string()) s.ids.push_back(v.text);
          }
        }
        const model::Value* reason = item->get("reason");
        if (reason && reason->is_string()) s.reason = reason->text;
        const model::Value* until = item->get("until");
        if (until && until->is_known() && !until->is_null()) s.until = until->to_display();
      }
      out.push_back(std::move(s));
    }
    return out;
  }
  if (resource.format == model::Format::kKubernetes) {
    const model::Value* annotation = metadata.get("gclint.io/ignore");
    if (annotation == nullptr || !annotation->is_string()) return out;
    // Several suppressions may share the annotation, one per line or separated by ';'.
    std::string_view text = annotation->text;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t end = text.find_first_of(";\n", pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view part = trim(text.substr(pos, end - pos));
      if (!part.empty()) {
        Suppression s = parse_suppression_text(part);
        s.span = annotation->span.valid() ? annotation->span : resource.span;
        s.resource = resource.address;
        s.file = resource.span.file;
        out.push_back(std::move(s));
      }
      pos = end + 1;
    }
  }
  return out;
}

void validate_suppression(Suppression& s, std::string_view today) {
  if (s.ids.empty()) {
    s.problem = "names no check ID";
  } else if (trim(s.reason).empty()) {
    s.problem = "has no reason";
  } else if (!s.until.empty() && !valid_date(s.until)) {
    s.problem = "has an invalid until date '" + s.until + "' (use YYYY-MM-DD)";
  } else if (!s.until.empty() && s.until < today) {
    s.problem = "expired on " + s.until;
  }
}

std::string today_utc() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

}  // namespace gclint::engine
