#include "scan/limits.h"

#include <algorithm>
#include <iostream>

#include "syntax/reader_limits.h"
#include "syntax/text_encoding.h"

namespace gclint::scan {

model::Limits resolve_limits(const model::Limits& from_config,
                             const std::vector<std::pair<std::string, std::string>>& overrides) {
  model::Limits limits = from_config;
  for (const auto& [name, value] : overrides) (void)model::set_limit(limits, name, value);
  return limits;
}

void apply_limits(const model::Limits& limits, DiscoveryOptions& discovery) {
  discovery.max_file_size = limits.file_size;
  discovery.max_files = limits.files;
  syntax::set_reader_limits(syntax::ReaderLimits{static_cast<uint32_t>(limits.nesting_depth), limits.yaml_alias_nodes});
}

void apply_limits(const model::Limits& limits, std::optional<Clock::time_point> deadline,
                  terraform::LoadOptions& terraform) {
  terraform.max_file_size = limits.file_size;
  terraform.max_instances = static_cast<uint32_t>(std::min<uint64_t>(limits.instances, UINT32_MAX));
  terraform.max_module_depth = static_cast<uint32_t>(limits.module_depth);
  terraform.eval_limits.max_string_length = limits.string_length;
  terraform.eval_limits.max_collection_elements = limits.collection_elements;
  terraform.eval_limits.deadline = deadline.value_or(Clock::time_point::max());
}

bool read_stdin_bounded(uint64_t max_bytes, std::string& content) {
  content.clear();
  char buffer[65536];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    size_t n = static_cast<size_t>(std::cin.gcount());
    if (content.size() + n > max_bytes) {
      content.clear();
      return false;
    }
    content.append(buffer, n);
  }
  return true;
}

std::optional<std::pair<uint32_t, std::string>> normalize_text_encoding(std::string& content) {
  auto transcoded = syntax::transcode_to_utf8(content);
  if (!transcoded) return std::nullopt;
  content = std::move(transcoded->text);
  if (!transcoded->invalid_at) return std::nullopt;
  return std::make_pair(*transcoded->invalid_at, std::string("invalid ") + transcoded->encoding +
                                                     " text (a lone surrogate or a truncated code unit); "
                                                     "replaced by U+FFFD");
}

}  // namespace gclint::scan
