#include "engine/yaml_node_value.h"

#include <algorithm>

#include "engine/rule_node.h"

namespace gclint::engine {

model::Span yaml_span(const YAML::Node& node, uint32_t file) {
  YAML::Mark mark = node.Mark();
  if (mark.pos < 0) return model::Span{file, 0, 0};
  auto begin = static_cast<uint32_t>(mark.pos);
  uint32_t end = begin + 1;
  if (node.IsScalar()) end = begin + static_cast<uint32_t>(std::max<size_t>(node.Scalar().size(), 1));
  return model::Span{file, begin, end};
}

bool yaml_is_plain(const YAML::Node& node) { return node.IsScalar() && node.Tag() != "!"; }

model::Value yaml_to_value(const YAML::Node& node, uint32_t file) {
  return rule_node_value(rule_node_from_yaml(node, file));
}

}  // namespace gclint::engine
