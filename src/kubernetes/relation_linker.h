#pragma once

#include <vector>

#include "model/resource.h"

namespace gclint::kubernetes {

/// Adds the Kubernetes relations between the given resources (resources of other formats are ignored):
///   Service -> workloads its selector matches ("selects"), Ingress -> Service backends ("routes_to"),
///   NetworkPolicy -> workloads its podSelector matches in its namespace ("selects") and workloads its
///   ingress/egress peers admit ("allows_from" / "allows_to"; namespaceSelector matched against Namespace
///   labels), workload -> ServiceAccount ("uses_service_account"), RoleBinding/ClusterRoleBinding -> roleRef
///   ("binds_role") and subjects ("binds_subject"). Namespace labels are inherited into the tags of objects in
///   that namespace that lack the key.
/// load_manifests does not call it: the scanner runs it once over the Kubernetes resources of all files, so
/// that relations across files are found. Running it twice on the same set duplicates relations.
void link_relations(std::vector<model::Resource>& resources);

/// Frees the parts of a Kubernetes object that link_relations does not read, so that a scan can hold and link
/// every object of a large tree and check each file's objects afterwards from a second reading of that file
/// (src/scan/scanner.cpp). Kept: type, name, namespace, address, spans, labels (tags), annotations (metadata), and
/// the document of the kinds the linker reads in full (Service, Ingress, NetworkPolicy, RoleBinding,
/// ClusterRoleBinding); a workload keeps, of its pod_spec view, its pod labels and service account. Returns whether
/// anything was dropped (false for those kinds and for other formats).
bool drop_unlinked_parts(model::Resource& resource);

}  // namespace gclint::kubernetes
