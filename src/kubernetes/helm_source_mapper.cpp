#include "kubernetes/helm_source_mapper.h"

#include <algorithm>

namespace gclint::kubernetes {

std::string helm_source_path(std::string_view text, uint32_t begin, uint32_t end) {
  constexpr std::string_view kMarker = "# Source:";
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
  std::string found;
  uint32_t pos = begin;
  while (pos < end) {
    size_t line_end = text.find('\n', pos);
    if (line_end == std::string_view::npos || line_end > end) line_end = end;
    std::string_view line = text.substr(pos, line_end - pos);
    size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line.substr(first).starts_with(kMarker)) {
      std::string_view path = line.substr(first + kMarker.size());
      size_t b = path.find_first_not_of(" \t");
      size_t e = path.find_last_not_of(" \t\r");
      if (b != std::string_view::npos) found = std::string(path.substr(b, e - b + 1));
    }
    pos = static_cast<uint32_t>(line_end) + 1;
  }
  return found;
}

HelmSourceMapper::HelmSourceMapper(model::SourceSet& sources, uint32_t rendered_file_id)
    : sources_(sources), rendered_file_id_(rendered_file_id) {}

uint32_t HelmSourceMapper::file_for(const std::string& template_path) {
  auto it = registered_.find(template_path);
  if (it != registered_.end()) return it->second;
  const model::SourceFile& rendered = sources_.file(rendered_file_id_);
  uint32_t id = sources_.add(template_path, rendered.content());
  registered_.emplace(template_path, id);
  return id;
}

void HelmSourceMapper::retarget(model::Value& value, uint32_t file_id) {
  if (value.span.valid()) value.span.file = file_id;
  if (value.origin.valid()) value.origin.file = file_id;
  for (auto& item : value.items) retarget(item, file_id);
  for (auto& entry : value.entries) retarget(entry.value, file_id);
}

}  // namespace gclint::kubernetes
