#include "engine/tier_assignment.h"

#include <cctype>
#include <optional>
#include <string>

#include "engine/glob_match.h"

namespace gclint::engine {
namespace {

struct Placement {
  std::optional<std::string> tier;
  std::optional<std::string> zone;
};

// Attribute names through which a resource sits in a subnet or VPC (Terraform and CloudFormation spellings).
bool network_link(std::string_view label) {
  size_t dot = label.rfind('.');
  std::string_view last = dot == std::string_view::npos ? label : label.substr(dot + 1);
  std::string key;
  for (char c : last) {
    if (c != '_') key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return key == "subnetid" || key == "subnetids" || key == "subnets" || key == "vpcid" || key == "vpczoneidentifier" ||
         key == "subnet" || key == "virtualnetworkname" || key == "network" || key == "subnetwork";
}

const std::string* tag(const model::Resource& r, const std::string& key) {
  for (const auto& [k, v] : r.tags) {
    if (k == key) return &v;
  }
  return nullptr;
}

Placement explicit_placement(const model::Resource& r, const Config& config, const model::SourceSet& sources) {
  Placement p;
  const std::string& path = sources.path_of(r.span);
  for (const PlacementRule& rule : config.placements) {
    bool matches = (!rule.path_glob.empty() && glob_match(rule.path_glob, path)) ||
                   (!rule.module_address.empty() && !r.module_address.empty() &&
                    glob_match(rule.module_address, r.module_address));
    if (!matches) continue;
    if (!p.tier && !rule.tier.empty()) p.tier = rule.tier;
    if (!p.zone && !rule.zone.empty()) p.zone = rule.zone;
  }
  if (!p.tier) {
    if (const std::string* t = tag(r, config.tier_tag_key)) p.tier = *t;
  }
  if (!p.zone) {
    if (const std::string* z = tag(r, config.zone_tag_key)) p.zone = *z;
  }
  return p;
}

}  // namespace

void assign_tiers(std::vector<model::Resource>& resources, const ResourceGraph& graph, const Config& config,
                  const model::SourceSet& sources) {
  std::vector<Placement> placements;
  placements.reserve(resources.size());
  for (const auto& r : resources) placements.push_back(explicit_placement(r, config, sources));

  // Inherit through subnet/VPC references: resource → subnet → VPC.
  auto inherit = [&](uint32_t index, bool want_tier) -> std::optional<std::string> {
    for (const auto& first : graph.outgoing(index)) {
      if (first.relation || !network_link(first.label)) continue;
      const Placement& p1 = placements[first.to];
      if (const auto& v = want_tier ? p1.tier : p1.zone) return v;
      for (const auto& second : graph.outgoing(first.to)) {
        if (second.relation || !network_link(second.label)) continue;
        const Placement& p2 = placements[second.to];
        if (const auto& v = want_tier ? p2.tier : p2.zone) return v;
      }
    }
    return std::nullopt;
  };
  for (uint32_t i = 0; i < resources.size(); ++i) {
    const Placement& p = placements[i];
    std::optional<std::string> tier = p.tier ? p.tier : inherit(i, true);
    std::optional<std::string> zone = p.zone ? p.zone : inherit(i, false);
    resources[i].tier = tier.value_or(config.default_tier);
    resources[i].zone = zone.value_or("");
  }
}

}  // namespace gclint::engine
