#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "model/parse_result.h"
#include "model/source_set.h"

namespace gclint::cloudformation {

struct LoadOptions {
  /// AWS::Region; unknown when not given (never a foreign default).
  std::optional<std::string> region;
  std::optional<std::string> account_id;
  /// Parameter values from --cfn-params, overriding Defaults.
  std::map<std::string, std::string> parameters;
  /// Upper bound on the Fn::If scenarios evaluated per resource (conditions with unknown values).
  uint32_t max_scenarios = 16;
  /// Read the template and stop: syntax only, no resources (--parse-only).
  bool syntax_only = false;
};

/// Loads one CloudFormation template (YAML or JSON) into resources with spans; malformed parts become
/// error diagnostics with line and column, and the rest of the template is still loaded.
model::ParseResult load_template(const model::SourceFile& file, const LoadOptions& options);

/// Reads a parameter file in any of the three common forms (CLI array, {"Parameters": {...}}, Key=Value lines).
bool read_parameter_file(const model::SourceFile& file, std::map<std::string, std::string>& out,
                         std::vector<model::Diagnostic>& diagnostics);

}  // namespace gclint::cloudformation
