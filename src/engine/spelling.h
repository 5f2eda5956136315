#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gclint::engine {

/// Levenshtein distance between two byte strings.
size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate to `word` when it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

/// "unknown <what> 'word'" plus "; did you mean 'x'?" when a candidate is close.
std::string unknown_word_message(std::string_view what, std::string_view word,
                                 const std::vector<std::string_view>& candidates);

}  // namespace gclint::engine
