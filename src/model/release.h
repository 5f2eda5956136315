#pragma once

#include <utility>

namespace gclint::model {

/// Empties a container and gives its buffer back. `c = {}` does not: for std::vector and std::string it picks the
/// initializer_list assignment, which keeps the capacity, and `clear()` keeps it too.
template <typename Container>
void release(Container& c) {
  Container().swap(c);
}

}  // namespace gclint::model
