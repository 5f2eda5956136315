#pragma once

#include <string>

namespace gclint::cli {

/// "ja" when the first set of LC_ALL, LC_MESSAGES, LANG starts with "ja", else "en".
std::string language_from_environment();

/// Picks the English or Japanese text.
inline const char* tr(const std::string& lang, const char* en, const char* ja) { return lang == "ja" ? ja : en; }

}  // namespace gclint::cli
