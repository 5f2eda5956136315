#include "kubernetes/kind_catalog.h"

#include <algorithm>
#include <array>

namespace gclint::kubernetes {

bool is_cluster_scoped(std::string_view kind) {
  static constexpr std::array<std::string_view, 29> kClusterScoped = {
      "APIService",
      "CertificateSigningRequest",
      "ClusterRole",
      "ClusterRoleBinding",
      "ComponentStatus",
      "CSIDriver",
      "CSINode",
      "CustomResourceDefinition",
      "FlowSchema",
      "IngressClass",
      "MutatingAdmissionPolicy",
      "MutatingAdmissionPolicyBinding",
      "MutatingWebhookConfiguration",
      "Namespace",
      "Node",
      "PersistentVolume",
      "PodSecurityPolicy",
      "PriorityClass",
      "PriorityLevelConfiguration",
      "RuntimeClass",
      "SelfSubjectAccessReview",
      "SelfSubjectReview",
      "StorageClass",
      "SubjectAccessReview",
      "TokenReview",
      "ValidatingAdmissionPolicy",
      "ValidatingAdmissionPolicyBinding",
      "ValidatingWebhookConfiguration",
      "VolumeAttachment",
  };
  return std::find(kClusterScoped.begin(), kClusterScoped.end(), kind) != kClusterScoped.end();
}

bool is_workload(std::string_view kind) {
  return kind == "Pod" || kind == "Deployment" || kind == "ReplicaSet" || kind == "ReplicationController" ||
         kind == "StatefulSet" || kind == "DaemonSet" || kind == "Job" || kind == "CronJob" || kind == "PodTemplate";
}

bool holds_secret_data(std::string_view kind) { return kind == "Secret" || kind == "ConfigMap"; }

}  // namespace gclint::kubernetes
