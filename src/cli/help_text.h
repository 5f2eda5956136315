#pragma once

#include <string>

namespace gclint::cli {

/// `--help` text of a command ("help" for the overview) in "ja" or "en".
std::string help_text(const std::string& command, const std::string& lang);

}  // namespace gclint::cli
