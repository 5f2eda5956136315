#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gclint::model {

/// Ordered so that a larger value is more severe. kInfo is only used for --strict-unknown notes.
enum class Severity : uint8_t { kInfo, kLow, kMedium, kHigh, kCritical };

const char* severity_name(Severity severity);                   // "INFO", "LOW", ...
std::optional<Severity> parse_severity(std::string_view text);  // case-insensitive

}  // namespace gclint::model
