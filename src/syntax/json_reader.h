#pragma once

#include <optional>
#include <vector>

#include "model/diagnostic.h"
#include "model/source_set.h"
#include "model/value.h"
#include "syntax/reader_limits.h"

namespace gclint::syntax {

struct JsonReadOptions {
  /// Deeper nesting is an error, never a stack overflow. Default: the scan's nesting_depth limit.
  uint32_t max_depth = reader_limits().max_depth;
  /// Duplicate object keys: an error diagnostic (RFC 8259 leaves them undefined; CloudFormation rejects them).
  bool duplicate_keys_are_errors = true;
};

/// Strict RFC 8259 JSON to Value with a byte span on every node (a member's value span starts at its key).
/// Syntax errors are appended to `diagnostics` with the exact position and yield std::nullopt.
/// A UTF-8 BOM is skipped; invalid UTF-8 in strings is an error.
std::optional<model::Value> read_json(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics,
                                      const JsonReadOptions& options = {});

}  // namespace gclint::syntax
