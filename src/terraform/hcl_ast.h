#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gclint::terraform {

/// Kinds of HCL expression nodes after parsing.
enum class ExprKind : uint8_t {
  kInvalid,  // a syntax error inside the expression
  kNull,
  kBool,  // number != 0 means true
  kNumber,
  kString,      // text, already unescaped
  kTemplate,    // kids: parts (kTplLiteral, kTplInterp, kTplIf, kTplFor)
  kTplLiteral,  // text
  kTplInterp,   // kids[0]
  kTplIf,       // kids: cond, then (kTemplate), else (kTemplate)
  kTplFor,      // name = key var (may be empty), name2 = value var; kids: collection, body (kTemplate)
  kTuple,       // kids
  kObject,      // kids: key0, value0, key1, value1, ...
  kVariable,    // name
  kGetAttr,     // kids[0] . name
  kIndex,       // kids[0] [ kids[1] ]
  kSplat,       // kids[0] = source, kids[1] = per-item expression rooted at kSplatItem
  kSplatItem,
  kCall,         // name(kids...), expand_last
  kForTuple,     // name, name2; kids: collection, value, cond (optional kInvalid-free)
  kForObject,    // name, name2; kids: collection, key, value, cond (optional); grouping
  kConditional,  // kids: cond, then, else
  kUnary,        // op; kids[0]
  kBinary,       // op; kids[0], kids[1]
  kParen,        // kids[0]
};

/// One expression node with its byte range in the file.
struct Expr {
  ExprKind kind = ExprKind::kInvalid;
  // kCall: last argument expanded with "..."; kForTuple/kForObject: has a condition;
  // kTemplate: a heredoc holding JSON (unknown interpolations become "${...}" placeholders).
  bool flag = false;
  char op[3] = {0, 0, 0};
  uint32_t begin = 0;
  uint32_t end = 0;
  double number = 0;
  std::string name;
  std::string name2;
  std::vector<Expr> kids;
};

struct Block;

/// `name = expr` inside a body.
struct Attribute {
  std::string name;
  uint32_t begin = 0;  // start of the name
  uint32_t end = 0;    // end of the expression
  Expr value;
};

/// A body: attributes and blocks in source order.
struct Body {
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;

  const Attribute* attribute(std::string_view name) const {
    for (const auto& a : attributes) {
      if (a.name == name) return &a;
    }
    return nullptr;
  }
};

/// `type "label" ... { body }`.
struct Block {
  std::string type;
  std::vector<std::string> labels;
  uint32_t begin = 0;       // the type keyword
  uint32_t header_end = 0;  // end of the last label (or the type keyword)
  uint32_t end = 0;         // after the closing brace
  Body body;
};

/// A parsed file: its id in the SourceSet and its top-level body.
struct HclFile {
  uint32_t file_id = UINT32_MAX;
  Body body;
};

}  // namespace gclint::terraform
