#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <vector>

#include "model/diagnostic.h"
#include "model/source_set.h"

namespace gclint::engine {

/// Nodes a configuration or rule file may expand to through aliases, and how deep it may nest.
inline constexpr uint64_t kMaxYamlNodes = 200000;
inline constexpr uint32_t kMaxYamlDepth = 128;

/// Loads a configuration or rule file with yaml-cpp. A syntax error, an alias expansion beyond kMaxYamlNodes
/// (a "billion laughs" file from the scanned repository) or nesting beyond kMaxYamlDepth appends an error
/// inside the file's bounds and yields std::nullopt, so later walks of the tree are bounded.
std::optional<YAML::Node> load_bounded_yaml(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics);

}  // namespace gclint::engine
