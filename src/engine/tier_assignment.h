#pragma once

#include <vector>

#include "engine/config.h"
#include "engine/resource_graph.h"
#include "model/resource.h"
#include "model/source_set.h"

namespace gclint::engine {

/// Sets Resource::tier and Resource::zone (design brief §8): the first matching placement of the
/// configuration (path glob, module address glob), else the tier/zone tags, else the tags of the subnet or VPC
/// the resource references (one or two hops), else the default tier and no zone.
void assign_tiers(std::vector<model::Resource>& resources, const ResourceGraph& graph, const Config& config,
                  const model::SourceSet& sources);

}  // namespace gclint::engine
