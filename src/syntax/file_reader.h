#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace gclint::syntax {

enum class ReadStatus { kOk, kTooLarge, kError };

/// Reads a whole regular file of at most `max_bytes`. Never blocks on a FIFO or device (it is refused), and a read
/// error is an error, never an empty or shortened file. `error` says what went wrong (English, without the path).
ReadStatus read_regular_file(const std::filesystem::path& path, uint64_t max_bytes, std::string& content,
                             std::string& error);

}  // namespace gclint::syntax
