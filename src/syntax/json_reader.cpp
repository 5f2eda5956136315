#include "syntax/json_reader.h"

#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>
#include <utility>

#include "syntax/utf8.h"

namespace gclint::syntax {
namespace {

using model::Value;

// A list or map under construction, with the member key waiting for its value.
struct Frame {
  Value value;
  std::string key;
  uint32_t key_begin = 0;
  // Built once a map grows past a few members, so duplicate detection stays linear overall.
  std::unordered_map<std::string, size_t> index;
};

constexpr size_t kIndexThreshold = 8;

class JsonParser {
 public:
  JsonParser(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics, const JsonReadOptions& options)
      : file_(file), text_(file.content()), diagnostics_(diagnostics), options_(options) {}

  std::optional<Value> parse();

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  unsigned char peek() const { return static_cast<unsigned char>(text_[pos_]); }
  void skip_whitespace();
  model::Span span(size_t begin, size_t end) const {
    return model::Span{file_.id(), static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  }
  // Records a syntax error at `at` and returns false so callers can `return fail(...)`.
  bool fail(size_t at, std::string message);
  bool parse_string(std::string& out);
  bool parse_number(Value& out);
  bool parse_literal(Value& out);
  bool parse_key(Frame& frame);
  bool open_container(bool is_map);
  // Hands a finished value to its parent (or makes it the root).
  void complete(Value value);
  void add_member(Frame& frame, Value value);

  const model::SourceFile& file_;
  const std::string& text_;
  std::vector<model::Diagnostic>& diagnostics_;
  const JsonReadOptions& options_;
  size_t pos_ = 0;
  std::vector<Frame> stack_;
  std::optional<Value> root_;
};

bool JsonParser::fail(size_t at, std::string message) {
  size_t end = at < text_.size() ? at + 1 : at;
  diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span(at, end), std::move(message)});
  return false;
}

void JsonParser::skip_whitespace() {
  while (!at_end()) {
    char c = text_[pos_];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
    ++pos_;
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of the well-formed UTF-8 sequence starting at s[i] (Unicode Table 3-7), or 0 when ill-formed.
size_t utf8_sequence_length(const std::string& s, size_t i) {
  auto byte = [&](size_t k) -> unsigned { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100; };
  unsigned b0 = byte(i);
  auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  if (b0 < 0x80) return 1;
  if (in(b0, 0xC2, 0xDF)) return in(byte(i + 1), 0x80, 0xBF) ? 2 : 0;
  if (in(b0, 0xE0, 0xEF)) {
    unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;
    unsigned hi = b0 == 0xED ? 0x9F : 0xBF;  // 0xED A0..BF would encode a surrogate
    return in(byte(i + 1), lo, hi) && in(byte(i + 2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;
    unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return in(byte(i + 1), lo, hi) && in(byte(i + 2), 0x80, 0xBF) && in(byte(i + 3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

bool JsonParser::parse_string(std::string& out) {
  // pos_ is at the opening quote.
  ++pos_;
  while (true) {
    if (at_end()) return fail(pos_, "unterminated string");
    unsigned char c = peek();
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c < 0x20) return fail(pos_, "control character in string; escape it");
    if (c == '\\') {
      size_t escape_begin = pos_;
      ++pos_;
      if (at_end()) return fail(pos_, "unterminated string");
      char e = text_[pos_++];
      switch (e) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          auto read_hex4 = [&](uint32_t& cp) {
            if (pos_ + 4 > text_.size()) return false;
            cp = 0;
            for (int k = 0; k < 4; ++k) {
              int d = hex_digit(text_[pos_ + k]);
              if (d < 0) return false;
              cp = cp * 16 + static_cast<uint32_t>(d);
            }
            pos_ += 4;
            return true;
          };
          uint32_t cp = 0;
          if (!read_hex4(cp)) return fail(escape_begin, "invalid \\u escape; expected four hex digits");
          if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(escape_begin, "unpaired low surrogate in \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            size_t low_begin = pos_;
            uint32_t low = 0;
            if (pos_ + 2 > text_.size() || text_[pos_] != '\\' || text_[pos_ + 1] != 'u') {
              return fail(escape_begin, "unpaired high surrogate in \\u escape");
            }
            pos_ += 2;
            if (!read_hex4(low)) return fail(low_begin, "invalid \\u escape; expected four hex digits");
            if (low < 0xDC00 || low > 0xDFFF) return fail(escape_begin, "unpaired high surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          return fail(escape_begin, std::string("invalid escape '\\") + e + "' in string");
      }
      continue;
    }
    size_t n = utf8_sequence_length(text_, pos_);
    if (n == 0) return fail(pos_, "invalid UTF-8 in string");
    out.append(text_, pos_, n);
    pos_ += n;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool JsonParser::parse_number(Value& out) {
  size_t begin = pos_;
  auto digit_here = [&] { return !at_end() && is_digit(text_[pos_]); };
  if (text_[pos_] == '-') ++pos_;
  if (!digit_here()) return fail(pos_, "invalid number; expected a digit");
  if (text_[pos_] == '0') {
    ++pos_;
    if (digit_here()) return fail(pos_, "invalid number; leading zeros are not allowed");
  } else {
    while (digit_here()) ++pos_;
  }
  if (!at_end() && text_[pos_] == '.') {
    ++pos_;
    if (!digit_here()) return fail(pos_, "invalid number; expected a digit after '.'");
    while (digit_here()) ++pos_;
  }
  if (!at_end() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    if (!at_end() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (!digit_here()) return fail(pos_, "invalid number; expected a digit in the exponent");
    while (digit_here()) ++pos_;
  }
  double number = 0;
  auto [ptr, ec] = std::from_chars(text_.data() + begin, text_.data() + pos_, number);
  if (ec == std::errc::result_out_of_range) {
    // Underflow rounds to zero; overflow has no finite double and is refused (RFC 8259 §9 allows limits).
    size_t e = text_.find_first_of("eE", begin);
    bool negative_exponent = e < pos_ && text_[e + 1] == '-';
    if (!negative_exponent) return fail(begin, "number out of range");
    number = text_[begin] == '-' ? -0.0 : 0.0;
  } else if (ec != std::errc() || ptr != text_.data() + pos_) {
    return fail(begin, "invalid number");
  }
  out = Value::of_number(number, span(begin, pos_));
  return true;
}

bool JsonParser::parse_literal(Value& out) {
  size_t begin = pos_;
  auto match = [&](std::string_view word) { return text_.compare(pos_, word.size(), word) == 0; };
  if (match("true")) {
    pos_ += 4;
    out = Value::of_bool(true, span(begin, pos_));
  } else if (match("false")) {
    pos_ += 5;
    out = Value::of_bool(false, span(begin, pos_));
  } else if (match("null")) {
    pos_ += 4;
    out = Value::null(span(begin, pos_));
  } else {
    return fail(begin, "unexpected character; expected a JSON value");
  }
  return true;
}

bool JsonParser::parse_key(Frame& frame) {
  skip_whitespace();
  if (at_end() || peek() != '"') return fail(pos_, "expected a string key");
  frame.key_begin = static_cast<uint32_t>(pos_);
  frame.key.clear();
  if (!parse_string(frame.key)) return false;
  skip_whitespace();
  if (at_end() || peek() != ':') return fail(pos_, "expected ':' after object key");
  ++pos_;
  return true;
}

bool JsonParser::open_container(bool is_map) {
  if (stack_.size() >= options_.max_depth) {
    return fail(pos_, "nesting deeper than " + std::to_string(options_.max_depth) + " levels");
  }
  Frame frame;
  frame.value = is_map ? Value::map(span(pos_, pos_)) : Value::list(span(pos_, pos_));
  stack_.push_back(std::move(frame));
  ++pos_;
  return true;
}

void JsonParser::add_member(Frame& frame, Value value) {
  Value& map = frame.value;
  value.span.begin = frame.key_begin;
  size_t existing = map.entries.size();
  if (!frame.index.empty()) {
    auto it = frame.index.find(frame.key);
    if (it != frame.index.end()) existing = it->second;
  } else {
    for (size_t i = 0; i < map.entries.size(); ++i) {
      if (map.entries[i].key == frame.key) {
        existing = i;
        break;
      }
    }
  }
  if (existing < map.entries.size()) {
    if (options_.duplicate_keys_are_errors) {
      diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError,
                                               span(frame.key_begin, frame.key_begin + 1),
                                               "duplicate key '" + frame.key + "'"});
    }
    map.entries[existing].value = std::move(value);
    return;
  }
  map.entries.push_back(model::MapEntry{frame.key, std::move(value)});
  if (!frame.index.empty()) {
    frame.index.emplace(frame.key, map.entries.size() - 1);
  } else if (map.entries.size() > kIndexThreshold) {
    for (size_t i = 0; i < map.entries.size(); ++i) frame.index.emplace(map.entries[i].key, i);
  }
}

void JsonParser::complete(Value value) {
  if (stack_.empty()) {
    root_ = std::move(value);
    return;
  }
  Frame& parent = stack_.back();
  if (parent.value.is_list()) {
    parent.value.items.push_back(std::move(value));
  } else {
    add_member(parent, std::move(value));
  }
}

std::optional<Value> JsonParser::parse() {
  if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  bool expect_value = true;
  while (true) {
    skip_whitespace();
    if (expect_value) {
      if (at_end()) {
        fail(pos_, stack_.empty() && !root_ ? "empty document; expected a JSON value" : "unexpected end of input");
        return std::nullopt;
      }
      unsigned char c = peek();
      if (c == '{' || c == '[') {
        bool is_map = c == '{';
        if (!open_container(is_map)) return std::nullopt;
        skip_whitespace();
        char close = is_map ? '}' : ']';
        if (!at_end() && text_[pos_] == close) {
          ++pos_;
          Value done = std::move(stack_.back().value);
          stack_.pop_back();
          done.span.end = static_cast<uint32_t>(pos_);
          complete(std::move(done));
          expect_value = false;
        } else if (is_map && !parse_key(stack_.back())) {
          return std::nullopt;
        }
        continue;
      }
      Value scalar;
      bool ok = false;
      if (c == '"') {
        size_t begin = pos_;
        std::string s;
        ok = parse_string(s);
        if (ok) scalar = Value::of_string(std::move(s), span(begin, pos_));
      } else if (c == '-' || is_digit(static_cast<char>(c))) {
        ok = parse_number(scalar);
      } else {
        ok = parse_literal(scalar);
      }
      if (!ok) return std::nullopt;
      complete(std::move(scalar));
      expect_value = false;
      continue;
    }
    if (stack_.empty()) {
      if (!at_end()) {
        fail(pos_, "unexpected data after the JSON value");
        return std::nullopt;
      }
      return std::move(root_);
    }
    Frame& top = stack_.back();
    bool is_map = top.value.is_map();
    if (at_end()) {
      fail(pos_,
           is_map ? "unexpected end of input; expected ',' or '}'" : "unexpected end of input; expected ',' or ']'");
      return std::nullopt;
    }
    char c = text_[pos_];
    if (c == ',') {
      ++pos_;
      if (is_map && !parse_key(top)) return std::nullopt;
      expect_value = true;
    } else if (c == (is_map ? '}' : ']')) {
      ++pos_;
      Value done = std::move(top.value);
      stack_.pop_back();
      done.span.end = static_cast<uint32_t>(pos_);
      complete(std::move(done));
    } else {
      fail(pos_, is_map ? "expected ',' or '}' after object member" : "expected ',' or ']' after list item");
      return std::nullopt;
    }
  }
}

}  // namespace

std::optional<model::Value> read_json(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics,
                                      const JsonReadOptions& options) {
  JsonParser parser(file, diagnostics, options);
  return parser.parse();
}

}  // namespace gclint::syntax
