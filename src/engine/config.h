#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/limits.h"
#include "model/severity.h"
#include "model/source_set.h"
#include "model/value.h"

namespace gclint::engine {

/// A tier or zone assignment rule from .gclint.yaml (design brief §8).
struct PlacementRule {
  std::string path_glob;       // "envs/juki/**"
  std::string module_address;  // "module.juki*"
  std::string tier;            // mynumber | lgwan | internet
  std::string zone;            // dmz | ""
};

/// The configuration file (.gclint.yaml), design brief §8. Defaults apply when no file exists.
struct Config {
  std::string default_tier = "mynumber";
  std::string tier_tag_key = "gc-tier";
  std::string zone_tag_key = "gc-zone";
  std::vector<PlacementRule> placements;
  std::vector<std::string> allowed_regions = {
      "ap-northeast-1",  "ap-northeast-3",   // AWS Tokyo, Osaka
      "japaneast",       "japanwest",        // Azure
      "asia-northeast1", "asia-northeast2",  // Google Cloud
      "ap-tokyo-1",      "ap-osaka-1",       // OCI
  };
  std::vector<std::string> allowed_egress_cidrs;
  std::vector<std::string> allowed_egress_prefix_lists;
  std::vector<std::string> allowed_vpc_endpoint_services;
  std::optional<model::Severity> severity_threshold;
  std::vector<std::string> enabled_checks;                                  // empty = all
  std::vector<std::string> disabled_checks;                                 // IDs or family words
  std::map<std::string, std::map<std::string, model::Value>> check_params;  // ID -> name -> value
  std::map<std::string, model::Span> check_spans;                           // where checks.<ID> is written
  std::optional<std::string> lang;
  std::optional<std::string> region;  // deployment region for CloudFormation (AWS::Region)
  model::Limits limits;               // `limits:`; --limit overrides (docs/security.md)
  /// The file the configuration came from, empty for defaults.
  std::string path;
};

/// Reads .gclint.yaml; errors (unknown keys with "did you mean", wrong types) carry file:line:column.
std::optional<Config> load_config(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics);

/// The commented starter file written by `gclint init`.
std::string starter_config_text();

}  // namespace gclint::engine
