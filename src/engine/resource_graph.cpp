#include "engine/resource_graph.h"

#include <algorithm>

namespace gclint::engine {
namespace {

constexpr int kMaxValueDepth = 256;

}  // namespace

std::string_view strip_instance_key(std::string_view address) {
  if (address.empty() || address.back() != ']') return address;
  size_t open = address.rfind('[');
  if (open == std::string_view::npos || open == 0) return address;
  return address.substr(0, open);
}

ResourceGraph::ResourceGraph(const std::vector<model::Resource>& resources)
    : resources_(resources), outgoing_(resources.size()), incoming_(resources.size()) {
  for (uint32_t i = 0; i < resources.size(); ++i) {
    by_address_[UnitAddress{resources[i].unit, resources[i].address}].push_back(i);
    std::string_view base = strip_instance_key(resources[i].address);
    if (base.size() != resources[i].address.size()) by_base_address_[UnitAddress{resources[i].unit, base}].push_back(i);
  }
  std::string label;
  for (uint32_t i = 0; i < resources.size(); ++i) {
    label.clear();
    add_value_edges(i, resources[i].attributes, label, 0);
    for (const auto& relation : resources[i].relations) {
      for (uint32_t target : resolve(resources[i], relation.target)) {
        outgoing_[i].push_back(Edge{i, target, relation.kind, true, relation.span});
      }
    }
  }
  // outgoing_ no longer changes, so its edges stay where they are.
  for (const auto& edges : outgoing_) {
    for (const Edge& edge : edges) incoming_[edge.to].push_back(&edge);
  }
}

uint32_t ResourceGraph::index_of(const model::Resource& resource) const {
  return static_cast<uint32_t>(&resource - resources_.data());
}

void ResourceGraph::add_value_edges(uint32_t from, const model::Value& value, std::string& label, int depth) {
  if (depth > kMaxValueDepth) return;
  for (const auto& ref : value.refs) {
    for (uint32_t target : resolve(resources_[from], ref.address)) {
      if (target != from) outgoing_[from].push_back(Edge{from, target, label, false, value.span});
    }
  }
  if (value.is_list()) {
    for (const auto& item : value.items) add_value_edges(from, item, label, depth + 1);
  } else if (value.is_map()) {
    for (const auto& entry : value.entries) {
      size_t size = label.size();
      if (!label.empty()) label += '.';
      label += entry.key;
      add_value_edges(from, entry.value, label, depth + 1);
      label.resize(size);
    }
  }
}

std::span<const uint32_t> ResourceGraph::lookup(uint32_t unit, std::string_view address) const {
  if (auto it = by_address_.find(UnitAddress{unit, address}); it != by_address_.end()) return it->second;
  if (auto it = by_base_address_.find(UnitAddress{unit, address}); it != by_base_address_.end()) return it->second;
  return {};
}

std::span<const uint32_t> ResourceGraph::resolve(const model::Resource& from, std::string_view address) const {
  std::span<const uint32_t> found = lookup(from.unit, address);
  if (found.empty() && !from.module_address.empty()) {
    found = lookup(from.unit, from.module_address + "." + std::string(address));
  }
  if (found.empty()) {
    // A reference to one instance of a counted resource that was expanded under another key form.
    std::string_view base = strip_instance_key(address);
    if (base.size() != address.size()) {
      found = lookup(from.unit, base);
      if (found.empty() && !from.module_address.empty())
        found = lookup(from.unit, from.module_address + "." + std::string(base));
    }
  }
  return found;
}

}  // namespace gclint::engine
