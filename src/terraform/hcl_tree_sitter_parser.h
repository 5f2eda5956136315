#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "model/source_set.h"
#include "terraform/hcl_ast.h"

namespace gclint::terraform {

/// Parses HCL native syntax with tree-sitter (one parser per thread), recovering from syntax errors: each is
/// appended to `diagnostics` with its position, and everything that parsed is still returned.
HclFile parse_hcl_tree_sitter(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics);

}  // namespace gclint::terraform
