#pragma once

#include <map>
#include <string>
#include <vector>

#include "cloudformation/template_loader.h"
#include "model/diagnostic.h"
#include "model/value.h"

namespace gclint::cloudformation {

/// The value of every declared parameter: the override from `options`, else Default, else unknown
/// ("Parameters.<name>"). List types become lists; SSM parameter types stay unknown. A known value outside
/// AllowedValues, a parameter without Type, and a malformed section are error diagnostics.
std::map<std::string, model::Value> read_parameter_values(const model::Value& section, const model::Span& section_span,
                                                          const LoadOptions& options,
                                                          std::vector<model::Diagnostic>& diagnostics);

}  // namespace gclint::cloudformation
