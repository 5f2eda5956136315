#include "engine/bounded_yaml.h"

#include <algorithm>
#include <string>
#include <utility>

namespace gclint::engine {
namespace {

model::Span clamped_span(const model::SourceFile& file, int mark_pos) {
  auto size = static_cast<uint32_t>(file.content().size());
  uint32_t pos = mark_pos > 0 ? std::min(static_cast<uint32_t>(mark_pos), size) : 0;
  return model::Span{file.id(), pos, std::min(pos + 1, size)};
}

void add_error(std::vector<model::Diagnostic>& diagnostics, model::Span span, std::string message) {
  diagnostics.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span, std::move(message)});
}

}  // namespace

std::optional<YAML::Node> load_bounded_yaml(const model::SourceFile& file,
                                            std::vector<model::Diagnostic>& diagnostics) {
  YAML::Node root;
  try {
    root = YAML::Load(file.content());
  } catch (const YAML::Exception& e) {
    add_error(diagnostics, clamped_span(file, e.mark.pos), "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
  // yaml-cpp shares aliased nodes, so the tree as walked can be exponentially larger than the file.
  // Count what a walk would visit, stopping at the budget: this costs at most kMaxYamlNodes steps.
  std::vector<std::pair<YAML::Node, uint32_t>> stack;
  stack.emplace_back(root, 0);
  uint64_t visited = 0;
  try {
    while (!stack.empty()) {
      auto [node, depth] = std::move(stack.back());
      stack.pop_back();
      if (++visited > kMaxYamlNodes) {
        add_error(diagnostics, clamped_span(file, 0),
                  "YAML alias expansion exceeds " + std::to_string(kMaxYamlNodes) + " nodes; file refused");
        return std::nullopt;
      }
      if (depth > kMaxYamlDepth) {
        add_error(diagnostics, clamped_span(file, node.Mark().pos),
                  "YAML nesting deeper than " + std::to_string(kMaxYamlDepth) + " levels; file refused");
        return std::nullopt;
      }
      if (node.IsSequence()) {
        for (const auto& item : node) stack.emplace_back(item, depth + 1);
      } else if (node.IsMap()) {
        for (const auto& entry : node) {
          stack.emplace_back(entry.first, depth + 1);
          stack.emplace_back(entry.second, depth + 1);
        }
      }
    }
  } catch (const YAML::Exception& e) {
    add_error(diagnostics, clamped_span(file, e.mark.pos), e.msg);
    return std::nullopt;
  }
  return root;
}

}  // namespace gclint::engine
