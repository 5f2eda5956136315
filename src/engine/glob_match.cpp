#include "engine/glob_match.h"

#include <vector>

namespace gclint::engine {
namespace {

bool match_from(std::string_view g, std::string_view s) {
  // Iterative matcher with backtracking for '*' and '**' (bounded: no recursion on input).
  size_t gi = 0;
  size_t si = 0;
  size_t star_g = std::string_view::npos;
  size_t star_s = 0;
  bool star_crosses = false;
  while (si < s.size()) {
    if (gi < g.size()) {
      if (g[gi] == '*') {
        bool double_star = gi + 1 < g.size() && g[gi + 1] == '*';
        gi += double_star ? 2 : 1;
        // "**/" also matches zero directories.
        if (double_star && gi < g.size() && g[gi] == '/') {
          if (match_from(g.substr(gi + 1), s.substr(si))) return true;
        }
        star_g = gi;
        star_s = si;
        star_crosses = double_star;
        continue;
      }
      if (g[gi] == '?' ? s[si] != '/' : g[gi] == s[si]) {
        ++gi;
        ++si;
        continue;
      }
    }
    if (star_g != std::string_view::npos && (star_crosses || s[star_s] != '/')) {
      ++star_s;
      si = star_s;
      gi = star_g;
      continue;
    }
    return false;
  }
  while (gi < g.size() && g[gi] == '*') ++gi;
  return gi == g.size();
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view path) {
  if (path.substr(0, 2) == "./") path.remove_prefix(2);
  if (glob.substr(0, 2) == "./") glob.remove_prefix(2);
  if (match_from(glob, path)) return true;
  // "envs/juki" or "envs/juki/" names a directory: everything below it matches.
  while (!glob.empty() && glob.back() == '/') glob.remove_suffix(1);
  if (glob.empty()) return false;
  for (size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1)) {
    if (match_from(glob, path.substr(0, slash))) return true;
  }
  return false;
}

}  // namespace gclint::engine
