#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/span.h"
#include "model/value.h"

namespace YAML {
class Node;
}

namespace gclint::engine {

struct RuleEntry;

/// A rule file's YAML tree as the rule loader reads it: kinds, scalar text, plain-or-quoted and the byte
/// span yaml-cpp reported for every node. Built from yaml-cpp for user rule files, or decoded from the compact
/// form the build compiled the embedded pack into (so the binary never scans YAML at start-up).
struct RuleNode {
  enum class Kind : uint8_t { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  bool plain = true;  // scalar written without quotes (YAML core schema resolution applies)
  std::string text;   // kScalar
  model::Span span;
  std::vector<RuleNode> items;     // kSequence
  std::vector<RuleEntry> entries;  // kMap, in file order

  bool is_null() const { return kind == Kind::kNull; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_map() const { return kind == Kind::kMap; }
  /// Items of a sequence or entries of a map.
  size_t size() const;
};

/// One map entry. A struct rather than std::pair<RuleNode, RuleNode>: clang with libstdc++ rejects a pair of the
/// still incomplete RuleNode (the fuzz build uses clang).
struct RuleEntry {
  RuleNode first;
  RuleNode second;
};

inline size_t RuleNode::size() const { return is_map() ? entries.size() : items.size(); }

/// The tree of a yaml-cpp document; spans point into file `file` (depth-limited: deeper nodes become null).
/// `text_size` bounds every span (see yaml_span).
RuleNode rule_node_from_yaml(const YAML::Node& node, uint32_t file, size_t text_size = SIZE_MAX);

/// The compact form of a tree (for the build-time rule compiler).
std::string encode_rule_node(const RuleNode& node);
/// Decodes the compact form; std::nullopt when it is malformed. Spans get file id `file`.
std::optional<RuleNode> decode_rule_node(std::string_view data, uint32_t file);

/// A node as a Value: plain scalars resolve per the YAML core schema, quoted ones stay strings; a map entry's
/// value span starts at its key.
model::Value rule_node_value(const RuleNode& node);

}  // namespace gclint::engine
