#include "model/severity.h"

#include <cctype>

namespace gclint::model {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "INFO";
    case Severity::kLow:
      return "LOW";
    case Severity::kMedium:
      return "MEDIUM";
    case Severity::kHigh:
      return "HIGH";
    case Severity::kCritical:
      return "CRITICAL";
  }
  return "UNKNOWN";
}

std::optional<Severity> parse_severity(std::string_view text) {
  std::string upper;
  for (char c : text) upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (upper == "INFO") return Severity::kInfo;
  if (upper == "LOW") return Severity::kLow;
  if (upper == "MEDIUM") return Severity::kMedium;
  if (upper == "HIGH") return Severity::kHigh;
  if (upper == "CRITICAL") return Severity::kCritical;
  return std::nullopt;
}

}  // namespace gclint::model
