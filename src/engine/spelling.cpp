#include "engine/spelling.h"

#include <algorithm>

namespace gclint::engine {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Like ninja's SpellcheckString: accept at most a third of the word (minimum 1, maximum 3) as edits.
  size_t limit = std::clamp<size_t>(word.size() / 3, 1, 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

std::string unknown_word_message(std::string_view what, std::string_view word,
                                 const std::vector<std::string_view>& candidates) {
  std::string message = "unknown " + std::string(what) + " '" + std::string(word) + "'";
  std::string suggestion = closest_match(word, candidates);
  if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
  return message;
}

}  // namespace gclint::engine
