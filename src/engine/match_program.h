#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/attribute_path.h"
#include "engine/cidr.h"
#include "engine/lazy_regex.h"
#include "engine/predicate.h"
#include "model/finding.h"
#include "model/resource.h"
#include "model/span.h"
#include "model/value.h"

namespace re2 {
class RE2;
}

namespace gclint::engine {

/// The right-hand side of an attribute operator: a literal, `{param: NAME}` or `{config: NAME}`.
struct Operand {
  enum class Kind : uint8_t { kLiteral, kParam, kConfig };
  Kind kind = Kind::kLiteral;
  model::Value literal;
  std::string name;  // parameter or config key
  /// Literal CIDR lists, parsed once at load.
  std::vector<Cidr> cidrs;
};

/// One port or port range of a `ports` condition's `overlaps:` list.
struct PortRange {
  int32_t from = 0;
  int32_t to = 0;
};

/// A compiled condition (rule-format.md "Conditions").
struct Condition {
  enum class Op : uint8_t {
    kExists,
    kEquals,
    kOneOf,
    kMatches,
    kContains,
    kGt,
    kGte,
    kLt,
    kLte,
    kEmpty,
    kCidrIsAny,
    kCidrIsPublic,
    kCidrOverlaps,
    kCidrWithin,
    kCidrPrefixAtMost,
    kType,
    kPorts,
    kAll,
    kAny,
    kNot,
    kSome,
    kEvery,
    kNone,
    kReferences,
    kReferencedBy,
    kPredicate,
  };
  Op op = Op::kAll;
  /// `not_equals`, `exists: false`, `empty: false`...: the operator's result is negated.
  bool negated = false;
  AttributePath path;
  Operand operand;
  std::shared_ptr<const LazyRegex> regex;
  /// all/any: the children; not/some/every/none: one child; references/referenced_by: the optional `where`.
  std::vector<Condition> children;
  /// ports: paths relative to the current element and the ranges to test.
  std::optional<AttributePath> from_path, to_path, protocol_path;
  std::vector<PortRange> ports;
  /// references / referenced_by. `via` is the attribute prefix or relation kind of referenced_by, and the
  /// relation kind that `references` follows instead of a path.
  std::vector<std::string> types;
  std::string via;
  /// predicate
  PredicateFn predicate = nullptr;
  std::string predicate_name;
  model::Value args;
  /// Where the condition is written in the rule file.
  model::Span span;
};

/// One `match:` block.
struct MatchBlock {
  model::Format format = model::Format::kTerraform;
  /// Resource types with "@workload" expanded.
  std::vector<std::string> types;
  std::string view;
  std::optional<AttributePath> each;
  std::optional<Condition> where;
  Condition condition;
  /// `deny:` (true → finding) rather than `assert:` (false → finding).
  bool deny = false;
  std::optional<model::LocalizedText> message;
  model::Span span;
};

/// The compiled `match:` list of a check.
struct MatchProgram {
  std::vector<MatchBlock> blocks;
};

/// Kubernetes kinds that carry a pod template ("@workload").
const std::vector<std::string>& workload_kinds();

}  // namespace gclint::engine
