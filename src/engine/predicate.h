#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/truth.h"
#include "model/resource.h"
#include "model/span.h"
#include "model/value.h"

namespace gclint::engine {

class ResourceGraph;
struct Config;

/// What a predicate sees (rule-format.md "Predicates").
struct PredicateContext {
  const model::Resource& resource;
  /// The `args:` map of the condition (null when absent).
  const model::Value& args;
  /// The value paths are relative to: the attributes, the view, or the current `each`/`some` element.
  const model::Value& current;
  const ResourceGraph& graph;
  const Config& config;
  /// The check's parameters after .gclint.yaml overrides.
  const std::map<std::string, model::Value>& params;
};

/// A predicate's verdict, with the span that decided and, when unknown, the expression that had no value.
struct PredicateResult {
  Truth truth = Truth::kFalse;
  model::Span blame;
  std::string unknown;    // e.g. "var.region"
  std::string attribute;  // path that decided, for {attribute}
  std::string value;      // value seen there, for {value}
};

using PredicateFn = PredicateResult (*)(const PredicateContext&);
/// Checks a predicate's `args:` when the rule loads; returns the problem, or "" when they are valid.
using PredicateArgsCheck = std::string (*)(const model::Value& args);

/// A registered predicate: its function, the `args:` keys it accepts and, optionally, a check of their values
/// (both applied when rules load).
struct PredicateEntry {
  std::string_view name;
  PredicateFn fn;
  std::vector<std::string_view> arg_names;
  PredicateArgsCheck check_args = nullptr;
  /// Whether it follows the graph to other resources and reads their attributes (Engine::cross_read_kinds).
  bool reads_other_resources = false;
};

/// Every predicate, by name (src/engine/predicate_registry.cpp).
const std::vector<PredicateEntry>& predicate_registry();
/// The entry for `name`, or nullptr.
const PredicateEntry* find_predicate(std::string_view name);

}  // namespace gclint::engine
