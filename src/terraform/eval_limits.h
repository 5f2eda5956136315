#pragma once

#include <chrono>
#include <cstdint>

namespace gclint::terraform {

/// Bounds on what evaluating one root module may build (docs/security.md, "Limits"). A value beyond a bound
/// becomes unknown with a warning at the expression; past the deadline every expression is unknown (the scan
/// reports the unit as unfinished).
struct EvalLimits {
  /// Longest string a template or function may build, in bytes.
  uint64_t max_string_length = 16u << 20;
  /// Most elements one function call (range, setproduct, flatten, chunklist ...) or for expression may build.
  uint64_t max_collection_elements = 100000;
  /// The scan's --timeout, if any.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

}  // namespace gclint::terraform
