#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"

namespace gclint::cloudformation {

/// True when the template's Transform names AWS::Serverless-2016-10-31.
bool uses_serverless_transform(const model::Value& root);

/// Rewrites the AWS::Serverless-2016-10-31 resources of `resources` (the Resources map) into the CloudFormation
/// resources SAM would deploy (Function -> Lambda Function + IAM Role + Url, Api -> RestApi + Stage, ...),
/// after merging the template's Globals. Generated nodes take the span of the SAM resource they come from;
/// copied properties keep their own spans. Other resources are kept as they are.
model::Value expand_serverless(const model::Value& root, const model::Value& resources,
                               std::vector<model::Diagnostic>& diagnostics);

}  // namespace gclint::cloudformation
