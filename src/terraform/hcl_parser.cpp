#include "terraform/hcl_parser.h"

#include <optional>

#include "terraform/hcl_fast_parser.h"
#include "terraform/hcl_tree_sitter_parser.h"

namespace gclint::terraform {

HclFile parse_hcl(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics) {
  // The hand-written parser is about 25 times faster; tree-sitter's error recovery and messages stay the only
  // source of syntax diagnostics.
  if (std::optional<HclFile> fast = parse_hcl_fast(file)) return std::move(*fast);
  return parse_hcl_tree_sitter(file, diagnostics);
}

}  // namespace gclint::terraform
