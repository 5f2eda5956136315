#include "scan/process_limits.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace gclint::scan {
namespace {

using std::chrono::milliseconds;

TEST(ProcessLimitsTest, GraceIsATenthBetweenFiveSecondsAndAMinute) {
  EXPECT_EQ(watchdog_grace(milliseconds(1000)), milliseconds(5000));
  EXPECT_EQ(watchdog_grace(milliseconds(300'000)), milliseconds(30'000));
  EXPECT_EQ(watchdog_grace(milliseconds(3'600'000)), milliseconds(60'000));
}

TEST(ProcessLimitsTest, ProgressListsRunningUnitsInOrder) {
  ScanProgress progress;
  progress.started(2, "b/main");
  progress.started(1, "a/stack.yaml");
  progress.started(3, "c");
  progress.finished(3);
  EXPECT_EQ(progress.running(), (std::vector<std::string>{"a/stack.yaml", "b/main"}));
}

TEST(ProcessLimitsTest, WatchdogDoesNothingWhenTheScanEndsInTime) {
  ScanProgress progress;
  auto start = std::chrono::steady_clock::now();
  { Watchdog watchdog(start + milliseconds(60'000), milliseconds(5000), progress, "never printed"); }
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(5000));  // the destructor does not wait
}

TEST(ProcessLimitsDeathTest, WatchdogStopsAScanThatOverrunsTheGrace) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        ScanProgress progress;
        progress.started(0, "envs/slow");
        Watchdog watchdog(std::chrono::steady_clock::now(), milliseconds(50), progress, "gclint: error: too slow:");
        std::this_thread::sleep_for(milliseconds(10'000));
      },
      ::testing::ExitedWithCode(3), "gclint: error: too slow:\n  envs/slow\n");
}

TEST(ProcessLimitsDeathTest, OutOfMemoryIsOneLineAndExitCodeThree) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        install_out_of_memory_handler("gclint: error: out of memory (test)");
        std::get_new_handler()();  // what operator new calls when the allocator has nothing left
      },
      ::testing::ExitedWithCode(3), "gclint: error: out of memory \\(test\\)\n");
}

}  // namespace
}  // namespace gclint::scan
