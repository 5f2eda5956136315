#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/source_set.h"
#include "terraform/hcl_ast.h"

namespace gclint::terraform {

/// Where and why the hand-written parser gave up on a file.
struct HclFastError {
  uint32_t offset = 0;
  std::string reason;
};

/// Parses HCL native syntax with the hand-written lexer and recursive-descent parser, building the same tree (node
/// kinds and byte spans) as parse_hcl_tree_sitter. Returns nothing on a syntax error, on input the two parsers
/// could read differently (comments inside an operator chain, a newline inside an attribute's expression, chained
/// conditionals, non-ASCII identifiers, ...), or past its nesting limit: the caller then parses with tree-sitter,
/// which reports the errors.
std::optional<HclFile> parse_hcl_fast(const model::SourceFile& file, HclFastError* error = nullptr);

}  // namespace gclint::terraform
