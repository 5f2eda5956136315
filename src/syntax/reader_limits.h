#pragma once

#include <cstdint>

namespace gclint::syntax {

/// The process-wide defaults of JsonReadOptions and YamlReadOptions: the readers are called from every front end
/// with default options, so the scan sets the configured limits here once, before any parsing starts.
struct ReaderLimits {
  uint32_t max_depth = 512;
  uint64_t max_alias_nodes = 100000;
};

/// The current defaults (thread-safe).
ReaderLimits reader_limits();
/// Replaces the defaults; call before parsing threads start.
void set_reader_limits(const ReaderLimits& limits);

}  // namespace gclint::syntax
