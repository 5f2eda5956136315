#include "kubernetes/pod_spec_normalizer.h"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace gclint::kubernetes {
namespace {

using model::Value;

// The pod spec's container lists, in the order allContainers joins them.
constexpr std::array<std::string_view, 3> kContainerGroups{"containers", "initContainers", "ephemeralContainers"};

const Value* walk(const Value& root, std::initializer_list<std::string_view> path) {
  const Value* node = &root;
  for (std::string_view key : path) {
    node = node->get(key);
    if (node == nullptr) return nullptr;
  }
  return node;
}

}  // namespace

std::optional<Value> normalize_pod_spec(const Value& document, std::string_view kind) {
  const Value* spec = nullptr;
  const Value* metadata = nullptr;
  if (kind == "Pod") {
    spec = document.get("spec");
    metadata = document.get("metadata");
  } else if (kind == "PodTemplate") {
    spec = walk(document, {"template", "spec"});
    metadata = walk(document, {"template", "metadata"});
  } else if (kind == "CronJob") {
    spec = walk(document, {"spec", "jobTemplate", "spec", "template", "spec"});
    metadata = walk(document, {"spec", "jobTemplate", "spec", "template", "metadata"});
  } else if (kind == "Deployment" || kind == "ReplicaSet" || kind == "ReplicationController" || kind == "StatefulSet" ||
             kind == "DaemonSet" || kind == "Job") {
    spec = walk(document, {"spec", "template", "spec"});
    metadata = walk(document, {"spec", "template", "metadata"});
  }
  if (spec == nullptr || !spec->is_map()) return std::nullopt;

  // The view reads the document's values in place (Value::borrowing) instead of copying them: the resource keeps
  // both, and neither changes once loaded. A value may be reachable from the view's root by one path only, since
  // findings name the path that leads to it: `allContainers` reads the document's containers, so the view's own
  // `containers`, `initContainers` and `ephemeralContainers` are copies.
  auto is_container_group = [](std::string_view key) {
    return std::find(kContainerGroups.begin(), kContainerGroups.end(), key) != kContainerGroups.end();
  };
  Value view = Value::map(spec->span);
  view.origin = spec->origin;
  view.refs = spec->refs;
  view.entries.reserve(spec->entries.size() + 2);
  for (const auto& entry : spec->entries) {
    view.entries.push_back({entry.key, is_container_group(entry.key) ? entry.value : Value::borrowing(entry.value)});
  }
  Value all = Value::list(spec->span);
  for (std::string_view group : kContainerGroups) {
    const Value* list = spec->get(group);
    if (list == nullptr || !list->is_list()) continue;
    for (const Value& container : list->items) all.items.push_back(Value::borrowing(container));
  }
  view.set("allContainers", std::move(all));
  view.set("podMetadata", metadata != nullptr ? Value::borrowing(*metadata) : Value::map(spec->span));
  return view;
}

const Value* pod_labels(const Value& pod_spec_view) {
  const Value* labels = walk(pod_spec_view, {"podMetadata", "labels"});
  return labels != nullptr && labels->is_map() ? labels : nullptr;
}

}  // namespace gclint::kubernetes
