#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "terraform/hcl_ast.h"

// Pieces shared by both HCL front ends (tree-sitter and hand-written), so that literal text, strip markers,
// heredoc indentation and numbers come out byte-identical whichever parser read the file.
namespace gclint::terraform {

// A template flattened into literals and directive markers, so that strip markers (~) and heredoc
// indentation can be applied across directive boundaries before the tree is rebuilt.
struct TplToken {
  enum Kind : uint8_t { kLit, kInterp, kIf, kElse, kEndIf, kFor, kEndFor } kind = kLit;
  bool strip_left = false;
  bool strip_right = false;
  std::string text;   // kLit: raw text; kFor: key var
  std::string text2;  // kFor: value var
  uint32_t begin = 0;
  uint32_t end = 0;
  Expr expr;
};

/// Text of a literal: quoted strings take backslash escapes; both kinds take the $${ and %%{ escapes.
std::string unescape(std::string_view raw, bool quoted);

/// Value of a numeric literal (decimal with optional fraction and exponent, or 0x hex).
double numeric_value(std::string_view text);

/// Builds a kTemplate spanning [begin, end) from its flattened tokens: applies <<- indentation removal (`flush`),
/// strip markers and unescaping, then nests the directives.
Expr build_template(std::vector<TplToken>& toks, uint32_t begin, uint32_t end, bool heredoc, bool flush);

}  // namespace gclint::terraform
