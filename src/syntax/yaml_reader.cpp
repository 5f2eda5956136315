#include "syntax/yaml_reader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "syntax/yaml_fast_events.h"

namespace gclint::syntax {
namespace {

using model::MapEntry;
using model::Span;
using model::Value;

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

/// Thrown from the event handler to stop reading the stream (limits exceeded); never leaves this file.
struct StopReading {
  uint32_t offset;
  std::string message;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool all_of(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

/// YAML 1.2 core schema float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_core_float(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++int_digits;
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

std::optional<double> parse_core_int(std::string_view s) {
  std::string_view body = s;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    body.remove_prefix(1);
    if (all_of(body, is_digit)) return std::strtod(std::string(s).c_str(), nullptr);
    return std::nullopt;
  }
  if (all_of(body, is_digit)) return std::strtod(std::string(body).c_str(), nullptr);
  if (body.size() > 2 && body[0] == '0' && body[1] == 'x' && all_of(body.substr(2), is_hex)) {
    double v = 0;
    for (char c : body.substr(2)) v = v * 16 + (is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
    return v;
  }
  if (body.size() > 2 && body[0] == '0' && body[1] == 'o' &&
      all_of(body.substr(2), [](char c) { return c >= '0' && c <= '7'; })) {
    double v = 0;
    for (char c : body.substr(2)) v = v * 8 + (c - '0');
    return v;
  }
  return std::nullopt;
}

std::optional<double> parse_core_float(std::string_view s) {
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF") {
    return std::numeric_limits<double>::infinity();
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") return -std::numeric_limits<double>::infinity();
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  if (is_core_float(s)) return std::strtod(std::string(s).c_str(), nullptr);
  return std::nullopt;
}

bool is_core_null(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

std::optional<bool> parse_core_bool(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

/// Plain scalar resolution per the YAML 1.2 core schema.
Value resolve_plain(const std::string& text, Span span) {
  if (is_core_null(text)) return Value::null(span);
  if (auto b = parse_core_bool(text)) return Value::of_bool(*b, span);
  if (auto i = parse_core_int(text)) return Value::of_number(*i, span);
  if (auto f = parse_core_float(text)) return Value::of_number(*f, span);
  return Value::of_string(text, span);
}

bool starts_with_bom(std::string_view text) { return text.starts_with("\xEF\xBB\xBF"); }

/// Byte offset of a mark: yaml-cpp counts UTF-8 bytes but not a leading byte order mark.
uint32_t mark_offset(std::string_view text, const YAML::Mark& mark) {
  if (mark.pos < 0) return static_cast<uint32_t>(text.size());
  uint64_t pos = static_cast<uint64_t>(mark.pos) + (starts_with_bom(text) ? 3 : 0);
  return static_cast<uint32_t>(std::min<uint64_t>(pos, text.size()));
}

class DocumentBuilder : public YAML::EventHandler {
 public:
  DocumentBuilder(const model::SourceFile& file, const YamlReadOptions& options,
                  std::vector<model::Diagnostic>& diagnostics)
      : file_(file), text_(file.content()), options_(options), diagnostics_(diagnostics) {}

  /// The documents completed so far.
  std::vector<YamlDocument>& documents() { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    // yaml-cpp 0.7 leaves a stray top-level token such as ',' unconsumed and reports an endless stream of
    // empty documents at the same place: a document that starts where the last one did is that loop.
    if (mark.pos >= 0 && mark.pos == last_document_mark_) {
      uint32_t at = offset(mark);
      std::string token = at < text_.size() ? std::string(1, text_[at]) : std::string("end of input");
      throw StopReading{at, "YAML syntax error: unexpected '" + token + "'"};
    }
    last_document_mark_ = mark.pos;
    stack_.clear();
    entry_stack_.clear();
    item_stack_.clear();
    anchors_.clear();
    alias_nodes_ = 0;
    anchor_copy_nodes_ = 0;
    has_root_ = false;
    root_ = NodeInfo{};
    doc_begin_ = line_start(offset(mark));
  }

  void OnDocumentEnd() override {
    YamlDocument doc;
    doc.begin = doc_begin_;
    if (has_root_) {
      doc.root = std::move(root_.value);
      doc.end = std::max(doc.root.span.end, doc_begin_);
    } else {
      doc.root = Value::null(Span{file_.id(), doc_begin_, doc_begin_});
      doc.end = doc_begin_;
    }
    documents_.push_back(std::move(doc));
    has_root_ = false;
  }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    uint32_t begin = offset(mark);
    uint32_t start = content_start(begin);
    // "~" / "null" are reported as null too; an empty node has no extent.
    std::string spelled;
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
      if (text_.compare(start, word.size(), word) == 0 &&
          (start + word.size() == text_.size() || is_space_or_flow(text_[start + word.size()]) ||
           text_[start + word.size()] == ':')) {
        spelled = word;
      }
    }
    uint32_t end = spelled.empty() ? begin : start + static_cast<uint32_t>(spelled.size());
    NodeInfo node{Value::null(Span{file_.id(), begin, std::max(begin, end)}), 1, 1, false, spelled};
    complete(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    uint32_t begin = offset(mark);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw StopReading{begin, "alias refers to an anchor that is not complete (recursive alias)"};
    }
    const NodeInfo& source = it->second;
    alias_nodes_ += source.nodes;
    if (alias_nodes_ > options_.max_alias_nodes) {
      throw StopReading{begin, "alias expansion exceeds " + std::to_string(options_.max_alias_nodes) +
                                   " nodes (possible billion-laughs document)"};
    }
    if (stack_.size() + source.depth > options_.max_depth) {
      throw StopReading{begin, "nesting deeper than " + std::to_string(options_.max_depth) + " levels"};
    }
    NodeInfo node = source;
    uint32_t end = begin + 1;
    while (end < text_.size() && !is_space_or_flow(text_[end])) ++end;
    node.value.span = Span{file_.id(), begin, end};
    node.plain_merge_key = false;
    complete(std::move(node), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    uint32_t begin = offset(mark);
    uint32_t start = content_start(begin);
    char style = start < text_.size() ? text_[start] : '\0';
    uint32_t end = scalar_end(start, style, value);
    Span span{file_.id(), begin, end};
    bool quoted_or_block = style == '"' || style == '\'' || style == '|' || style == '>';

    NodeInfo node;
    if (tag == "?") {
      node.value = resolve_plain(value, span);
      node.plain_merge_key = value == "<<";
    } else if (tag == "!") {
      node.value = Value::of_string(value, span);
    } else if (tag.starts_with(kCoreTagPrefix)) {
      node.value = resolve_core_tagged(tag.substr(kCoreTagPrefix.size()), value, span, quoted_or_block);
    } else {
      if (handles(tag)) {
        node.value = apply_local_tag(tag, Value::of_string(value, span));
      } else {
        node.value = quoted_or_block ? Value::of_string(value, span) : resolve_plain(value, span);
      }
    }
    // A string is its own key text; only a number, boolean or null used as a key needs the text as written.
    if (!node.value.is_string()) node.key_text = value;
    complete(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    push(Value::list(Span{file_.id(), offset(mark), offset(mark)}), tag, anchor, style == YAML::EmitterStyle::Flow);
  }

  void OnSequenceEnd() override { pop(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    push(Value::map(Span{file_.id(), offset(mark), offset(mark)}), tag, anchor, style == YAML::EmitterStyle::Flow);
  }

  void OnMapEnd() override { pop(); }

 private:
  /// A completed node with the bookkeeping the limits need.
  struct NodeInfo {
    Value value;
    uint64_t nodes = 1;
    uint32_t depth = 1;
    bool plain_merge_key = false;
    std::string key_text;  // the scalar text as a map key
  };

  struct Frame {
    Value value;
    std::string tag;
    YAML::anchor_t anchor = 0;
    bool flow = false;
    uint64_t nodes = 1;
    uint32_t depth = 1;
    bool has_key = false;
    std::string key;
    uint32_t key_begin = 0;
    uint32_t key_end = 0;  // the key node's span; a complex key's text (JSON) is not its source
    bool key_is_merge = false;
    /// Where this node's entries (a map) or items (a list) start on entry_stack_ or item_stack_.
    size_t first = 0;
    /// The map's keys, once it has too many to search its entries.
    std::unordered_set<std::string> keys;
    std::vector<Value> merges;
  };

  // Up to this many entries a map's keys are searched, not hashed: nearly every map in infrastructure code.
  static constexpr size_t kSearchedKeys = 16;

  uint32_t offset(const YAML::Mark& mark) const { return mark_offset(text_, mark); }

  uint32_t line_start(uint32_t pos) const {
    while (pos > 0 && text_[pos - 1] != '\n') --pos;
    return pos;
  }

  static bool is_space_or_flow(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}' || c == '[' || c == '{';
  }

  /// First byte of a node's content: skips its tag and anchor properties and the space after them.
  uint32_t content_start(uint32_t pos) const {
    while (pos < text_.size()) {
      char c = text_[pos];
      if (c == '!' || c == '&') {
        while (pos < text_.size() && !is_space_or_flow(text_[pos])) ++pos;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos;
      } else if (c == '#' && pos > 0 && (text_[pos - 1] == ' ' || text_[pos - 1] == '\t' || text_[pos - 1] == '\n')) {
        while (pos < text_.size() && text_[pos] != '\n') ++pos;
      } else {
        break;
      }
    }
    return std::min(pos, static_cast<uint32_t>(text_.size()));
  }

  uint32_t line_end(uint32_t pos) const {
    while (pos < text_.size() && text_[pos] != '\n' && text_[pos] != '\r') ++pos;
    return pos;
  }

  /// End of a plain scalar: exact when the source spells the value, else the end of its first line.
  uint32_t plain_end(uint32_t start, std::string_view value) const {
    if (!value.empty() && text_.compare(start, value.size(), value) == 0) {
      return start + static_cast<uint32_t>(value.size());
    }
    uint32_t end = start;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') {
      if (text_[end] == ' ' && end + 1 < text_.size() && text_[end + 1] == '#') break;
      if (text_[end] == ':' && (end + 1 >= text_.size() || text_[end + 1] == ' ' || text_[end + 1] == '\n')) break;
      ++end;
    }
    while (end > start && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
    return end;
  }

  uint32_t scalar_end(uint32_t start, char style, std::string_view value) const {
    if (start >= text_.size()) return start;
    if (style == '"' || style == '\'') {
      uint32_t pos = start + 1;
      while (pos < text_.size()) {
        char c = text_[pos];
        if (style == '"' && c == '\\') {
          pos += 2;
          continue;
        }
        if (c == style) {
          if (style == '\'' && pos + 1 < text_.size() && text_[pos + 1] == '\'') {
            pos += 2;
            continue;
          }
          return pos + 1;
        }
        ++pos;
      }
      return static_cast<uint32_t>(text_.size());
    }
    if (style == '|' || style == '>') return block_end(start);
    return plain_end(start, value);
  }

  /// Block scalars end at the last non-blank line indented deeper than the line holding the indicator.
  uint32_t block_end(uint32_t indicator) const {
    uint32_t ls = line_start(indicator);
    uint32_t indent = 0;
    while (ls + indent < text_.size() && text_[ls + indent] == ' ') ++indent;
    uint32_t end = line_end(indicator);
    uint32_t pos = end;
    while (pos < text_.size()) {
      if (text_[pos] == '\r') ++pos;
      if (pos < text_.size() && text_[pos] == '\n') ++pos;
      uint32_t spaces = 0;
      while (pos < text_.size() && text_[pos] == ' ') ++pos, ++spaces;
      uint32_t le = line_end(pos);
      if (pos == le) {  // blank line: may continue the block
        pos = le;
        continue;
      }
      if (spaces <= indent) break;
      end = le;
      pos = le;
    }
    return end;
  }

  Value resolve_core_tagged(std::string_view name, const std::string& text, Span span, bool quoted) {
    if (name == "str" || name == "binary" || name == "timestamp") return Value::of_string(text, span);
    if (name == "null") return Value::null(span);
    if (name == "bool") {
      if (auto b = parse_core_bool(text)) return Value::of_bool(*b, span);
    } else if (name == "int") {
      if (auto i = parse_core_int(text)) return Value::of_number(*i, span);
    } else if (name == "float") {
      if (auto f = parse_core_float(text)) return Value::of_number(*f, span);
      if (auto i = parse_core_int(text)) return Value::of_number(*i, span);
    }
    if (name == "bool" || name == "int" || name == "float") {
      diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span,
                                               "'" + text + "' is not a valid !!" + std::string(name)});
      return Value::of_string(text, span);
    }
    return quoted ? Value::of_string(text, span) : resolve_plain(text, span);
  }

  /// Local tags ("!Ref") go to the handler; other tags, and all tags without a handler, are ignored.
  bool handles(const std::string& tag) const { return options_.tag_handler && !tag.empty() && tag[0] == '!'; }

  /// A node the handler rejects becomes unknown: its meaning cannot be known, and the error says why.
  Value apply_local_tag(const std::string& tag, Value as_read) {
    Span span = as_read.span;
    std::optional<Value> handled;
    try {
      handled = options_.tag_handler(tag, std::move(as_read));
    } catch (const std::exception&) {
      handled.reset();
    }
    if (!handled) {
      diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span, "unknown tag '" + tag + "'"});
      return Value::unknown(tag, span);
    }
    if (!handled->span.valid()) handled->span = span;
    return std::move(*handled);
  }

  void push(Value value, const std::string& tag, YAML::anchor_t anchor, bool flow) {
    if (stack_.size() + 1 > options_.max_depth) {
      throw StopReading{value.span.begin, "nesting deeper than " + std::to_string(options_.max_depth) + " levels"};
    }
    Frame frame;
    frame.value = std::move(value);
    frame.tag = tag;
    frame.anchor = anchor;
    frame.flow = flow;
    frame.first = frame.value.is_map() ? entry_stack_.size() : item_stack_.size();
    stack_.push_back(std::move(frame));
  }

  // A node's entries and items wait on one stack per builder until the node ends, then move into a vector of
  // exactly their number: one allocation per map or list, and no unused capacity kept for the rest of the scan.
  template <typename T>
  static void take_from(std::vector<T>& stack, size_t first, model::CompactVector<T>& into) {
    into.reserve(stack.size() - first);
    for (size_t i = first; i < stack.size(); ++i) into.push_back(std::move(stack[i]));
    stack.resize(first);
  }

  MapEntry* find_entry(Frame& frame, const std::string& key) {
    for (size_t i = frame.first; i < entry_stack_.size(); ++i) {
      if (entry_stack_[i].key == key) return &entry_stack_[i];
    }
    return nullptr;
  }

  bool has_key(Frame& frame, const std::string& key) {
    size_t count = entry_stack_.size() - frame.first;
    if (frame.keys.empty() && count < kSearchedKeys) return find_entry(frame, key) != nullptr;
    if (frame.keys.empty()) {
      for (size_t i = frame.first; i < entry_stack_.size(); ++i) frame.keys.insert(entry_stack_[i].key);
    }
    return frame.keys.count(key) > 0;
  }

  void add_new_entry(Frame& frame, std::string key, Value value) {
    if (!frame.keys.empty()) frame.keys.insert(key);
    entry_stack_.push_back(MapEntry{std::move(key), std::move(value)});
  }

  void pop() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    Value& value = frame.value;
    if (value.is_map()) {
      if (frame.has_key) {  // a key without value cannot happen with yaml-cpp, but stay total
        add_entry(frame, Value::null(Span{file_.id(), frame.key_begin, frame.key_begin}), false);
      }
    }
    uint32_t end = value.span.begin;
    if (value.is_map()) {
      if (entry_stack_.size() > frame.first) end = std::max(end, entry_stack_.back().value.span.end);
      apply_merges(frame);
      take_from(entry_stack_, frame.first, value.entries);
    } else if (value.is_list()) {
      if (item_stack_.size() > frame.first) end = std::max(end, item_stack_.back().span.end);
      take_from(item_stack_, frame.first, value.items);
    }
    if (frame.flow) end = closing_bracket(end, value.is_map() ? '}' : ']');
    value.span.end = end;

    NodeInfo node{std::move(value), frame.nodes, frame.depth, false, ""};
    if (frame.tag != "!" && handles(frame.tag)) node.value = apply_local_tag(frame.tag, std::move(node.value));
    complete(std::move(node), frame.anchor);
  }

  uint32_t closing_bracket(uint32_t from, char bracket) const {
    uint32_t pos = from;
    while (pos < text_.size()) {
      char c = text_[pos];
      if (c == bracket) return pos + 1;
      if (c == '#' && pos > 0 && (text_[pos - 1] == ' ' || text_[pos - 1] == '\n' || text_[pos - 1] == '\t')) {
        pos = line_end(pos);
        continue;
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',') break;
      ++pos;
    }
    return from;
  }

  void complete(NodeInfo node, YAML::anchor_t anchor) {
    if (anchor != 0) {
      // Anchors nested in anchors copy their content again; bound the total so that cannot go quadratic.
      anchor_copy_nodes_ += node.nodes;
      if (anchor_copy_nodes_ > 4 * (text_.size() + options_.max_alias_nodes)) {
        throw StopReading{node.value.span.begin, "anchored nodes nested too deeply to copy"};
      }
      anchors_[anchor] = node;
    }
    if (stack_.empty()) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    Frame& parent = stack_.back();
    parent.nodes += node.nodes;
    parent.depth = std::max(parent.depth, node.depth + 1);
    if (parent.value.is_list()) {
      item_stack_.push_back(std::move(node.value));
      return;
    }
    if (!parent.has_key) {
      parent.has_key = true;
      if (node.value.is_string()) {
        parent.key = std::move(node.value.text);
      } else if (node.value.is_map() || node.value.is_list()) {
        parent.key = node.value.to_json();  // complex keys have no string form; keep them distinct
      } else {
        parent.key = node.key_text;
      }
      parent.key_begin = node.value.span.begin;
      parent.key_end = std::min(std::max(node.value.span.end, parent.key_begin), static_cast<uint32_t>(text_.size()));
      parent.key_is_merge = node.plain_merge_key;
      return;
    }
    add_entry(parent, std::move(node.value), parent.key_is_merge);
  }

  void add_entry(Frame& frame, Value value, bool is_merge) {
    frame.has_key = false;
    value.span.begin = std::min(value.span.begin, frame.key_begin);
    value.span.end = std::max(value.span.end, frame.key_begin);
    if (is_merge && (value.is_map() || value.is_list())) {
      if (value.is_map()) {
        frame.merges.push_back(std::move(value));
        return;
      }
      bool all_maps = true;
      for (const auto& item : value.items) all_maps = all_maps && item.is_map();
      if (all_maps) {
        for (auto& item : value.items) frame.merges.push_back(std::move(item));
        return;
      }
    }
    if (has_key(frame, frame.key)) {
      if (options_.duplicate_keys_are_errors) {
        diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError,
                                                 Span{file_.id(), frame.key_begin, frame.key_end},
                                                 "duplicate key '" + frame.key + "'"});
        return;
      }
      find_entry(frame, frame.key)->value = std::move(value);
      return;
    }
    add_new_entry(frame, std::move(frame.key), std::move(value));
  }

