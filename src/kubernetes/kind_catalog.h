#pragma once

#include <string_view>

namespace gclint::kubernetes {

/// True for kinds that live outside namespaces (Namespace, ClusterRole, PersistentVolume, ...).
bool is_cluster_scoped(std::string_view kind);

/// True for kinds that carry a pod template (Pod, Deployment, ..., CronJob, PodTemplate).
bool is_workload(std::string_view kind);

/// True for kinds whose data values are secret or may hold secrets (Secret, ConfigMap).
bool holds_secret_data(std::string_view kind);

}  // namespace gclint::kubernetes
