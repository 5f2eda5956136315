// --max-memory: the limit and the clean out-of-memory exit, exercised through gclint_memory_probe (built without
// sanitizers, see tests/CMakeLists.txt) because the ASan gclint binary cannot run under RLIMIT_DATA.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "security/gclint_runner.h"

namespace gclint::security {
namespace {

ScanRun probe(const std::string& limit, const std::string& mode) {
  TempTree dir("memory");
  return run_program({GCLINT_MEMORY_PROBE, limit, mode}, dir.root(), std::chrono::seconds(60));
}

TEST(MemoryLimitTest, ManyAllocationsEndWithExitCodeThreeAndOneLine) {
  ScanRun run = probe(std::to_string(256u << 20), "many");
  EXPECT_EQ(run.exit_code, 3) << run.describe();
  EXPECT_EQ(run.err, "gclint: error: out of memory (probe)\n") << run.describe();
}

TEST(MemoryLimitTest, OneHugeAllocationEndsTheSameWay) {
  ScanRun run = probe(std::to_string(256u << 20), "huge");
  EXPECT_EQ(run.exit_code, 3) << run.describe();
  EXPECT_EQ(run.err, "gclint: error: out of memory (probe)\n") << run.describe();
}

// tree-sitter's own allocator aborts on failure; gclint replaces it.
TEST(MemoryLimitTest, TreeSitterAllocationFailureIsNotAnAbort) {
  ScanRun run = probe(std::to_string(256u << 20), "tree-sitter");
  EXPECT_EQ(run.exit_code, 3) << run.describe();
  EXPECT_EQ(run.signal, 0) << run.describe();
  EXPECT_EQ(run.err, "gclint: error: out of memory (probe)\n") << run.describe();
}

// Without a limit the same 2 GiB request is only address space (never touched beyond one byte): it succeeds, which
// shows that the failures above come from the limit.
TEST(MemoryLimitTest, WithoutTheLimitTheHugeRequestSucceeds) {
  ScanRun run = probe("0", "huge");
  EXPECT_EQ(run.exit_code, 0) << run.describe();
}

}  // namespace
}  // namespace gclint::security
