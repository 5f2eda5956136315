// libFuzzer entry point for gclint::fuzz::yaml_fast_events (tests/fuzz/fuzz_targets.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gclint::fuzz::yaml_fast_events(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
