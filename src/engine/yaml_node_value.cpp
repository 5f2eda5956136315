#include "engine/yaml_node_value.h"

#include <algorithm>

#include "engine/rule_node.h"

namespace gclint::engine {

model::Span yaml_span(const YAML::Node& node, uint32_t file, size_t text_size) {
  YAML::Mark mark = node.Mark();
  if (mark.pos < 0) return model::Span{file, 0, 0};
  size_t begin = std::min(static_cast<size_t>(mark.pos), text_size);
  size_t end = begin + (node.IsScalar() ? std::max<size_t>(node.Scalar().size(), 1) : 1);
  end = std::min(end, text_size);
  return model::Span{file, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

bool yaml_is_plain(const YAML::Node& node) { return node.IsScalar() && node.Tag() != "!"; }

model::Value yaml_to_value(const YAML::Node& node, uint32_t file) {
  return rule_node_value(rule_node_from_yaml(node, file));
}

}  // namespace gclint::engine
