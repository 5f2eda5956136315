#pragma once

#include <string>

#include "model/parse_result.h"
#include "model/source_set.h"

namespace gclint::kubernetes {

struct LoadOptions {
  /// Namespace for namespaced objects without metadata.namespace (--namespace).
  std::string default_namespace = "default";
  /// Honour `# Source: chart/templates/x.yaml` comments (rendered Helm output): each such document is
  /// registered in `sources` under that path so findings point at the template file name.
  bool map_helm_sources = true;
  /// Read the documents and stop: syntax only, no objects (--parse-only).
  bool syntax_only = false;
};

/// Loads every Kubernetes object of a YAML or JSON manifest (multi-document, List kinds) into resources.
/// Workloads also get the "pod_spec" view. Unknown kinds are kept with their type set to the kind.
model::ParseResult load_manifests(model::SourceSet& sources, uint32_t file_id, const LoadOptions& options);

}  // namespace gclint::kubernetes