  /// `<<` merge keys: explicit keys win, then earlier merge sources win over later ones.
  void apply_merges(Frame& frame) {
    for (auto& source : frame.merges) {
      for (auto& entry : source.entries) {
        if (!has_key(frame, entry.key)) add_new_entry(frame, std::move(entry.key), std::move(entry.value));
      }
    }
    frame.merges.clear();
  }

  const model::SourceFile& file_;
  const std::string& text_;
  const YamlReadOptions& options_;
  std::vector<model::Diagnostic>& diagnostics_;
  std::vector<YamlDocument> documents_;
  std::vector<Frame> stack_;
  std::vector<MapEntry> entry_stack_;
  std::vector<Value> item_stack_;
  std::unordered_map<YAML::anchor_t, NodeInfo> anchors_;
  uint64_t alias_nodes_ = 0;
  uint64_t anchor_copy_nodes_ = 0;
  int last_document_mark_ = -1;
  NodeInfo root_;
  bool has_root_ = false;
  uint32_t doc_begin_ = 0;
};

}  // namespace

std::vector<YamlDocument> read_yaml(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics,
                                    const YamlReadOptions& options) {
  DocumentBuilder builder(file, options, diagnostics);
  const std::string& text = file.content();
  auto error_at = [&](uint32_t pos, std::string message) {
    pos = std::min(pos, static_cast<uint32_t>(text.size()));
    uint32_t end = pos < text.size() ? pos + 1 : pos;
    diagnostics.push_back(
        model::Diagnostic{model::Diagnostic::Level::kError, Span{file.id(), pos, end}, std::move(message)});
  };
  try {
    // Most infrastructure files are in the subset the fast reader knows; the rest, and every error, is yaml-cpp's.
    if (auto events = fast_yaml_events(text)) {
      replay_yaml_events(*events, builder);
    } else {
      std::istringstream in(text);
      YAML::Parser parser(in);
      while (parser.HandleNextDocument(builder)) {
      }
    }
  } catch (const StopReading& stop) {
    error_at(stop.offset, stop.message);
  } catch (const YAML::Exception& e) {
    error_at(mark_offset(text, e.mark), "YAML syntax error: " + e.msg);
  } catch (const std::exception& e) {
    error_at(static_cast<uint32_t>(text.size()), std::string("YAML could not be read: ") + e.what());
  }
  return std::move(builder.documents());
}

}  // namespace gclint::syntax
