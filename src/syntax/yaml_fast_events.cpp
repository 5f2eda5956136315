#include "syntax/yaml_fast_events.h"

#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/mark.h>

#include "syntax/utf8.h"

namespace gclint::syntax {
namespace {

using Kind = YamlEvent::Kind;

/// Thrown when the stream leaves the subset; caught in fast_yaml_events.
struct OutsideSubset {};

class FastYaml {
 public:
  explicit FastYaml(std::string_view text) : text_(text) {}

  std::vector<YamlEvent> run() {
    check_characters();
    pos_ = 0;
    next_token();
    while (pos_ < text_.size()) document();
    return std::move(events_);
  }

 private:
  [[noreturn]] static void outside() { throw OutsideSubset{}; }

  // Tabs, CR, other control characters, line separators other than LF, a BOM and invalid UTF-8 all go to yaml-cpp.
  void check_characters() const {
    for (size_t i = 0; i < text_.size(); ++i) {
      auto c = static_cast<unsigned char>(text_[i]);
      if (c < 0x20 && c != '\n') outside();
      if (c == 0x7F) outside();
      if (c == 0xC2 && i + 1 < text_.size() && static_cast<unsigned char>(text_[i + 1]) == 0x85) outside();  // NEL
      if (c == 0xE2 && i + 2 < text_.size() && static_cast<unsigned char>(text_[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(text_[i + 2]) == 0xA8 || static_cast<unsigned char>(text_[i + 2]) == 0xA9))
        outside();  // LS, PS
      if (c == 0xEF && i + 2 < text_.size() && static_cast<unsigned char>(text_[i + 1]) == 0xBB &&
          static_cast<unsigned char>(text_[i + 2]) == 0xBF)
        outside();  // BOM anywhere
    }
    if (!is_valid_utf8(text_)) outside();
  }

  char at(size_t p) const { return p < text_.size() ? text_[p] : '\0'; }
  bool eol(size_t p) const { return p >= text_.size() || text_[p] == '\n'; }
  bool blank_or_eol(size_t p) const { return eol(p) || text_[p] == ' '; }
  static bool flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

  size_t line_start(size_t p) const {
    while (p > 0 && text_[p - 1] != '\n') --p;
    return p;
  }
  uint32_t column(size_t p) const { return static_cast<uint32_t>(p - line_start(p)); }

  void skip_spaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }

  // After a node on its line: only spaces and a comment may follow before the line break.
  void end_of_line() {
    skip_spaces();
    if (at(pos_) == '#') {
      while (!eol(pos_)) ++pos_;
    }
    if (!eol(pos_)) outside();
  }

