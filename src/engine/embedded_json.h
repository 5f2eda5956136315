#pragma once

#include <optional>

#include "model/value.h"

namespace gclint::engine {

/// The JSON object or array inside a string value (a policy from jsonencode(), a heredoc or
/// data.aws_iam_policy_document), or std::nullopt when the text is not one. Every parsed node carries the
/// string's span, so findings point at the attribute (`policy = ...`). A string that is wholly a Terraform
/// placeholder `${expr}` becomes Value::unknown("expr") with the string's references to `expr`.
std::optional<model::Value> parse_embedded_json(const model::Value& text);

}  // namespace gclint::engine
