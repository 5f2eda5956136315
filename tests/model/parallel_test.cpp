#include "model/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gclint::model {
namespace {

TEST(ParallelForTest, EveryIndexOnce) {
  for (unsigned threads : {0u, 1u, 3u, 16u}) {
    for (size_t count : {size_t{0}, size_t{1}, size_t{2}, size_t{1000}}) {
      std::vector<std::atomic<int>> seen(count);
      parallel_for(count, threads, [&](size_t i) { seen[i].fetch_add(1); });
      for (size_t i = 0; i < count; ++i) EXPECT_EQ(seen[i].load(), 1) << threads << " threads, index " << i;
    }
  }
}

TEST(ParallelForTest, AnExceptionReachesTheCallerAfterEveryThreadStopped) {
  std::atomic<int> running{0};
  std::atomic<int> done{0};
  // Each item takes a millisecond, far longer than a throw, so that stopping shows: of 1,000 items only those taken
  // before index 10 failed, and one per thread after it, run.
  auto work = [&](size_t i) {
    ++running;
    if (i == 10) {
      --running;
      throw std::runtime_error("index 10");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ++done;
    --running;
  };
  EXPECT_THROW(parallel_for(1000, 4, work), std::runtime_error);
  EXPECT_EQ(running.load(), 0);
  EXPECT_LT(done.load(), 100);
}

}  // namespace
}  // namespace gclint::model
