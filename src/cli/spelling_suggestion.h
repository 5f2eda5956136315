#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gclint::cli {

/// The candidate closest to `word` by edit distance, when close enough to be a plausible typo.
std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace gclint::cli
