#include "engine/lazy_regex.h"

#include <re2/re2.h>

namespace gclint::engine {

LazyRegex::LazyRegex(std::string pattern) : pattern_(std::move(pattern)) {}

LazyRegex::LazyRegex(std::unique_ptr<const re2::RE2> compiled) : regex_(std::move(compiled)) {
  std::call_once(once_, [] {});
}

LazyRegex::~LazyRegex() = default;

const re2::RE2* LazyRegex::get() const {
  std::call_once(once_, [this] {
    auto regex = std::make_unique<const re2::RE2>(pattern_, re2::RE2::Quiet);
    if (regex->ok()) regex_ = std::move(regex);
  });
  return regex_.get();
}

}  // namespace gclint::engine
