#include "engine/rule_node.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>

#include "engine/yaml_node_value.h"

namespace gclint::engine {
namespace {

// Rule files are shallow; this only bounds recursion on hostile user files and corrupt data.
constexpr int kMaxDepth = 128;

RuleNode from_yaml(const YAML::Node& node, uint32_t file, size_t size, int depth) {
  RuleNode out;
  out.span = yaml_span(node, file, size);
  if (depth > kMaxDepth) return out;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      out.kind = RuleNode::Kind::kScalar;
      out.plain = yaml_is_plain(node);
      out.text = node.Scalar();
      break;
    case YAML::NodeType::Sequence:
      out.kind = RuleNode::Kind::kSequence;
      for (const auto& item : node) out.items.push_back(from_yaml(item, file, size, depth + 1));
      break;
    case YAML::NodeType::Map:
      out.kind = RuleNode::Kind::kMap;
      for (const auto& entry : node) {
        out.entries.push_back(
            RuleEntry{from_yaml(entry.first, file, size, depth + 1), from_yaml(entry.second, file, size, depth + 1)});
      }
      break;
    default:
      break;
  }
  return out;
}

void put_number(std::string& out, uint64_t n) {
  do {
    auto byte = static_cast<unsigned char>(n & 0x7f);
    n >>= 7;
    out.push_back(static_cast<char>(n != 0 ? byte | 0x80 : byte));
  } while (n != 0);
}

void encode(const RuleNode& node, std::string& out) {
  char kind = node.is_scalar() ? (node.plain ? 's' : 'q') : node.is_sequence() ? 'l' : node.is_map() ? 'm' : 'n';
  out.push_back(kind);
  put_number(out, node.span.begin);
  put_number(out, node.span.end);
  if (node.is_scalar()) {
    put_number(out, node.text.size());
    out += node.text;
  } else if (node.is_sequence()) {
    put_number(out, node.items.size());
    for (const auto& item : node.items) encode(item, out);
  } else if (node.is_map()) {
    put_number(out, node.entries.size());
    for (const auto& [key, value] : node.entries) {
      encode(key, out);
      encode(value, out);
    }
  }
}

class Decoder {
 public:
  Decoder(std::string_view data, uint32_t file) : data_(data), file_(file) {}

  bool node(RuleNode& out, int depth) {
    if (depth > kMaxDepth || pos_ >= data_.size()) return false;
    char kind = data_[pos_++];
    uint64_t begin = 0;
    uint64_t end = 0;
    if (!number(begin) || !number(end) || begin > UINT32_MAX || end > UINT32_MAX) return false;
    out.span = model::Span{file_, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    uint64_t count = 0;
    switch (kind) {
      case 'n':
        return true;
      case 's':
      case 'q':
        out.kind = RuleNode::Kind::kScalar;
        out.plain = kind == 's';
        if (!number(count) || count > data_.size() - pos_) return false;
        out.text.assign(data_.substr(pos_, count));
        pos_ += count;
        return true;
      case 'l':
        out.kind = RuleNode::Kind::kSequence;
        if (!number(count) || count > data_.size() - pos_) return false;
        out.items.resize(count);
        for (auto& item : out.items) {
          if (!node(item, depth + 1)) return false;
        }
        return true;
      case 'm':
        out.kind = RuleNode::Kind::kMap;
        if (!number(count) || count > data_.size() - pos_) return false;
        out.entries.resize(count);
        for (auto& [key, value] : out.entries) {
          if (!node(key, depth + 1) || !node(value, depth + 1)) return false;
        }
        return true;
      default:
        return false;
    }
  }

  bool done() const { return pos_ == data_.size(); }

 private:
  bool number(uint64_t& out) {
    out = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) return false;
      auto byte = static_cast<unsigned char>(data_[pos_++]);
      out |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }

  std::string_view data_;
  uint32_t file_;
  size_t pos_ = 0;
};

bool parse_plain_number(const std::string& text, double& out) {
  if (text.empty()) return false;
  std::string_view view = text;
  if (view.front() == '+') view.remove_prefix(1);
  if (view.size() > 2 && view[0] == '0' && (view[1] == 'x' || view[1] == 'o')) {
    long long n = 0;
    auto [ptr, ec] = std::from_chars(view.data() + 2, view.data() + view.size(), n, view[1] == 'x' ? 16 : 8);
    if (ec != std::errc() || ptr != view.data() + view.size()) return false;
    out = static_cast<double>(n);
    return true;
  }
  auto [ptr, ec] = std::from_chars(view.data(), view.data() + view.size(), out);
  return ec == std::errc() && ptr == view.data() + view.size() && std::isfinite(out);
}

model::Value to_value(const RuleNode& node, int depth) {
  if (depth > kMaxDepth) return model::Value::null(node.span);
  switch (node.kind) {
    case RuleNode::Kind::kSequence: {
      model::Value list = model::Value::list(node.span);
      for (const auto& item : node.items) list.push(to_value(item, depth + 1));
      return list;
    }
    case RuleNode::Kind::kMap: {
      model::Value map = model::Value::map(node.span);
      for (const auto& [key, value_node] : node.entries) {
        model::Value value = to_value(value_node, depth + 1);
        value.span.begin = key.span.begin;
        map.set(key.text, std::move(value));
      }
      return map;
    }
    case RuleNode::Kind::kScalar: {
      const std::string& text = node.text;
      if (!node.plain) return model::Value::of_string(text, node.span);
      if (text == "~" || text == "null" || text == "Null" || text == "NULL") return model::Value::null(node.span);
      if (text == "true" || text == "True" || text == "TRUE") return model::Value::of_bool(true, node.span);
      if (text == "false" || text == "False" || text == "FALSE") return model::Value::of_bool(false, node.span);
      double n = 0;
      if (parse_plain_number(text, n)) return model::Value::of_number(n, node.span);
      return model::Value::of_string(text, node.span);
    }
    default:
      return model::Value::null(node.span);
  }
}

}  // namespace

RuleNode rule_node_from_yaml(const YAML::Node& node, uint32_t file, size_t text_size) {
  return from_yaml(node, file, text_size, 0);
}

std::string encode_rule_node(const RuleNode& node) {
  std::string out;
  encode(node, out);
  return out;
}

std::optional<RuleNode> decode_rule_node(std::string_view data, uint32_t file) {
  Decoder decoder(data, file);
  RuleNode root;
  if (!decoder.node(root, 0) || !decoder.done()) return std::nullopt;
  return root;
}

model::Value rule_node_value(const RuleNode& node) { return to_value(node, 0); }

}  // namespace gclint::engine
