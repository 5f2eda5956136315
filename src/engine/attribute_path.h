#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/value.h"

namespace gclint::engine {

/// A parsed rule path (rule-format.md "Paths"): `a.b[0]."x/y"`, `.`, or a special `$name` path.
struct AttributePath {
  struct Step {
    std::string key;     // map key, when index < 0
    int32_t index = -1;  // list index
  };
  std::vector<Step> steps;  // empty = the current element (".")
  /// Special path name without "$" ("type", "tags"), empty for attribute paths.
  std::string special;
  /// For `$tags.<key>`: the tag key.
  std::string special_arg;
  /// The path as written in the rule.
  std::string text;

  bool is_special() const { return !special.empty(); }
  /// Steps from `from` on, written back as a path (`b[0].c`).
  std::string suffix_text(size_t from) const;
};

/// Parses a path; on error returns std::nullopt and sets `error`.
std::optional<AttributePath> parse_attribute_path(std::string_view text, std::string& error);

/// Every value at `path` below `start`, projecting through lists (no special paths). Unknown values met on
/// the way are returned as they are.
void collect_path_values(const AttributePath& path, const model::Value& start, std::vector<const model::Value*>& out);

/// Names accepted after `$`.
const std::vector<std::string_view>& special_path_names();

}  // namespace gclint::engine
