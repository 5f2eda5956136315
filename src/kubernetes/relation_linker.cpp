#include "kubernetes/relation_linker.h"

#include <initializer_list>
#include <map>
#include <string>
#include <tuple>

#include "kubernetes/kind_catalog.h"
#include "kubernetes/pod_spec_normalizer.h"
#include "kubernetes/selector_matcher.h"

namespace gclint::kubernetes {
namespace {

using model::Relation;
using model::Resource;
using model::Value;

const Value* path(const Value& root, std::initializer_list<std::string_view> keys) {
  const Value* node = &root;
  for (std::string_view key : keys) {
    node = node->get(key);
    if (node == nullptr) return nullptr;
  }
  return node;
}

std::string text_at(const Value* node) { return node != nullptr && node->is_string() ? node->text : ""; }

struct Workload {
  Resource* resource;
  Labels pod_labels;
};

class Linker {
 public:
  explicit Linker(std::vector<Resource>& resources) {
    for (auto& r : resources) {
      if (r.format != model::Format::kKubernetes) continue;
      k8s_.push_back(&r);
      if (r.type == "Namespace") namespace_labels_[r.name] = r.tags;
      if (is_workload(r.type)) {
        const Value* view = r.view("pod_spec");
        workloads_.push_back(Workload{&r, labels_of(view != nullptr ? pod_labels(*view) : nullptr)});
      }
    }
  }

  void run() {
    inherit_namespace_labels();
    for (Resource* r : k8s_) {
      if (r->type == "Service") link_service(*r);
      if (r->type == "Ingress") link_ingress(*r);
      if (r->type == "NetworkPolicy") link_network_policy(*r);
      if (r->type == "RoleBinding" || r->type == "ClusterRoleBinding") link_binding(*r);
    }
    for (auto& w : workloads_) link_service_account(*w.resource);
  }

 private:
  void inherit_namespace_labels() {
    for (Resource* r : k8s_) {
      if (r->namespace_name.empty()) continue;
      auto it = namespace_labels_.find(r->namespace_name);
      if (it == namespace_labels_.end()) continue;
      for (const auto& [key, value] : it->second) {
        bool present = false;
        for (const auto& tag : r->tags) present = present || tag.first == key;
        if (!present) r->tags.emplace_back(key, value);
      }
    }
  }

  /// Namespace labels including the automatic kubernetes.io/metadata.name label.
  Labels labels_of_namespace(const std::string& name) const {
    Labels labels;
    auto it = namespace_labels_.find(name);
    if (it != namespace_labels_.end()) labels = it->second;
    bool has_name = false;
    for (const auto& l : labels) has_name = has_name || l.first == "kubernetes.io/metadata.name";
    if (!has_name) labels.emplace_back("kubernetes.io/metadata.name", name);
    return labels;
  }

  void link_service(Resource& service) {
    const Value* selector = path(service.attributes, {"spec", "selector"});
    if (selector == nullptr || !selector->is_map()) return;
    for (const auto& w : workloads_) {
      if (w.resource->namespace_name != service.namespace_name) continue;
      if (map_selector_matches(*selector, w.pod_labels)) {
        service.relations.push_back(Relation{"selects", w.resource->address, selector->span});
      }
    }
  }

  void add_backend(Resource& ingress, const Value& backend) {
    std::string name = text_at(path(backend, {"service", "name"}));
    if (name.empty()) name = text_at(backend.get("serviceName"));
    if (name.empty()) return;
    ingress.relations.push_back(Relation{"routes_to", "Service/" + ingress.namespace_name + "/" + name, backend.span});
  }

  void link_ingress(Resource& ingress) {
    const Value* spec = ingress.attributes.get("spec");
    if (spec == nullptr || !spec->is_map()) return;
    for (const char* key : {"defaultBackend", "backend"}) {
      const Value* backend = spec->get(key);
      if (backend != nullptr && backend->is_map()) add_backend(ingress, *backend);
    }
    const Value* rules = spec->get("rules");
    if (rules == nullptr || !rules->is_list()) return;
    for (const auto& rule : rules->items) {
      const Value* paths = path(rule, {"http", "paths"});
      if (paths == nullptr || !paths->is_list()) continue;
      for (const auto& p : paths->items) {
        const Value* backend = p.get("backend");
        if (backend != nullptr && backend->is_map()) add_backend(ingress, *backend);
      }
    }
  }

  /// One NetworkPolicy peer (from/to element): the workloads it admits.
  void link_peer(Resource& policy, const Value& peer, const char* kind) {
    if (!peer.is_map() || peer.get("ipBlock") != nullptr) return;
    const Value* namespace_selector = peer.get("namespaceSelector");
    const Value* pod_selector = peer.get("podSelector");
    for (const auto& w : workloads_) {
      bool namespace_ok =
          namespace_selector == nullptr
              ? w.resource->namespace_name == policy.namespace_name
              : label_selector_matches(*namespace_selector, labels_of_namespace(w.resource->namespace_name));
      if (!namespace_ok) continue;
      if (pod_selector != nullptr && !label_selector_matches(*pod_selector, w.pod_labels)) continue;
      policy.relations.push_back(Relation{kind, w.resource->address, peer.span});
    }
  }

