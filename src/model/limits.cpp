#include "model/limits.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace gclint::model {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Splits "10MiB" into the number "10" and the unit "mib"; the number may have a fraction ("1.5GB").
bool split_number(std::string_view text, double& number, std::string& unit) {
  text = trim(text);
  size_t end = 0;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
  if (end == 0) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + end, number);
  if (ec != std::errc() || ptr != text.data() + end || !std::isfinite(number) || number < 0) return false;
  unit = lower(trim(text.substr(end)));
  return true;
}

}  // namespace

const std::vector<LimitSpec>& limit_specs() {
  constexpr uint64_t kUint32Max = 0xffffffffu;
  static const std::vector<LimitSpec> specs = {
      {"file_size", &Limits::file_size, LimitUnit::kBytes, 1, kUint32Max, "largest input file read"},
      {"files", &Limits::files, LimitUnit::kCount, 1, 100'000'000, "most candidate files in one scan"},
      {"string_length", &Limits::string_length, LimitUnit::kBytes, 1, kUint32Max,
       "longest Terraform string value built by templates and functions"},
      {"collection_elements", &Limits::collection_elements, LimitUnit::kCount, 1, 100'000'000,
       "most elements one Terraform function call builds (range, setproduct, flatten ...)"},
      {"instances", &Limits::instances, LimitUnit::kCount, 1, 100'000'000,
       "most count/for_each instances in one Terraform root module"},
      {"module_depth", &Limits::module_depth, LimitUnit::kCount, 1, 256, "deepest Terraform module call chain"},
      {"nesting_depth", &Limits::nesting_depth, LimitUnit::kCount, 1, 2000, "deepest JSON or YAML nesting"},
      {"yaml_alias_nodes", &Limits::yaml_alias_nodes, LimitUnit::kCount, 1, 100'000'000,
       "most nodes YAML aliases expand to in one document"},
  };
  return specs;
}

const LimitSpec* find_limit(std::string_view name) {
  for (const auto& spec : limit_specs()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::optional<uint64_t> parse_byte_size(std::string_view text) {
  double number = 0;
  std::string unit;
  if (!split_number(text, number, unit)) return std::nullopt;
  double scale = 0;
  if (unit.empty() || unit == "b") {
    scale = 1;
  } else if (unit == "kb" || unit == "k") {
    scale = 1e3;
  } else if (unit == "mb" || unit == "m") {
    scale = 1e6;
  } else if (unit == "gb" || unit == "g") {
    scale = 1e9;
  } else if (unit == "kib") {
    scale = 1024.0;
  } else if (unit == "mib") {
    scale = 1024.0 * 1024;
  } else if (unit == "gib") {
    scale = 1024.0 * 1024 * 1024;
  } else {
    return std::nullopt;
  }
  double bytes = std::floor(number * scale);
  if (bytes >= 9.2e18) return std::nullopt;
  return static_cast<uint64_t>(bytes);
}

std::optional<uint64_t> parse_duration_ms(std::string_view text) {
  double number = 0;
  std::string unit;
  if (!split_number(text, number, unit)) return std::nullopt;
  double scale = 0;
  if (unit == "ms") {
    scale = 1;
  } else if (unit.empty() || unit == "s") {
    scale = 1e3;
  } else if (unit == "m" || unit == "min") {
    scale = 60e3;
  } else if (unit == "h") {
    scale = 3600e3;
  } else {
    return std::nullopt;
  }
  double ms = std::floor(number * scale);
  if (ms >= 9.2e15) return std::nullopt;
  return static_cast<uint64_t>(ms);
}

std::string describe_bytes(uint64_t bytes) {
  auto one_decimal = [](double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, v < 10 && v != std::floor(v) ? "%.1f" : "%.0f", v);
    return std::string(buffer);
  };
  std::string text = std::to_string(bytes) + " bytes";
  if (bytes >= (1u << 30) && bytes % (1u << 30) == 0) return text + " (" + std::to_string(bytes >> 30) + " GiB)";
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return text + " (" + std::to_string(bytes >> 20) + " MiB)";
  if (bytes >= 1'000'000'000) return text + " (" + one_decimal(static_cast<double>(bytes) / 1e9) + " GB)";
  if (bytes >= 1'000'000) return text + " (" + one_decimal(static_cast<double>(bytes) / 1e6) + " MB)";
  return text;
}

std::string describe_limit(const LimitSpec& spec, uint64_t value) {
  return spec.unit == LimitUnit::kBytes ? describe_bytes(value) : std::to_string(value);
}

std::optional<std::string> set_limit(Limits& limits, std::string_view name, std::string_view value) {
  const LimitSpec* spec = find_limit(name);
  if (spec == nullptr) {
    std::string known;
    for (const auto& s : limit_specs()) known += (known.empty() ? "" : ", ") + std::string(s.name);
    return "unknown limit '" + std::string(name) + "' (" + known + ")";
  }
  std::optional<uint64_t> parsed;
  if (spec->unit == LimitUnit::kBytes) {
    parsed = parse_byte_size(value);
  } else {
    double number = 0;
    std::string unit;
    if (split_number(value, number, unit) && unit.empty() && number == std::floor(number) && number < 9.2e18) {
      parsed = static_cast<uint64_t>(number);
    }
  }
  if (!parsed) {
    return "limit " + std::string(name) + " takes " +
           (spec->unit == LimitUnit::kBytes ? "a size such as 10MB or 16MiB" : "a whole number") + ", not '" +
           std::string(value) + "'";
  }
  if (*parsed < spec->min || *parsed > spec->max) {
    return "limit " + std::string(name) + " must be between " + describe_limit(*spec, spec->min) + " and " +
           describe_limit(*spec, spec->max);
  }
  limits.*(spec->field) = *parsed;
  return std::nullopt;
}

}  // namespace gclint::model
