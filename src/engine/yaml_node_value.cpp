#include "engine/yaml_node_value.h"

#include <charconv>
#include <cmath>

namespace gclint::engine {
namespace {

constexpr int kMaxDepth = 128;

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

}  // namespace

model::Span yaml_span(const YAML::Node& node, uint32_t file) {
  YAML::Mark mark = node.Mark();
  if (mark.pos < 0) return model::Span{file, 0, 0};
  auto begin = static_cast<uint32_t>(mark.pos);
  uint32_t end = begin + 1;
  if (node.IsScalar()) end = begin + static_cast<uint32_t>(std::max<size_t>(node.Scalar().size(), 1));
  return model::Span{file, begin, end};
}

bool yaml_is_plain(const YAML::Node& node) { return node.IsScalar() && node.Tag() != "!"; }

model::Value yaml_to_value(const YAML::Node& node, uint32_t file, int depth) {
  model::Span span = yaml_span(node, file);
  if (depth > kMaxDepth) return model::Value::null(span);
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      model::Value list = model::Value::list(span);
      for (const auto& item : node) list.push(yaml_to_value(item, file, depth + 1));
      return list;
    }
    case YAML::NodeType::Map: {
      model::Value map = model::Value::map(span);
      for (const auto& entry : node) {
        model::Value value = yaml_to_value(entry.second, file, depth + 1);
        value.span.begin = yaml_span(entry.first, file).begin;
        map.set(entry.first.Scalar(), std::move(value));
      }
      return map;
    }
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      if (!yaml_is_plain(node)) return model::Value::of_string(text, span);
      if (text == "~" || text == "null" || text == "Null" || text == "NULL") return model::Value::null(span);
      if (text == "true" || text == "True" || text == "TRUE") return model::Value::of_bool(true, span);
      if (text == "false" || text == "False" || text == "FALSE") return model::Value::of_bool(false, span);
      double n = 0;
      if (parse_plain_number(text, n)) return model::Value::of_number(n, span);
      return model::Value::of_string(text, span);
    }
    default:
      return model::Value::null(span);
  }
}

}  // namespace gclint::engine
