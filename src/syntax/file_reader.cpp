#include "syntax/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gclint::syntax {
namespace {

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

ReadStatus read_regular_file(const std::filesystem::path& path, uint64_t max_bytes, std::string& content,
                             std::string& error) {
  content.clear();
  // O_NONBLOCK: opening a FIFO that was swapped in after the walk must not wait for a writer.
  Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) {
    error = std::string("cannot read file: ") + std::strerror(errno);
    return ReadStatus::kError;
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) {
    error = std::string("cannot read file: ") + std::strerror(errno);
    return ReadStatus::kError;
  }
  if (!S_ISREG(info.st_mode)) {
    error = "not a regular file; skipped";
    return ReadStatus::kError;
  }
  if (static_cast<uint64_t>(info.st_size) > max_bytes) {
    error = "file is larger than the file_size limit (" + std::to_string(max_bytes) + " bytes); skipped";
    return ReadStatus::kTooLarge;
  }
  content.reserve(static_cast<size_t>(info.st_size));
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::string("cannot read file: ") + std::strerror(errno);
      content.clear();
      return ReadStatus::kError;
    }
    if (n == 0) break;
    if (content.size() + static_cast<size_t>(n) > max_bytes) {  // it grew since fstat
      error = "file is larger than the file_size limit (" + std::to_string(max_bytes) + " bytes); skipped";
      content.clear();
      return ReadStatus::kTooLarge;
    }
    content.append(buffer, static_cast<size_t>(n));
  }
  return ReadStatus::kOk;
}

}  // namespace gclint::syntax
