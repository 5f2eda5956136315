#include "scan/process_limits.h"

#include <sys/resource.h>
#include <tree_sitter/api.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define GCLINT_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define GCLINT_SANITIZED 1
#endif
#endif

namespace gclint::scan {
namespace {

// The out-of-memory message is prepared in advance: once allocation fails, nothing may allocate.
char g_oom_message[512] = "gclint: error: out of memory\n";
size_t g_oom_length = std::strlen(g_oom_message);

[[noreturn]] void out_of_memory() {
  ssize_t ignored = ::write(STDERR_FILENO, g_oom_message, g_oom_length);
  (void)ignored;
  ::_exit(3);
}

void new_handler() { out_of_memory(); }

void* ts_checked_malloc(size_t size) {
  void* p = std::malloc(size);
  if (p == nullptr && size != 0) out_of_memory();
  return p;
}
void* ts_checked_calloc(size_t count, size_t size) {
  void* p = std::calloc(count, size);
  if (p == nullptr && count != 0 && size != 0) out_of_memory();
  return p;
}
void* ts_checked_realloc(void* old, size_t size) {
  void* p = std::realloc(old, size);
  if (p == nullptr && size != 0) out_of_memory();
  return p;
}

void write_all(const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(STDERR_FILENO, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

}  // namespace

std::optional<std::string> apply_memory_limit(uint64_t bytes) {
  if (bytes == 0) return std::nullopt;
#ifdef GCLINT_SANITIZED
  return std::string("--max-memory is not applied in sanitizer builds");
#else
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_DATA, &limit) != 0) return std::string("getrlimit failed");
  // Never raise a limit the environment already set lower.
  rlim_t wanted = static_cast<rlim_t>(bytes);
  if (limit.rlim_max != RLIM_INFINITY && wanted > limit.rlim_max) wanted = limit.rlim_max;
  limit.rlim_cur = wanted;
  if (::setrlimit(RLIMIT_DATA, &limit) != 0) return std::string("setrlimit failed");
  return std::nullopt;
#endif
}

void install_out_of_memory_handler(const std::string& message) {
  size_t n = std::min(message.size(), sizeof g_oom_message - 2);
  std::memcpy(g_oom_message, message.data(), n);
  g_oom_message[n] = '\n';
  g_oom_message[n + 1] = '\0';
  g_oom_length = n + 1;
  std::set_new_handler(new_handler);
  ts_set_allocator(ts_checked_malloc, ts_checked_calloc, ts_checked_realloc, std::free);
}

void ScanProgress::started(size_t unit, std::string name) {
  std::lock_guard lock(mutex_);
  running_[unit] = std::move(name);
}

void ScanProgress::finished(size_t unit) {
  std::lock_guard lock(mutex_);
  running_.erase(unit);
}

std::vector<std::string> ScanProgress::running() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> names;
  for (const auto& [unit, name] : running_) names.push_back(name);
  return names;
}

Watchdog::Watchdog(std::chrono::steady_clock::time_point deadline, std::chrono::milliseconds grace,
                   const ScanProgress& progress, std::string message) {
  thread_ = std::thread([this, stop_at = deadline + grace, &progress, message = std::move(message)] {
    std::unique_lock lock(mutex_);
    if (wake_.wait_until(lock, stop_at, [this] { return done_; })) return;
    std::string text = message + "\n";
    for (const auto& name : progress.running()) text += "  " + name + "\n";
    write_all(text);
    ::_exit(3);
  });
}

Watchdog::~Watchdog() {
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::chrono::milliseconds watchdog_grace(std::chrono::milliseconds timeout) {
  return std::clamp(timeout / 10, std::chrono::milliseconds(5000), std::chrono::milliseconds(60000));
}

}  // namespace gclint::scan
