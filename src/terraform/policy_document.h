#pragma once

#include "model/value.h"

namespace gclint::terraform {

/// Renders the arguments of a `data "aws_iam_policy_document"` to the policy JSON string the AWS provider
/// produces (keys Version, Statement, Sid, Effect, Action, Resource, Principal, Condition). Unknown leaves are
/// written as "${expression}" placeholders and their references are kept on the returned value.
model::Value render_policy_document(const model::Value& attributes, model::Span span);

}  // namespace gclint::terraform
