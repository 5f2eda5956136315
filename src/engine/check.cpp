#include "engine/check.h"

#include "engine/match_program.h"

namespace gclint::engine {

model::Severity Check::severity_for_tier(const std::string& tier) const {
  auto it = severity_by_tier.find(tier);
  return it == severity_by_tier.end() ? severity : it->second;
}

const std::vector<std::string>& workload_kinds() {
  static const std::vector<std::string> kinds = {"Pod",         "Deployment", "ReplicaSet", "ReplicationController",
                                                 "StatefulSet", "DaemonSet",  "Job",        "CronJob"};
  return kinds;
}

}  // namespace gclint::engine
