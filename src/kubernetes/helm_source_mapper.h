#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "model/source_set.h"
#include "model/value.h"

namespace gclint::kubernetes {

/// The path of the last `# Source: <path>` comment line in text[begin, end), or "" when there is none.
std::string helm_source_path(std::string_view text, uint32_t begin, uint32_t end);

/// Registers the rendered file's bytes again under each Helm template path, so that spans keep their byte
/// offsets while findings name the template. One registration per distinct path and rendered file.
class HelmSourceMapper {
 public:
  HelmSourceMapper(model::SourceSet& sources, uint32_t rendered_file_id);

  /// File id to use for a document whose Source comment names `template_path`.
  uint32_t file_for(const std::string& template_path);

  /// Points every span (and origin) inside `value` at `file_id`.
  static void retarget(model::Value& value, uint32_t file_id);

 private:
  model::SourceSet& sources_;
  uint32_t rendered_file_id_;
  std::map<std::string, uint32_t> registered_;
};

}  // namespace gclint::kubernetes
