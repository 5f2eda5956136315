#include "report/json_text.h"

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "syntax/utf8.h"

namespace gclint::report {

namespace {

/// True when one of the eight bytes at `p` is a control character, a quote or a backslash. The word tests
/// (`(v - n·0x01) & ~v & 0x80…`: some byte of v is below n, for n ≤ 0x80) are exact for the word as a whole.
bool needs_escape(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  auto zero_byte = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  uint64_t control = (w - kOnes * 0x20) & ~w & kHigh;
  return (control | zero_byte(w ^ (kOnes * '"')) | zero_byte(w ^ (kOnes * '\\'))) != 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  if (!syntax::is_valid_utf8(text)) {
    // Rare: nlohmann's own replacement rules, so that the bytes match a dump() of the same string.
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t plain = 0;  // start of the run not yet copied
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    while (i + 8 <= n && !needs_escape(text.data() + i)) i += 8;
    // Fewer than eight bytes left: the last eight bytes of the text hold them all.
    if (i >= n || (i + 8 > n && n >= 8 && !needs_escape(text.data() + n - 8))) break;
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

JsonObjectText::JsonObjectText(std::string& out, size_t indent) : out_(out), indent_(indent) { out_ += '{'; }

void JsonObjectText::member(std::string_view key) {
  out_ += empty_ ? "\n" : ",\n";
  empty_ = false;
  out_.append(indent_ + 2, ' ');
  append_json_string(out_, key);
  out_ += ": ";
}

JsonObjectText& JsonObjectText::string(std::string_view key, std::string_view value) {
  member(key);
  append_json_string(out_, value);
  return *this;
}

JsonObjectText& JsonObjectText::number(std::string_view key, uint64_t value) {
  member(key);
  out_ += std::to_string(value);
  return *this;
}

JsonObjectText& JsonObjectText::boolean(std::string_view key, bool value) {
  member(key);
  out_ += value ? "true" : "false";
  return *this;
}

JsonObjectText& JsonObjectText::strings(std::string_view key, std::span<const std::string> values) {
  member(key);
  if (values.empty()) {
    out_ += "[]";
    return *this;
  }
  out_ += '[';
  for (size_t i = 0; i < values.size(); ++i) {
    out_ += i == 0 ? "\n" : ",\n";
    out_.append(indent_ + 4, ' ');
    append_json_string(out_, values[i]);
  }
  out_ += '\n';
  out_.append(indent_ + 2, ' ');
  out_ += ']';
  return *this;
}

JsonObjectText JsonObjectText::object(std::string_view key) {
  member(key);
  return JsonObjectText(out_, indent_ + 2);
}

JsonArrayText JsonObjectText::objects(std::string_view key) {
  member(key);
  return JsonArrayText(out_, indent_ + 2);
}

JsonArrayText::JsonArrayText(std::string& out, size_t indent) : out_(out), indent_(indent) { out_ += '['; }

JsonObjectText JsonArrayText::object() {
  out_ += empty_ ? "\n" : ",\n";
  empty_ = false;
  out_.append(indent_ + 2, ' ');
  return JsonObjectText(out_, indent_ + 2);
}

void JsonArrayText::close() {
  if (empty_) {
    out_ += ']';
    return;
  }
  out_ += '\n';
  out_.append(indent_, ' ');
  out_ += ']';
}

void JsonObjectText::close() {
  if (empty_) {
    out_ += '}';
    return;
  }
  out_ += '\n';
  out_.append(indent_, ' ');
  out_ += '}';
}

}  // namespace gclint::report
