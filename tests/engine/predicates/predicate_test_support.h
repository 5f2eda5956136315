#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../engine_test_support.h"
#include "engine/config.h"
#include "engine/predicate.h"
#include "engine/resource_graph.h"

namespace gclint::engine::testing {

/// Runs a registered predicate on a resource built from YAML attributes with YAML args.
struct PredicateRun {
  model::SourceSet sources;
  Config config;
  std::vector<model::Resource> resources;

  PredicateResult run(const std::string& name, const std::string& attributes, const std::string& args_yaml) {
    resources = {make_resource(sources, "t", "t.x", attributes)};
    model::Value args = args_yaml.empty() ? model::Value::null() : yaml_to_value(YAML::Load(args_yaml), 0);
    ResourceGraph graph(resources);
    std::map<std::string, model::Value> params;
    const PredicateEntry* entry = find_predicate(name);
    EXPECT_NE(entry, nullptr) << name;
    if (entry == nullptr) return {};
    PredicateContext context{resources[0], args, resources[0].attributes, graph, config, params};
    return entry->fn(context);
  }

  uint32_t line(const PredicateResult& r) const { return sources.begin_of(r.blame).line; }
};

/// A predicate's `args:` from YAML text.
inline model::Value yaml_args(const std::string& yaml) { return yaml_to_value(YAML::Load(yaml), 0); }

/// Several resources (one file each) and a predicate run on one of them, for predicates that read the graph.
struct Network {
  model::SourceSet sources;
  Config config;
  std::vector<model::Resource> resources;

  void add(std::string type, std::string address, const std::string& attributes,
           model::Format format = model::Format::kTerraform) {
    resources.push_back(make_resource(sources, std::move(type), std::move(address), attributes, format));
  }

  PredicateResult run(const std::string& name, const std::string& address, const std::string& args_yaml) {
    model::Value args = args_yaml.empty() ? model::Value::null() : yaml_args(args_yaml);
    ResourceGraph graph(resources);
    std::map<std::string, model::Value> params;
    const PredicateEntry* entry = find_predicate(name);
    EXPECT_NE(entry, nullptr) << name;
    for (const auto& r : resources) {
      if (r.address != address || entry == nullptr) continue;
      PredicateContext context{r, args, r.attributes, graph, config, params};
      return entry->fn(context);
    }
    ADD_FAILURE() << "no resource " << address;
    return {};
  }

  uint32_t line(const PredicateResult& r) const { return sources.begin_of(r.blame).line; }
  std::string file_of(const PredicateResult& r) const { return sources.path_of(r.blame); }
};

}  // namespace gclint::engine::testing