  // Moves to the next token: over spaces, line breaks, and comments (a '#' at a line start or after a space).
  void next_token() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\n') {
        ++pos_;
      } else if (c == '#' && (pos_ == 0 || text_[pos_ - 1] == ' ' || text_[pos_ - 1] == '\n')) {
        while (!eol(pos_)) ++pos_;
      } else {
        return;
      }
    }
  }

  bool document_marker(size_t p, char c) const {
    return column(p) == 0 && at(p) == c && at(p + 1) == c && at(p + 2) == c && blank_or_eol(p + 3);
  }
  bool at_document_boundary() const {
    return pos_ >= text_.size() || document_marker(pos_, '-') || document_marker(pos_, '.');
  }

  void emit(Kind kind, size_t pos, std::string tag = {}, std::string value = {}, bool flow = false) {
    events_.push_back(YamlEvent{kind, flow, static_cast<uint32_t>(pos), std::move(tag), std::move(value)});
  }

  void document() {
    if (at(pos_) == '%' || document_marker(pos_, '.')) outside();
    size_t mark = pos_;
    if (document_marker(pos_, '-')) {
      pos_ += 3;
      end_of_line();  // content after "---" on its line is left to yaml-cpp
      next_token();
    }
    emit(Kind::kDocumentStart, mark);
    if (at_document_boundary()) {
      emit(Kind::kNull, pos_);
    } else {
      block_node(-1);
      next_token();
      if (!at_document_boundary()) outside();
    }
    emit(Kind::kDocumentEnd, pos_);
  }

  // A tag at pos_: "!Name" (local) or "!!name" (core schema); anything else is left to yaml-cpp.
  std::string tag() {
    size_t start = pos_;
    ++pos_;
    bool core = at(pos_) == '!';
    if (core) ++pos_;
    size_t name = pos_;
    while (pos_ < text_.size() && !blank_or_eol(pos_) && !flow_indicator(text_[pos_])) {
      // Tag names of the intrinsic-function kind only; other URI characters and escapes go to yaml-cpp.
      char c = text_[pos_];
      bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                  c == '.' || c == ':' || c == '/';
      if (!word) outside();
      ++pos_;
    }
    if (pos_ == name) outside();
    std::string_view spelled = text_.substr(name, pos_ - name);
    if (core) return "tag:yaml.org,2002:" + std::string(spelled);
    return std::string(text_.substr(start, pos_ - start));
  }

  // The node at pos_ in block context, whose parent is indented `parent` columns (-1 at the top).
  // Nesting deeper than this goes to yaml-cpp and the reader's depth limit (no deep recursion here).
  static constexpr int kMaxDepth = 64;
  struct Nest {
    int& depth;
    explicit Nest(int& d) : depth(d) {
      if (++depth > kMaxDepth) outside();
    }
    ~Nest() { --depth; }
  };

  void block_node(int parent) {
    Nest nest(depth_);
    size_t mark = pos_;
    std::string node_tag;
    char c = at(pos_);
    if (c == '&' || c == '*' || c == '?' || c == '%' || c == '@' || c == '`' || c == ',' || c == ']' || c == '}' ||
        c == '#')
      outside();
    if (c == '!') {
      node_tag = tag();
      if (at(pos_) != ' ' && !eol(pos_)) outside();
      skip_spaces();
      if (at(pos_) == '#') outside();
      if (eol(pos_)) {
        // "Key: !If" with the collection on the next lines.
        next_token();
        if (at_document_boundary() || static_cast<int>(column(pos_)) <= parent) outside();
        if (at(pos_) == '-' && blank_or_eol(pos_ + 1)) return block_sequence(mark, node_tag);
        if (key_ahead()) return block_mapping(mark, node_tag);
        outside();
      }
      c = at(pos_);
    }
    if (c == '-' && blank_or_eol(pos_ + 1)) {
      if (!node_tag.empty() && mark != pos_) outside();  // "!Tag - a" is not valid
      return block_sequence(mark, node_tag);
    }
    if (key_ahead()) {
      if (!node_tag.empty()) outside();  // a tag before an inline mapping tags its first key
      return block_mapping(mark, node_tag);
    }
    inline_value(parent, mark, node_tag, false);
  }

  // True when the token at pos_ is a mapping key on this line: a plain or quoted scalar followed by ": " or ":\n".
  // A longer line is left to yaml-cpp: an implicit key may not be longer than 1024 characters.
  bool key_ahead() const {
    size_t line_end = pos_;
    while (!eol(line_end)) ++line_end;
    if (line_end - pos_ > 1000) outside();
    size_t p = pos_;
    char c = at(p);
    if (c == '"' || c == '\'') {
      ++p;
      while (!eol(p)) {
        if (c == '\'' && text_[p] == '\'' && at(p + 1) == '\'') {
          p += 2;
          continue;
        }
        if (c == '"' && text_[p] == '\\') {
          p += 2;
          continue;
        }
        if (text_[p] == c) break;
        ++p;
      }
      if (eol(p)) return false;
      ++p;
      while (at(p) == ' ') ++p;
      return at(p) == ':' && blank_or_eol(p + 1);
    }
    if (!plain_can_start(p)) return false;
    while (!eol(p)) {
      if (text_[p] == ':' && blank_or_eol(p + 1)) return true;
      if (text_[p] == '#' && text_[p - 1] == ' ') return false;
      ++p;
    }
    return false;
  }

  bool plain_can_start(size_t p) const {
    char c = at(p);
    if (eol(p) || c == ' ') return false;
    if (c == '?' || c == ':') return false;
    if (c == '-') return !blank_or_eol(p + 1) && !flow_indicator(at(p + 1));
    return !(flow_indicator(c) || c == '#' || c == '&' || c == '*' || c == '!' || c == '|' || c == '>' || c == '\'' ||
             c == '"' || c == '%' || c == '@' || c == '`');
  }

  void block_mapping(size_t mark, const std::string& map_tag) {
    uint32_t indent = column(pos_);
    emit(Kind::kMapStart, mark, map_tag.empty() ? "?" : map_tag);
    while (true) {
      // Key: a plain or quoted scalar on one line.
      if (!key_ahead()) outside();
      size_t key_mark = pos_;
      if (at(pos_) == '"' || at(pos_) == '\'') {
        emit(Kind::kScalar, key_mark, "!", quoted());
      } else {
        size_t start = pos_;
        while (!(text_[pos_] == ':' && blank_or_eol(pos_ + 1))) ++pos_;
        size_t end = pos_;
        while (end > start && text_[end - 1] == ' ') --end;
        std::string key(text_.substr(start, end - start));
        if (is_null_word(key)) outside();
        emit(Kind::kScalar, key_mark, "?", std::move(key));
      }
      skip_spaces();
      if (at(pos_) != ':') outside();
      ++pos_;
      skip_spaces();
      if (eol(pos_) || at(pos_) == '#') {
        next_token();
        if (!at_document_boundary() && column(pos_) > indent) {
          block_node(static_cast<int>(indent));
        } else if (!at_document_boundary() && column(pos_) == indent && at(pos_) == '-' && blank_or_eol(pos_ + 1)) {
          block_sequence(pos_, "");  // a sequence at its key's indentation
        } else {
          emit(Kind::kNull, pos_);
        }
      } else {
        if (at(pos_) == '-' && blank_or_eol(pos_ + 1)) outside();
        size_t value_mark = pos_;
        std::string value_tag;
        if (at(pos_) == '!') {
          value_tag = tag();
          if (at(pos_) != ' ' && !eol(pos_)) outside();
          skip_spaces();
          if (eol(pos_) || at(pos_) == '#') {
            next_token();
            if (at_document_boundary() || column(pos_) <= indent) outside();  // a tagged empty value
            if (at(pos_) == '-' && blank_or_eol(pos_ + 1)) {
              block_sequence(value_mark, value_tag);
            } else if (key_ahead()) {
              block_mapping(value_mark, value_tag);
            } else {
              outside();
            }
            if (!after_collection(indent)) break;
            continue;
          }
        }
        if (key_ahead()) outside();  // "a: b: c"
        inline_value(static_cast<int>(indent), value_mark, value_tag, true);
      }
      if (!after_collection(indent)) break;
    }
    emit(Kind::kMapEnd, pos_);
  }

  // After an entry of a block collection indented `indent`: true when the next entry follows at that indentation.
  bool after_collection(uint32_t indent) {
    next_token();
    if (at_document_boundary()) return false;
    uint32_t col = column(pos_);
    if (col > indent) outside();
    return col == indent;
  }

  void block_sequence(size_t mark, const std::string& seq_tag) {
    uint32_t indent = column(pos_);
    emit(Kind::kSequenceStart, mark, seq_tag.empty() ? "?" : seq_tag);
    while (true) {
      if (!(at(pos_) == '-' && blank_or_eol(pos_ + 1))) break;  // a key at a sequence's indentation ends it
      ++pos_;
      skip_spaces();
      if (eol(pos_) || at(pos_) == '#') {
        next_token();
        if (!at_document_boundary() && column(pos_) > indent) {
          block_node(static_cast<int>(indent));
        } else {
          emit(Kind::kNull, pos_);
        }
      } else {
        block_node(static_cast<int>(indent));
      }
      if (!after_collection(indent)) break;
    }
    emit(Kind::kSequenceEnd, pos_);
  }

  // A value that starts and, except for block scalars and flow collections, ends on this line.
  // `after_key`: the value of a mapping entry, on its key's line.
  void inline_value(int parent, size_t mark, const std::string& node_tag, bool after_key) {
    char c = at(pos_);
    if (c == '&' || c == '*' || c == '!' || c == '?' || c == '%' || c == '@' || c == '`') outside();
    if (c == '[' || c == '{') {
      flow_node(mark, node_tag);
      end_of_line();
      return;
    }
    if (c == '|' || c == '>') {
      block_scalar(parent, mark, node_tag, after_key);
      return;
    }
    if (c == '"' || c == '\'') {
      std::string value = quoted();
      end_of_line();
      emit(Kind::kScalar, mark, node_tag.empty() ? "!" : node_tag, std::move(value));
      return;
    }
    if (!plain_can_start(pos_)) outside();
    size_t start = pos_;
    while (!eol(pos_)) {
      if (text_[pos_] == ':' && blank_or_eol(pos_ + 1)) outside();
      if (text_[pos_] == '#' && text_[pos_ - 1] == ' ') break;
      ++pos_;
    }
    size_t end = pos_;
    while (end > start && text_[end - 1] == ' ') --end;
    std::string value(text_.substr(start, end - start));
    end_of_line();
    // A more indented line after a plain scalar continues it (or is an error): left to yaml-cpp.
    size_t saved = pos_;
    next_token();
    if (!at_document_boundary() && static_cast<int>(column(pos_)) > parent) outside();
    pos_ = saved;
    scalar(mark, node_tag, std::move(value));
  }

  static bool is_null_word(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

  void scalar(size_t mark, const std::string& node_tag, std::string value) {
    if (node_tag.empty() && is_null_word(value)) {
      emit(Kind::kNull, mark);
      return;
    }
    emit(Kind::kScalar, mark, node_tag.empty() ? "?" : node_tag, std::move(value));
  }

  // A single-line quoted scalar at pos_; returns its value.
  std::string quoted() {
    char q = text_[pos_++];
    std::string out;
    while (true) {
      if (eol(pos_)) outside();
      char c = text_[pos_];
      if (c == q) {
        if (q == '\'' && at(pos_ + 1) == '\'') {
          out += '\'';
          pos_ += 2;
          continue;
        }
        ++pos_;
        return out;
      }
      if (q == '"' && c == '\\') {
        escape(out);
        continue;
      }
      out += c;
      ++pos_;
    }
  }

  void escape(std::string& out) {
    ++pos_;
    char c = at(pos_);
    ++pos_;
    switch (c) {
      case '0':
        out += '\0';
        return;
      case 'a':
        out += '\a';
        return;
      case 'b':
        out += '\b';
        return;
      case 't':
        out += '\t';
        return;
      case 'n':
        out += '\n';
        return;
      case 'v':
        out += '\v';
        return;
      case 'f':
        out += '\f';
        return;
      case 'r':
        out += '\r';
        return;
      case 'e':
        out += '\x1b';
        return;
      case ' ':
      case '"':
      case '/':
      case '\\':
        out += c;
        return;
      case 'x':
        return hex_escape(out, 2);
      case 'u':
        return hex_escape(out, 4);
      case 'U':
        return hex_escape(out, 8);
      default:
        outside();  // \N, \_, \L, \P, a line continuation or an invalid escape
    }
  }

  void hex_escape(std::string& out, int digits) {
    uint32_t cp = 0;
    for (int i = 0; i < digits; ++i) {
      char h = at(pos_);
      int v = h >= '0' && h <= '9'   ? h - '0'
              : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                     : -1;
      if (v < 0) outside();
      cp = cp * 16 + static_cast<uint32_t>(v);
      ++pos_;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) outside();
    append_utf8(out, cp);
  }

  // Literal (|) and folded (>) scalars, with a chomping indicator; an explicit indentation indicator, leading
  // empty lines, more-indented folded lines and lines of spaces longer than the indentation go to yaml-cpp.
  void block_scalar(int parent, size_t mark, const std::string& node_tag, bool after_key) {
    bool literal = text_[pos_] == '|';
    ++pos_;
    char chomp = 'c';
    if (at(pos_) == '-' || at(pos_) == '+') chomp = text_[pos_++];
    if (!literal && chomp == '+') outside();  // yaml-cpp keeps one trailing line fewer than YAML says
    if (at(pos_) >= '0' && at(pos_) <= '9') outside();
    end_of_line();
    if (pos_ >= text_.size()) outside();
    ++pos_;  // the line break ending the header
    size_t first = pos_;
    size_t p = first;
    uint32_t indent = 0;
    while (at(p) == ' ') ++p, ++indent;
    // Empty block scalars, leading empty lines, and content at column 0 (yaml-cpp ends a top-level block scalar
    // there) are left to yaml-cpp.
    if (eol(p) || static_cast<int>(indent) <= parent || indent == 0) outside();
    // Unless it is a mapping value, yaml-cpp wants a tagged block scalar indented past its tag.
    if (!after_key && !node_tag.empty() && indent <= column(mark)) outside();

    std::vector<std::string_view> lines;  // content without the indentation; "" for empty lines
    bool last_has_break = false;
    size_t line = first;
    while (line < text_.size()) {
      size_t q = line;
      uint32_t spaces = 0;
      while (at(q) == ' ') ++q, ++spaces;
      if (eol(q)) {
        if (spaces > indent) outside();
        if (q >= text_.size() && spaces > 0) outside();  // spaces ending the text: yaml-cpp keeps one
        lines.push_back({});
        last_has_break = q < text_.size();
        line = q < text_.size() ? q + 1 : q;
        continue;
      }
      if (spaces < indent) {
        if (static_cast<int>(spaces) > parent && text_[q] != '#') outside();
        break;
      }
      size_t content = line + indent;
      size_t e = content;
      while (!eol(e)) ++e;
      if (!literal && spaces > indent) outside();
      lines.push_back(text_.substr(content, e - content));
      last_has_break = e < text_.size();
      line = e < text_.size() ? e + 1 : e;
    }
    // Trailing empty lines are kept apart for chomping.
    size_t content_lines = lines.size();
    while (content_lines > 0 && lines[content_lines - 1].empty()) --content_lines;
    size_t trailing_empty = lines.size() - content_lines;
    std::string value;
    for (size_t i = 0; i < content_lines; ++i) {
      if (i > 0) {
        if (literal) {
          value += '\n';
        } else if (!lines[i].empty() && !lines[i - 1].empty()) {
          value += ' ';
        } else if (!lines[i].empty() || !lines[i - 1].empty()) {
          if (lines[i].empty()) value += '\n';  // a run of empty lines: one break each, the first one folded away
        } else {
          value += '\n';
        }
      }
      value += lines[i];
    }
    bool final_break = trailing_empty > 0 || last_has_break;
    if (chomp == 'c' && final_break) value += '\n';
    if (chomp == '+') {
      if (final_break) value += '\n';
      size_t kept = trailing_empty;
      if (trailing_empty > 0 && !last_has_break) --kept;  // the last empty line is the end of the text
      value.append(kept, '\n');
    }
    pos_ = line;
    emit(Kind::kScalar, mark, node_tag.empty() ? "!" : node_tag, std::move(value));
  }

  // Flow collections; line breaks and comments inside are white space.
  void skip_flow_space() {
    next_token();
    if (at_document_boundary() && pos_ < text_.size()) outside();  // "---" inside a flow collection
  }

  void flow_node(size_t mark, const std::string& node_tag) {
    char c = at(pos_);
    if (c == '[') return flow_sequence(mark, node_tag);
    if (c == '{') return flow_mapping(mark, node_tag);
    if (c == '"' || c == '\'') {
      std::string value = quoted();
      emit(Kind::kScalar, mark, node_tag.empty() ? "!" : node_tag, std::move(value));
      return;
    }
    if (!plain_can_start(pos_)) outside();
    size_t start = pos_;
    while (!eol(pos_) && !flow_indicator(text_[pos_])) {
      if (text_[pos_] == '?') outside();  // yaml-cpp rejects '?' in flow scalars
      if (text_[pos_] == ':') {
        char next = at(pos_ + 1);
        if (next == '[' || next == '{') outside();  // "key:[" is an error to yaml-cpp
        if (blank_or_eol(pos_ + 1) || flow_indicator(next)) break;
      }
      if (text_[pos_] == '#' && text_[pos_ - 1] == ' ') outside();
      ++pos_;
    }
    size_t end = pos_;
    while (end > start && text_[end - 1] == ' ') --end;
    scalar(mark, node_tag, std::string(text_.substr(start, end - start)));
  }

  // A flow node at pos_, with its tag if it has one.
  void flow_entry() {
    size_t mark = pos_;
    std::string node_tag;
    if (at(pos_) == '!') {
      node_tag = tag();
      skip_flow_space();
    }
    char c = at(pos_);
    if (c == ',' || c == ']' || c == '}' || c == '&' || c == '*' || c == '?' || c == '!' || c == '|' || c == '>')
      outside();
    flow_node(mark, node_tag);
  }

  void flow_sequence(size_t mark, const std::string& node_tag) {
    Nest nest(depth_);
    emit(Kind::kSequenceStart, mark, node_tag.empty() ? "?" : node_tag, {}, true);
    ++pos_;
    skip_flow_space();
    while (at(pos_) != ']') {
      flow_entry();
      skip_flow_space();
      if (at(pos_) == ',') {
        ++pos_;
        skip_flow_space();
        continue;
      }
      if (at(pos_) != ']') outside();  // "[a: b]" pairs and anything else
    }
    ++pos_;
    emit(Kind::kSequenceEnd, pos_, {}, {}, true);
  }

  void flow_mapping(size_t mark, const std::string& node_tag) {
    Nest nest(depth_);
    emit(Kind::kMapStart, mark, node_tag.empty() ? "?" : node_tag, {}, true);
    ++pos_;
    skip_flow_space();
    while (at(pos_) != '}') {
      char c = at(pos_);
      if (c == '!' || c == '[' || c == '{') outside();
      size_t key_mark = pos_;
      flow_node(key_mark, "");
      if (events_.back().kind != Kind::kScalar) outside();  // a null key
      skip_spaces();
      if (at(pos_) != ':') outside();  // a key without a value, or its ':' on another line
      ++pos_;
      skip_flow_space();
      if (at(pos_) == ',' || at(pos_) == '}') outside();
      flow_entry();
      skip_flow_space();
      if (at(pos_) == ',') {
        ++pos_;
        skip_flow_space();
        continue;
      }
      if (at(pos_) != '}') outside();
    }
    ++pos_;
    emit(Kind::kMapEnd, pos_, {}, {}, true);
  }

  std::string_view text_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::vector<YamlEvent> events_;
};

}  // namespace

