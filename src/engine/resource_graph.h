#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/resource.h"
#include "model/span.h"

namespace gclint::engine {

/// References and relations between the scanned resources, built once per run
/// (rule-format.md "Relations over the graph").
class ResourceGraph {
 public:
  struct Edge {
    uint32_t from = 0;
    uint32_t to = 0;
    /// Attribute path without list indices ("vpc_config.subnet_ids") for references,
    /// the relation kind ("selects") for relations.
    std::string label;
    bool relation = false;
    model::Span span;
  };

  explicit ResourceGraph(const std::vector<model::Resource>& resources);

  const std::vector<model::Resource>& resources() const { return resources_; }
  /// Index of a resource in the vector the graph was built from.
  uint32_t index_of(const model::Resource& resource) const;
  /// Resources a reference written in `from` points at: the exact address, else the instances
  /// (`x["a"]`, `x[0]`) of a counted resource, tried as written and inside `from`'s module. The indexes are the
  /// graph's own, valid while it lives.
  std::span<const uint32_t> resolve(const model::Resource& from, std::string_view address) const;
  const std::vector<Edge>& outgoing(uint32_t index) const { return outgoing_[index]; }
  /// The edges into a resource: each is one of its source's outgoing edges.
  const std::vector<const Edge*>& incoming(uint32_t index) const { return incoming_[index]; }

 private:
  void add_value_edges(uint32_t from, const model::Value& value, std::string& label, int depth);
  /// Resources of `unit` with this address, else those whose address minus an instance key is it.
  std::span<const uint32_t> lookup(uint32_t unit, std::string_view address) const;

  const std::vector<model::Resource>& resources_;
  // Keyed by (unit, address): references never cross scan units.
  struct UnitAddress {
    uint32_t unit;
    std::string_view address;
    bool operator==(const UnitAddress&) const = default;
  };
  struct UnitAddressHash {
    size_t operator()(const UnitAddress& key) const {
      return std::hash<std::string_view>()(key.address) ^ (static_cast<size_t>(key.unit) * 0x9E3779B97F4A7C15ULL);
    }
  };
  std::unordered_map<UnitAddress, std::vector<uint32_t>, UnitAddressHash> by_address_;
  std::unordered_map<UnitAddress, std::vector<uint32_t>, UnitAddressHash> by_base_address_;
  std::vector<std::vector<Edge>> outgoing_;
  std::vector<std::vector<const Edge*>> incoming_;
};

/// `address` without a trailing instance key (`aws_subnet.a["x"]` → `aws_subnet.a`); unchanged otherwise.
std::string_view strip_instance_key(std::string_view address);

}  // namespace gclint::engine
