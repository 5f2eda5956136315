#pragma once

#include <optional>
#include <string_view>

#include "model/value.h"

namespace gclint::kubernetes {

/// The "pod_spec" view of a workload document: its pod spec map (spans intact) plus "allContainers"
/// (containers, initContainers and ephemeralContainers, in that order) and "podMetadata" (the pod
/// template's metadata). std::nullopt when the kind carries no pod template or the document has none.
/// The view reads most of `document` in place (model::Value::borrowing): keep the document, unchanged, for as long as
/// the view lives (a Resource holds both; moving the document is fine, its values stay where they are).
std::optional<model::Value> normalize_pod_spec(const model::Value& document, std::string_view kind);

/// The pod template labels inside a "pod_spec" view (podMetadata.labels), or nullptr.
const model::Value* pod_labels(const model::Value& pod_spec_view);

}  // namespace gclint::kubernetes
