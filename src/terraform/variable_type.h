#pragma once

#include <string>
#include <vector>

#include "model/value.h"
#include "terraform/expression_evaluator.h"
#include "terraform/hcl_ast.h"

namespace gclint::terraform {

/// A Terraform type constraint (`list(object({a = optional(string, "x")}))`).
struct VariableType {
  enum class Kind : uint8_t { kAny, kString, kNumber, kBool, kList, kSet, kMap, kObject, kTuple };
  struct Attr {
    std::string name;
    std::vector<VariableType> type;  // exactly one element
    bool optional = false;
    const Expr* default_value = nullptr;
  };

  Kind kind = Kind::kAny;
  std::vector<VariableType> elements;  // list/set/map: one; tuple: each
  std::vector<Attr> attrs;             // object

  /// Reads a type expression; unrecognized forms become `any`.
  static VariableType parse(const Expr& e);
};

/// Converts `v` to `type` as Terraform does for variable values. Returns false with `error` set when it cannot.
/// Optional attribute defaults are evaluated with `evaluator` (no names in scope are needed for them).
bool convert_to_type(model::Value& v, const VariableType& type, Evaluator& evaluator, std::string& error);

}  // namespace gclint::terraform
