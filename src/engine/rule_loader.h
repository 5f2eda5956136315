#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/check.h"
#include "engine/rule_node.h"
#include "model/diagnostic.h"
#include "model/source_set.h"

namespace gclint::engine {

/// Parses and validates one rule file (docs/rule-format.md) into a check with its compiled program.
/// Every problem is appended to `diagnostics` with its position; std::nullopt when there was any.
/// `builtin` rule files must be named for their ID; user rule files may not use the GC- prefix.
std::optional<Check> load_rule(const model::SourceFile& file, bool builtin,
                               std::vector<model::Diagnostic>& diagnostics);

/// The same for a tree already read from `file` (the embedded pack's compiled form; spans point into `file`).
/// Built-in rules compile their `matches` patterns on first use; load_rule compiles and checks them here.
std::optional<Check> load_rule_tree(const model::SourceFile& file, const RuleNode& root, bool builtin,
                                    std::vector<model::Diagnostic>& diagnostics);

struct Config;
class RulePack;

/// Checks the `checks:` section of .gclint.yaml against the pack: unknown check IDs and parameter names, and
/// overrides that do not fit their use (an invalid RE2 pattern for a `matches` parameter, a non-number for a
/// comparison, a bad CIDR or prefix length). Each problem is an error at the override's file:line:column.
void check_config_params(const RulePack& pack, const Config& config, std::vector<model::Diagnostic>& diagnostics);

/// The problem with a `cidr_prefix_at_most` limit (a prefix length, or {ipv4: N, ipv6: M}), or "" when valid.
std::string prefix_limit_problem(const model::Value& limit);

}  // namespace gclint::engine
