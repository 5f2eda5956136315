#pragma once

// Process-wide backstops of a scan: the memory limit, a clean exit when memory runs out, and the hard stop behind
// --timeout. Nothing here depends on the rest of gclint (tests/security/memory_limit_probe.cpp builds this file
// without sanitizers).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace gclint::scan {

/// --max-memory: caps the process's data segment (RLIMIT_DATA: heap and private writable mappings, not reserved
/// address space, so many threads' malloc arenas do not count). Not applied in sanitizer builds (their shadow
/// memory counts against the limit) nor for `bytes` 0. Returns why it was not applied, if it was not.
std::optional<std::string> apply_memory_limit(uint64_t bytes);

/// Makes allocation failure (operator new, tree-sitter's allocator) print `message` on one line and exit with
/// code 3.
void install_out_of_memory_handler(const std::string& message);

/// The units being worked on, for the watchdog's message.
class ScanProgress {
 public:
  void started(size_t unit, std::string name);
  void finished(size_t unit);
  std::vector<std::string> running() const;

 private:
  mutable std::mutex mutex_;
  std::map<size_t, std::string> running_;
};

/// The hard stop behind --timeout. The scan checks the deadline itself (between units and inside Terraform
/// evaluation) and reports what it did not finish; a single step that does not return (a check over a huge
/// unit, a report) is caught here: `grace` after the deadline the process prints the units still running and
/// exits with code 3, without a report.
class Watchdog {
 public:
  /// `message` is printed first, then one line per running unit.
  Watchdog(std::chrono::steady_clock::time_point deadline, std::chrono::milliseconds grace,
           const ScanProgress& progress, std::string message);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;
};

/// The grace period of the watchdog for a timeout: a tenth of it, between 5 s and 60 s.
std::chrono::milliseconds watchdog_grace(std::chrono::milliseconds timeout);

}  // namespace gclint::scan