  void link_network_policy(Resource& policy) {
    const Value* spec = policy.attributes.get("spec");
    if (spec == nullptr || !spec->is_map()) return;
    const Value* pod_selector = spec->get("podSelector");
    if (pod_selector != nullptr) {
      for (const auto& w : workloads_) {
        if (w.resource->namespace_name == policy.namespace_name &&
            label_selector_matches(*pod_selector, w.pod_labels)) {
          policy.relations.push_back(Relation{"selects", w.resource->address, pod_selector->span});
        }
      }
    }
    for (auto [direction, peers_key, kind] :
         {std::tuple{"ingress", "from", "allows_from"}, std::tuple{"egress", "to", "allows_to"}}) {
      const Value* rules = spec->get(direction);
      if (rules == nullptr || !rules->is_list()) continue;
      for (const auto& rule : rules->items) {
        const Value* peers = rule.get(peers_key);
        if (peers == nullptr || !peers->is_list()) continue;
        for (const auto& peer : peers->items) link_peer(policy, peer, kind);
      }
    }
  }

  void link_service_account(Resource& workload) {
    const Value* view = workload.view("pod_spec");
    if (view == nullptr) return;
    const Value* account = view->get("serviceAccountName");
    if (account == nullptr || !account->is_string()) account = view->get("serviceAccount");
    std::string name = text_at(account);
    model::Span span = account != nullptr && account->is_string() ? account->span : workload.span;
    if (name.empty()) name = "default";
    workload.relations.push_back(
        Relation{"uses_service_account", "ServiceAccount/" + workload.namespace_name + "/" + name, span});
  }

  void link_binding(Resource& binding) {
    const Value* role_ref = binding.attributes.get("roleRef");
    if (role_ref != nullptr && role_ref->is_map()) {
      std::string kind = text_at(role_ref->get("kind"));
      std::string name = text_at(role_ref->get("name"));
      if (!kind.empty() && !name.empty()) {
        std::string target = kind == "Role" && !binding.namespace_name.empty()
                                 ? "Role/" + binding.namespace_name + "/" + name
                                 : kind + "/" + name;
        binding.relations.push_back(Relation{"binds_role", target, role_ref->span});
      }
    }
    const Value* subjects = binding.attributes.get("subjects");
    if (subjects == nullptr || !subjects->is_list()) return;
    for (const auto& subject : subjects->items) {
      std::string kind = text_at(subject.get("kind"));
      std::string name = text_at(subject.get("name"));
      if (kind.empty() || name.empty()) continue;
      std::string target = kind + "/" + name;
      if (kind == "ServiceAccount") {
        std::string ns = text_at(subject.get("namespace"));
        if (ns.empty()) ns = binding.namespace_name;
        target = "ServiceAccount/" + ns + "/" + name;
      }
      binding.relations.push_back(Relation{"binds_subject", target, subject.span});
    }
  }

  std::vector<Resource*> k8s_;
  std::vector<Workload> workloads_;
  std::map<std::string, Labels> namespace_labels_;
};

/// Kinds whose documents the linker reads beyond their name, namespace and labels.
bool linked_by_document(std::string_view kind) {
  return kind == "Service" || kind == "Ingress" || kind == "NetworkPolicy" || kind == "RoleBinding" ||
         kind == "ClusterRoleBinding";
}

}  // namespace

void link_relations(std::vector<Resource>& resources) { Linker(resources).run(); }

bool drop_unlinked_parts(Resource& resource) {
  if (resource.format != model::Format::kKubernetes || linked_by_document(resource.type)) return false;
  // A workload keeps, of its pod_spec view, what link_service_account and the selectors read.
  Value kept = Value::null();
  if (const Value* view = resource.view("pod_spec")) {
    kept = Value::map(view->span);
    if (const Value* labels = pod_labels(*view)) {
      const Value* metadata = view->get("podMetadata");
      kept.set("podMetadata", Value::map(metadata->span)).set("labels", *labels);
    }
    for (std::string_view key : {"serviceAccountName", "serviceAccount"}) {
      if (const Value* account = view->get(key)) kept.set(std::string(key), *account);
    }
  }
  resource.views.clear();
  if (!kept.is_null()) resource.views.emplace_back("pod_spec", std::move(kept));
  resource.views.shrink_to_fit();
  resource.attributes = Value::null(resource.attributes.span);
  return true;
}

}  // namespace gclint::kubernetes
