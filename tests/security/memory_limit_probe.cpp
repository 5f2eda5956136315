// Runs --max-memory's code (scan/process_limits.cpp) in a program built without sanitizers, whose shadow memory
// would count against the limit: applies the limit, then allocates until the allocator gives up. Exits 3 with the
// out-of-memory message when the limit works; 0 when everything was allocated (no limit), 4 on a usage error.
// Usage: gclint_memory_probe LIMIT_BYTES many|huge|tree-sitter
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "scan/process_limits.h"

extern "C" void* (*ts_current_malloc)(size_t size);

int main(int argc, char** argv) {
  if (argc != 3) return 4;
  uint64_t limit = std::strtoull(argv[1], nullptr, 10);
  std::string mode = argv[2];
  gclint::scan::install_out_of_memory_handler("gclint: error: out of memory (probe)");
  if (auto note = gclint::scan::apply_memory_limit(limit)) {
    std::fprintf(stderr, "not applied: %s\n", note->c_str());
    return 4;
  }
  constexpr size_t kBlock = size_t{16} << 20;
  if (mode == "many") {
    // 16 GiB in 16 MiB blocks, each touched so that it is really used.
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 1024; ++i) {
      blocks.emplace_back(new char[kBlock]);
      std::memset(blocks.back().get(), 1, kBlock);
    }
    return 0;
  }
  if (mode == "huge") {
    volatile size_t size = size_t{2} << 30;
    std::unique_ptr<char[]> block(new char[size]);
    block[0] = 1;
    return 0;
  }
  if (mode == "tree-sitter") {
    void* p = ts_current_malloc(size_t{2} << 30);
    std::printf("%p\n", p);
    return 0;
  }
  return 4;
}
