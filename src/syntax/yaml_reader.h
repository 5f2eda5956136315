#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/source_set.h"
#include "model/value.h"
#include "syntax/reader_limits.h"

namespace gclint::syntax {

/// Turns a node carrying a local tag (e.g. "!Ref") into the value to keep. `value` is the node read as
/// plain YAML (scalar string, list or map) with its span. Return std::nullopt to reject the tag; the reader
/// then records an "unknown tag" error at the node and keeps the node as an unknown value named by the tag.
using YamlTagHandler = std::function<std::optional<model::Value>(std::string_view tag, model::Value value)>;

struct YamlReadOptions {
  /// Defaults: the scan's nesting_depth and yaml_alias_nodes limits (syntax/reader_limits.h).
  uint32_t max_depth = reader_limits().max_depth;
  /// Total nodes produced by alias expansion per document (billion-laughs guard).
  uint64_t max_alias_nodes = reader_limits().max_alias_nodes;
  bool duplicate_keys_are_errors = true;
  /// Called for tags other than the YAML core schema ones; when empty, such tags are ignored.
  YamlTagHandler tag_handler;
};

/// One YAML document with the byte offset of its first line (for `# Source:` mapping and empty docs).
struct YamlDocument {
  model::Value root;  // null for empty documents
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// Reads every document of a YAML stream into Values with spans. Plain scalars resolve per the YAML 1.2
/// core schema (null, true/false, ints, floats); quoted scalars stay strings. On a syntax error the
/// documents read so far are returned and one error diagnostic gives line and column.
std::vector<YamlDocument> read_yaml(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics,
                                    const YamlReadOptions& options = {});

}  // namespace gclint::syntax
