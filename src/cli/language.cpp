#include "cli/language.h"

#include <cstdlib>
#include <string_view>

namespace gclint::cli {

std::string language_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return std::string_view(value).starts_with("ja") ? "ja" : "en";
  }
  return "en";
}

}  // namespace gclint::cli
