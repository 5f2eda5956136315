#include "syntax/reader_limits.h"

#include <atomic>

namespace gclint::syntax {
namespace {

std::atomic<uint32_t> g_max_depth{ReaderLimits{}.max_depth};
std::atomic<uint64_t> g_max_alias_nodes{ReaderLimits{}.max_alias_nodes};

}  // namespace

ReaderLimits reader_limits() {
  return ReaderLimits{g_max_depth.load(std::memory_order_relaxed), g_max_alias_nodes.load(std::memory_order_relaxed)};
}

void set_reader_limits(const ReaderLimits& limits) {
  g_max_depth.store(limits.max_depth, std::memory_order_relaxed);
  g_max_alias_nodes.store(limits.max_alias_nodes, std::memory_order_relaxed);
}

}  // namespace gclint::syntax
