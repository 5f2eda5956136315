#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/config.h"
#include "engine/match_program.h"
#include "engine/resource_graph.h"
#include "engine/truth.h"
#include "model/resource.h"
#include "model/value.h"

namespace gclint::engine {

/// The values a path reaches. Most paths reach a few: declared with a HitsBuffer, they live on the stack.
using ValueHits = std::pmr::vector<const model::Value*>;
struct HitsBuffer {
  std::array<std::byte, 256> bytes;
  std::pmr::monotonic_buffer_resource resource{bytes.data(), bytes.size()};
};

/// What a check evaluation may read besides the resource: the graph, the configuration, the parameters.
struct EvalEnvironment {
  const ResourceGraph& graph;
  const Config& config;
  /// The check's parameters after .gclint.yaml overrides.
  const std::map<std::string, model::Value>& params;
  /// `{config: NAME}` operands as lists of strings, and their CIDRs parsed once per run.
  const std::map<std::string, model::Value>& config_values;
  const std::map<std::string, std::vector<Cidr>>& config_cidrs;
  /// RE2 patterns of string parameters overridden in .gclint.yaml, compiled once per run.
  const std::map<std::string, std::shared_ptr<const re2::RE2>>* param_regexes = nullptr;
};

/// The result of a condition with the place that decided it (rule-format.md "Where a finding points").
struct Outcome {
  Truth truth = Truth::kFalse;
  /// The value that decided, inside the evaluation root; nullptr when the path was missing.
  const model::Value* value = nullptr;
  /// When the path was missing: the nearest enclosing value that exists, and the missing remainder.
  const model::Value* anchor = nullptr;
  const AttributePath* path = nullptr;
  uint16_t missing_step = 0;
  /// Set by predicates, relations and special paths instead of value/anchor.
  bool explicit_blame = false;
  model::Span span;
  std::string attribute;
  std::string shown_value;
  /// For kUnknown: the expression that had no value.
  std::string unknown;
};

/// Evaluates compiled conditions on one resource. One evaluator per resource and thread: it caches the JSON
/// documents parsed out of string values, and outcomes may point into them while it lives.
class ConditionEvaluator {
 public:
  /// `root` is what paths start from: the attributes or a view of `resource`.
  ConditionEvaluator(const EvalEnvironment& env, const model::Resource& resource, const model::Value& root);

  /// Evaluates `condition` with `current` as the element relative paths start from.
  Outcome evaluate(const Condition& condition, const model::Value& current) const;
  /// Evaluates against the root.
  Outcome evaluate(const Condition& condition) const { return evaluate(condition, root_); }

  /// The span to report: the deciding value, else the nearest existing block, else the resource.
  model::Span blame_span(const Outcome& outcome) const;
  /// The attribute path that decided (`ingress[0].cidr_blocks`), for {attribute} and fingerprints.
  std::string attribute_of(const Outcome& outcome) const;
  /// The value seen there, or "(not set)", for {value}.
  std::string value_of(const Outcome& outcome) const;

  /// Elements at `path` below `current` for each/some/every/none: list items, or the value itself.
  /// Unknown values are returned as elements too. Sets `anchor` when nothing was found.
  void elements(const AttributePath& path, const model::Value& current, ValueHits& out, const model::Value*& anchor,
                uint16_t& missing_step) const;

 private:
  Outcome evaluate_at(const Condition& condition, const model::Value& current, int depth) const;
  Outcome evaluate_attribute(const Condition& condition, const model::Value& current) const;
  Outcome evaluate_hits(const Condition& condition, std::span<const model::Value* const> hits) const;
  Outcome evaluate_ports(const Condition& condition, const model::Value& current) const;
  Outcome evaluate_quantifier(const Condition& condition, const model::Value& current, int depth) const;
  Outcome evaluate_references(const Condition& condition, const model::Value& current, int depth) const;
  Outcome evaluate_referenced_by(const Condition& condition, int depth) const;
  /// `references` with `via:`: follows the resource's relations of that kind.
  Outcome evaluate_related(const Condition& condition, int depth) const;
  Outcome evaluate_predicate(const Condition& condition, const model::Value& current) const;
  const model::Value* operand(const Operand& op) const;
  const std::vector<Cidr>* operand_cidrs(const Operand& op, std::vector<Cidr>& scratch) const;
  void resolve(const AttributePath& path, const model::Value& start, ValueHits& hits, const model::Value*& anchor,
               uint16_t& missing_step) const;
  /// How specific a blame is for `any`: (not the resource itself, depth in the attribute tree); larger wins.
  std::pair<int, int> specificity(const Outcome& outcome) const;
  /// Depth of a value below the evaluation root (documents parsed out of strings included); -1 when outside.
  int depth_of(const model::Value* value) const;
  void index_depths(const model::Value& node, int depth) const;
  /// The object or array inside a JSON string value, parsed once; nullptr when the string holds none.
  const model::Value* embedded_json(const model::Value& text) const;
  bool find_path(const model::Value& node, const model::Value* target, std::string& out, int depth) const;

  const EvalEnvironment& env_;
  const model::Resource& resource_;
  const model::Value& root_;
  mutable std::unordered_map<const model::Value*, std::unique_ptr<model::Value>> parsed_strings_;
  mutable std::vector<std::pair<const model::Value*, int>> depths_;  // sorted by address
  mutable size_t indexed_strings_ = 0;
};

/// Equality as Terraform compares values: "443" equals 443, "true" equals true.
bool loose_equals(const model::Value& a, const model::Value& b);
/// The number in a number or numeric string.
std::optional<double> numeric_value(const model::Value& value);

}  // namespace gclint::engine
