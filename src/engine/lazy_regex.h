#pragma once

#include <memory>
#include <mutex>
#include <string>

namespace re2 {
class RE2;
}

namespace gclint::engine {

/// An RE2 pattern compiled on first use, once, from any thread. The embedded pack's patterns are compiled
/// lazily (most runs use few of them; their validity is checked by the rule loader tests), user rule files'
/// patterns eagerly so that errors point at the rule.
class LazyRegex {
 public:
  /// Compiles `pattern` on the first get().
  explicit LazyRegex(std::string pattern);
  /// Wraps a pattern already compiled.
  explicit LazyRegex(std::unique_ptr<const re2::RE2> compiled);
  ~LazyRegex();

  /// The compiled pattern, or nullptr when it does not compile.
  const re2::RE2* get() const;

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<const re2::RE2> regex_;
};

}  // namespace gclint::engine
