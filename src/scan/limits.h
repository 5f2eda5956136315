#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/limits.h"
#include "scan/file_discovery.h"
#include "terraform/module_loader.h"

namespace gclint::scan {

using Clock = std::chrono::steady_clock;

/// The limits of one scan: .gclint.yaml's `limits:` over the defaults, then `--limit NAME=VALUE` over both.
/// The overrides were validated when the command line was parsed.
model::Limits resolve_limits(const model::Limits& from_config,
                             const std::vector<std::pair<std::string, std::string>>& overrides);

/// Hands the limits to the walk and to the shared JSON/YAML readers (their process-wide defaults).
void apply_limits(const model::Limits& limits, DiscoveryOptions& discovery);
/// Hands the limits and the deadline to the Terraform loader and evaluator.
void apply_limits(const model::Limits& limits, std::optional<Clock::time_point> deadline,
                  terraform::LoadOptions& terraform);

/// Reads standard input up to `max_bytes`; false when there is more (nothing beyond the limit is kept).
bool read_stdin_bounded(uint64_t max_bytes, std::string& content);

/// A YAML or JSON file saved as UTF-16 or UTF-32 is converted to UTF-8 in place. Returns the problem to report
/// (offset in the converted text, message) when it held invalid code units.
std::optional<std::pair<uint32_t, std::string>> normalize_text_encoding(std::string& content);

}  // namespace gclint::scan
