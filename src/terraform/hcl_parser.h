#pragma once

#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/source_set.h"
#include "terraform/hcl_ast.h"

namespace gclint::terraform {

/// Parses HCL native syntax: the hand-written parser first; on any syntax error its result is dropped and the
/// tree-sitter parser reads the file again, appending each error to `diagnostics` with its position while still
/// returning everything that parsed.
HclFile parse_hcl(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics);

/// The source text of an expression.
inline std::string_view expr_text(const model::SourceFile& file, const Expr& e) {
  return std::string_view(file.content()).substr(e.begin, e.end - e.begin);
}

}  // namespace gclint::terraform
