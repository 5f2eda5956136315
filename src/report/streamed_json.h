#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace gclint::report {

/// An array member of a document that is written element by element instead of being built in memory.
struct StreamedArray {
  /// The string value the document holds where the array belongs (unique in the document).
  std::string placeholder;
  size_t count = 0;
  /// Builds element i; called once per element, in order, while the document is written.
  std::function<nlohmann::ordered_json(size_t)> element;
  /// Or writes element i's text as dump(2) would at indentation 0 (json_text.h), replacing `element`.
  std::function<void(size_t, std::string&)> element_text;
};

/// Writes `document` as `dump(2)` would, followed by a newline, with each placeholder string replaced by its
/// array. Elements are rendered a batch at a time, shared among `threads` threads (so `element` and `element_text`
/// must only read) and written in order: the output does not depend on `threads`, and a report of any size costs
/// the memory of one batch.
void write_streamed(std::ostream& out, const nlohmann::ordered_json& document, const std::vector<StreamedArray>& arrays,
                    unsigned threads = 1);

}  // namespace gclint::report
