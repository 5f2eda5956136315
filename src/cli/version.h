#pragma once

namespace gclint::cli {

/// The tool version printed by `gclint version` and written into JSON and SARIF reports.
inline constexpr const char* kVersion = "0.1.0";

}  // namespace gclint::cli
