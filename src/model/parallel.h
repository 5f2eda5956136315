#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace gclint::model {

/// Calls `work(i)` for every i in [0, count), on up to `threads` threads (the caller's among them), each taking
/// the next index as it finishes one. When a thread cannot be started (a memory limit on a hostile input), the
/// ones already running, and the caller, do the rest: never an abort. An exception thrown by `work` stops the
/// handing out of indexes and is rethrown here once every thread has stopped, as a plain loop would throw it.
template <typename Work>
void parallel_for(size_t count, unsigned threads, Work work) {
  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto worker = [&] {
    for (size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;
      }
    }
  };
  size_t wanted = std::min<size_t>(std::max(1u, threads), count);
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < wanted; ++t) {
    try {
      helpers.emplace_back(worker);
    } catch (const std::system_error&) {
      break;
    }
  }
  worker();
  for (auto& helper : helpers) helper.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace gclint::model
