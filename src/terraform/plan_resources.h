#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/resource.h"
#include "model/value.h"

namespace gclint::terraform {

/// Resources of a parsed plan (`terraform show -json`) with every span in the plan file:
/// - managed and data resources from `planned_values` (child modules included), addresses as the plan prints them;
///   data sources read during planning that only `prior_state` holds are added from there;
/// - each leaf `after_unknown` marks in `resource_changes` becomes an unknown value (never a guess);
/// - `references` of the `configuration` expressions ride on the values at the same path (graph edges), resolved
///   to absolute addresses through module calls;
/// - a sensitive leaf (`sensitive_values` / `after_sensitive`) is unknown unless the configuration writes it as a
///   constant: the plan holds secrets in clear, but one that is not in the code is neither judged nor printed;
/// - provider and region from `configuration.provider_config` (a region set by an expression is unknown; none at
///   all is `default_region` when given, else unknown).
/// Without `planned_values`, the `after` values of `resource_changes` are used.
std::vector<model::Resource> plan_resources(const model::Value& plan, const std::optional<std::string>& default_region,
                                            std::vector<model::Diagnostic>& diagnostics);

}  // namespace gclint::terraform
