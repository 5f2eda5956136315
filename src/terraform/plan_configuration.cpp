#include "terraform/plan_configuration.h"

#include <algorithm>

#include "terraform/plan_address.h"

namespace gclint::terraform {

using model::Reference;
using model::Value;

namespace {

// Module nesting in a plan is bounded by Terraform itself; this only keeps a hostile file from recursing deeply.
constexpr int kMaxDepth = 64;

const Value* map_member(const Value* v, std::string_view key) {
  if (v == nullptr || !v->is_map()) return nullptr;
  return v->get(key);
}

std::string string_member(const Value* v, std::string_view key) {
  const Value* m = map_member(v, key);
  return m != nullptr && m->is_string() ? m->text : std::string();
}

void add_reference(std::vector<Reference>& out, Reference ref) {
  for (auto& existing : out) {
    if (existing.address != ref.address) continue;
    if (existing.attribute.empty()) existing.attribute = ref.attribute;
    return;
  }
  out.push_back(std::move(ref));
}

}  // namespace

bool is_plan_expression(const Value& v) {
  if (!v.is_map() || v.entries.empty()) return false;
  for (const auto& e : v.entries) {
    if (e.key != "references" && e.key != "constant_value") return false;
  }
  return true;
}

PlanConfiguration::PlanConfiguration(const Value* configuration) {
  providers_ = map_member(configuration, "provider_config");
  if (const Value* root = map_member(configuration, "root_module")) index_module(root, nullptr, "", 0);
}

void PlanConfiguration::index_module(const Value* node, const Value* call, const std::string& path, int depth) {
  if (depth > kMaxDepth || !node->is_map()) return;
  Module& m = modules_[path];
  m.node = node;
  m.call = call;
  if (const Value* resources = node->get("resources"); resources != nullptr && resources->is_list()) {
    for (const auto& r : resources->items) {
      std::string type = string_member(&r, "type");
      std::string name = string_member(&r, "name");
      if (type.empty() || name.empty()) continue;
      std::string key = (string_member(&r, "mode") == "data" ? "data." : "") + type + "." + name;
      m.resources.emplace(std::move(key), &r);
    }
  }
  if (const Value* calls = node->get("module_calls"); calls != nullptr && calls->is_map()) {
    for (const auto& e : calls->entries) {
      if (const Value* child = map_member(&e.value, "module")) {
        index_module(child, &e.value, join_address(path, "module." + e.key), depth + 1);
      }
    }
  }
}

const Value* PlanConfiguration::resource(std::string_view static_module, std::string_view static_resource) const {
  auto m = modules_.find(static_module);
  if (m == modules_.end()) return nullptr;
  auto r = m->second.resources.find(static_resource);
  return r == m->second.resources.end() ? nullptr : r->second;
}

void PlanConfiguration::add_module_instance(const std::string& instance_address) {
  auto& list = instances_[static_address(instance_address)];
  if (std::find(list.begin(), list.end(), instance_address) == list.end()) list.push_back(instance_address);
}

void PlanConfiguration::add_resource_instance(const std::string& address) {
  std::vector<AddressStep> steps = split_address(address);
  if (steps.empty() || steps.back().key.empty()) return;
  std::string key = steps.back().key;
  auto& keys = resource_keys_[address.substr(0, address.size() - key.size())];
  keys.push_back(std::move(key));
}

std::vector<Reference> PlanConfiguration::resolve(const Value& refs, const std::string& module_instance,
                                                  const std::string& instance_key) const {
  std::vector<Reference> out;
  resolve_into(refs, module_instance, instance_key, out, 0);
  return out;
}

void PlanConfiguration::resolve_into(const Value& refs, const std::string& module_instance,
                                     const std::string& instance_key, std::vector<Reference>& out, int depth) const {
  if (!refs.is_list() || depth > kMaxDepth) return;
  std::string static_module = static_address(module_instance);
  bool indexed = false;  // the expression uses count.index or each.*
  for (const auto& item : refs.items) {
    indexed = indexed || (item.is_string() && (item.text == "count.index" || item.text.starts_with("each.")));
  }
  for (const auto& item : refs.items) {
    if (!item.is_string()) continue;
    PlanReference ref = parse_plan_reference(item.text);
    switch (ref.kind) {
      case PlanReference::Kind::kResource: {
        std::string address = join_address(module_instance, ref.address);
        if (indexed && !instance_key.empty() && !address.ends_with(']')) {
          auto keys = resource_keys_.find(address);
          if (keys != resource_keys_.end() &&
              std::find(keys->second.begin(), keys->second.end(), instance_key) != keys->second.end()) {
            address += instance_key;
          }
        }
        add_reference(out, Reference{std::move(address), ref.attribute});
        break;
      }
      case PlanReference::Kind::kVariable: {
        // A module's input: what the caller passed, in the caller's module instance.
        if (module_instance.empty()) break;
        auto m = modules_.find(static_module);
        if (m == modules_.end() || m->second.call == nullptr) break;
        const Value* arg = map_member(map_member(m->second.call, "expressions"), ref.name);
        if (const Value* arg_refs = map_member(arg, "references")) {
          resolve_into(*arg_refs, parent_module_address(module_instance), {}, out, depth + 1);
        }
        break;
      }
      case PlanReference::Kind::kModule: {
        std::string child_static = join_address(static_module, "module." + ref.name);
        auto m = modules_.find(child_static);
        auto instances = instances_.find(child_static);
        if (m == modules_.end() || instances == instances_.end() || ref.output.empty()) break;
        const Value* output = map_member(map_member(m->second.node, "outputs"), ref.output);
        const Value* output_refs = map_member(map_member(output, "expression"), "references");
        if (output_refs == nullptr) break;
        std::string exact = join_address(module_instance, "module." + ref.name + ref.key);
        for (const auto& instance : instances->second) {
          if (parent_module_address(instance) != module_instance) continue;
          if (!ref.key.empty() && instance != exact) continue;
          resolve_into(*output_refs, instance, {}, out, depth + 1);
        }
        break;
      }
      case PlanReference::Kind::kOther:
        break;
    }
  }
}

PlanConfiguration::Provider PlanConfiguration::provider(std::string_view key, std::string_view fallback_name) const {
  Provider p;
  std::string current(key);
  // `module.a:aws` is a configuration passed into or inherited by module.a; Terraform normally rewrites it to the
  // key of the configuration that defines it, older versions did not. Walk up until a defined one is found.
  for (int step = 0; step <= kMaxDepth && !current.empty(); ++step) {
    const Value* config = map_member(providers_, current);
    size_t colon = current.rfind(':');
    std::string module = colon == std::string::npos ? std::string() : current.substr(0, colon);
    std::string local = colon == std::string::npos ? current : current.substr(colon + 1);
    if (config != nullptr) {
      std::string alias = string_member(config, "alias");
      std::string name = string_member(config, "name");
      if (name.empty()) name = local.substr(0, local.find('.'));
      std::string module_address = string_member(config, "module_address");
      p.found = true;
      p.name = name;
      p.address = join_address(module_address, alias.empty() ? name : name + "." + alias);
      p.region = map_member(map_member(config, "expressions"), "region");
      return p;
    }
    if (module.empty()) break;
    if (!module.starts_with("module.")) module = "module." + module;  // Terraform 0.12: `child:aws`
    std::string parent = parent_module_address(module);
    current = parent.empty() ? local : parent + ":" + local;
  }
  p.name = std::string(fallback_name);
  std::string local(key.substr(key.rfind(':') == std::string_view::npos ? 0 : key.rfind(':') + 1));
  p.address = local.empty() ? p.name : local;
  return p;
}

}  // namespace gclint::terraform
