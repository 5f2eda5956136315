#pragma once

#include <optional>
#include <string_view>

#include "model/value.h"

namespace gclint::cloudformation {

/// Rewrites a CloudFormation short-form tag (`!Ref X`, `!GetAtt A.B`, `!Sub ...`) into its long form
/// ({"Ref": X}, {"Fn::GetAtt": [A, B]}, ...); std::nullopt for any other tag. Usable as a YamlTagHandler.
std::optional<model::Value> expand_short_form_tag(std::string_view tag, model::Value value);

}  // namespace gclint::cloudformation
