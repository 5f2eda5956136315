#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gclint::model {

/// Limits on untrusted input (docs/security.md, "Limits"). Each has a name, used by `--limit NAME=VALUE` and by the
/// `limits:` mapping of .gclint.yaml; the command line wins over the file, the file over these defaults.
struct Limits {
  uint64_t file_size = 10'000'000;         // bytes; a larger file is skipped with a warning
  uint64_t files = 100'000;                // candidate files per scan; the rest are skipped with an error
  uint64_t string_length = 16u << 20;      // bytes of one Terraform string value (templates, join, format ...)
  uint64_t collection_elements = 100'000;  // elements one Terraform function builds (range, setproduct ...)
  uint64_t instances = 100'000;            // count / for_each instances per Terraform root module
  uint64_t module_depth = 32;              // Terraform module calls inside module calls
  uint64_t nesting_depth = 512;            // JSON and YAML nesting (CloudFormation, Kubernetes, plan JSON)
  uint64_t yaml_alias_nodes = 100'000;     // nodes YAML aliases expand to, per document
};

enum class LimitUnit { kBytes, kCount };

/// One configurable limit: its name, its field, its unit and the values it accepts.
struct LimitSpec {
  std::string_view name;
  uint64_t Limits::*field;
  LimitUnit unit;
  uint64_t min;
  uint64_t max;
  std::string_view what;  // one line for help and errors
};

/// Every limit, in documentation order.
const std::vector<LimitSpec>& limit_specs();
const LimitSpec* find_limit(std::string_view name);

/// A byte size: a whole number with an optional unit (B, KB, MB, GB = powers of 1000; KiB, MiB, GiB = powers of
/// 1024; case-insensitive). std::nullopt when malformed or above 2^63.
std::optional<uint64_t> parse_byte_size(std::string_view text);
/// A duration in milliseconds: a number (seconds) with an optional unit ms, s, m or h. std::nullopt when malformed.
std::optional<uint64_t> parse_duration_ms(std::string_view text);
/// "10000000 bytes (10 MB)" style text for messages.
std::string describe_bytes(uint64_t bytes);
/// The value of a limit for messages: bytes described, counts as digits.
std::string describe_limit(const LimitSpec& spec, uint64_t value);

/// Sets limit `name` from `value` text; an error message (English) when the name is unknown or the value is
/// malformed or out of range.
std::optional<std::string> set_limit(Limits& limits, std::string_view name, std::string_view value);

}  // namespace gclint::model
