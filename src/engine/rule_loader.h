#pragma once

#include <optional>
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

}  // namespace gclint::engine