std::optional<std::vector<YamlEvent>> fast_yaml_events(std::string_view text) {
  if (text.size() > UINT32_MAX / 2) return std::nullopt;
  try {
    return FastYaml(text).run();
  } catch (const OutsideSubset&) {
    return std::nullopt;
  }
}

void replay_yaml_events(const std::vector<YamlEvent>& events, YAML::EventHandler& handler) {
  for (const YamlEvent& e : events) {
    YAML::Mark mark;
    mark.pos = static_cast<int>(e.pos);
    auto style = e.flow ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
    switch (e.kind) {
      case Kind::kDocumentStart:
        handler.OnDocumentStart(mark);
        break;
      case Kind::kDocumentEnd:
        handler.OnDocumentEnd();
        break;
      case Kind::kNull:
        handler.OnNull(mark, 0);
        break;
      case Kind::kScalar:
        handler.OnScalar(mark, e.tag, 0, e.value);
        break;
      case Kind::kSequenceStart:
        handler.OnSequenceStart(mark, e.tag, 0, style);
        break;
      case Kind::kSequenceEnd:
        handler.OnSequenceEnd();
        break;
      case Kind::kMapStart:
        handler.OnMapStart(mark, e.tag, 0, style);
        break;
      case Kind::kMapEnd:
        handler.OnMapEnd();
        break;
    }
  }
}

}  // namespace gclint::syntax
