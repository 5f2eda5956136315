#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "model/source_set.h"
#include "terraform/hcl_ast.h"

namespace gclint::terraform {

/// Reads a Terraform JSON configuration (.tf.json) into the same AST as native syntax. Strings are parsed as
/// templates; nested objects in resource, data and provider bodies become blocks except map-valued arguments
/// such as tags (without provider schemas the split is a fixed list).
HclFile parse_json_config(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics);

}  // namespace gclint::terraform
