#pragma once

#include <cstdint>

namespace gclint::engine {

/// Three-valued logic result of a condition (rule-format.md "Conditions").
enum class Truth : uint8_t { kFalse, kTrue, kUnknown };

/// Three-valued negation.
inline Truth negate(Truth t) {
  return t == Truth::kTrue ? Truth::kFalse : t == Truth::kFalse ? Truth::kTrue : Truth::kUnknown;
}

}  // namespace gclint::engine
