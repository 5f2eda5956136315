#include "terraform/plan_resources.h"

#include <algorithm>
#include <map>
#include <set>
#include <span>

#include "terraform/expression_evaluator.h"
#include "terraform/plan_address.h"
#include "terraform/plan_configuration.h"

namespace gclint::terraform {

using model::Reference;
using model::Resource;
using model::Span;
using model::Value;

namespace {

// Plans nest values as deeply as provider schemas do; this bounds a hostile file, not a real plan.
constexpr int kMaxDepth = 128;

const Value* member(const Value* v, std::string_view key) {
  if (v == nullptr || !v->is_map()) return nullptr;
  return v->get(key);
}

std::string text_member(const Value* v, std::string_view key) {
  const Value* m = member(v, key);
  return m != nullptr && m->is_string() ? m->text : std::string();
}

bool has_true(const Value& mirror, int depth = 0) {
  if (depth > kMaxDepth) return false;
  if (mirror.is_bool()) return mirror.boolean;
  for (const auto& e : mirror.entries) {
    if (has_true(e.value, depth + 1)) return true;
  }
  for (const auto& i : mirror.items) {
    if (has_true(i, depth + 1)) return true;
  }
  return false;
}

// Every leaf `after_unknown` marks true becomes unknown in `v`; Terraform leaves such attributes out of the values
// (and unknown list elements null), so missing entries are created.
void apply_unknown(Value& v, const Value& mirror, const std::string& path, int depth) {
  if (depth > kMaxDepth) return;
  if (mirror.is_bool()) {
    if (mirror.boolean) v = Value::unknown(path + " (known after apply)", mirror.span);
    return;
  }
  if (!has_true(mirror, depth)) return;
  if (mirror.is_map()) {
    if (!v.is_map()) {
      if (!v.is_null()) return;
      v = Value::map(v.span.valid() ? v.span : mirror.span);
    }
    for (const auto& e : mirror.entries) {
      if (!has_true(e.value, depth + 1)) continue;
      Value* child = v.get(e.key);
      if (child == nullptr) child = &v.set(e.key, Value::null(e.value.span));
      apply_unknown(*child, e.value, path + "." + e.key, depth + 1);
    }
  } else if (mirror.is_list()) {
    if (!v.is_list()) {
      if (!v.is_null()) return;
      v = Value::list(v.span.valid() ? v.span : mirror.span);
    }
    for (size_t i = 0; i < mirror.items.size(); ++i) {
      if (!has_true(mirror.items[i], depth + 1)) continue;
      while (v.items.size() <= i) v.items.push_back(Value::null(mirror.items[i].span));
      apply_unknown(v.items[i], mirror.items[i], path + "[" + std::to_string(i) + "]", depth + 1);
    }
  }
}

// Sensitive values: the plan holds them in clear, but unless the configuration writes the literal (a constant_value
// covering the leaf), the secret came from elsewhere (a variable set in CI, random_password, a secret store). Such a
// leaf is unknown: a check never judges, or prints, a secret that is not in the code.
void withhold_sensitive(Value& v, const Value& mirror, const Value* expression, const std::string& path, int depth) {
  if (depth > kMaxDepth) return;
  bool literal = expression != nullptr && is_plan_expression(*expression) && expression->get("constant_value");
  if (mirror.is_bool()) {
    if (mirror.boolean && !literal && v.is_known() && !v.is_null()) {
      v = Value::unknown(path + " (sensitive)", v.span);
    }
    return;
  }
  auto part = [&](const std::string& key, size_t index) -> const Value* {
    if (expression == nullptr || literal) return expression;
    if (is_plan_expression(*expression)) return nullptr;  // references: nothing below is a literal
    if (expression->is_map()) return expression->get(key);
    if (expression->is_list() && index < expression->items.size()) return &expression->items[index];
    return nullptr;
  };
  if (mirror.is_map() && v.is_map()) {
    for (const auto& e : mirror.entries) {
      Value* child = v.get(e.key);
      if (child != nullptr) withhold_sensitive(*child, e.value, part(e.key, 0), path + "." + e.key, depth + 1);
    }
  } else if (mirror.is_list() && v.is_list()) {
    for (size_t i = 0; i < mirror.items.size() && i < v.items.size(); ++i) {
      withhold_sensitive(v.items[i], mirror.items[i], part("", i), path + "[" + std::to_string(i) + "]", depth + 1);
    }
  }
}

void add_refs(Value& v, std::span<const Reference> refs) {
  for (const auto& r : refs) {
    bool seen = false;
    for (const auto& existing : v.refs) seen = seen || existing == r;
    if (!seen) v.refs.push_back(r);
  }
}

class ResourceBuilder {
 public:
  ResourceBuilder(const PlanConfiguration& config, const std::optional<std::string>& default_region,
                  std::vector<model::Diagnostic>& diagnostics)
      : config_(config), default_region_(default_region), diagnostics_(diagnostics) {}

  std::optional<Resource> build(const Value& entry, const std::string& module_address, const Value* change) {
    std::string address = text_member(&entry, "address");
    std::string type = text_member(&entry, "type");
    std::string name = text_member(&entry, "name");
    if (address.empty() || type.empty() || name.empty()) {
      diagnostics_.push_back(
          {model::Diagnostic::Level::kWarning, entry.span, "plan resource without address, type or name; skipped"});
      return std::nullopt;
    }
    Resource r;
    r.format = model::Format::kTerraformPlan;
    r.type = type;
    r.name = name;
    r.address = address;
    r.is_data = text_member(&entry, "mode") == "data";
    r.module_address = module_address;
    const Value* address_member = member(&entry, "address");
    r.span = address_member->span;
    const Value* values = member(&entry, "values");
    if (values == nullptr) values = member(member(change, "change"), "after");
    r.attributes = values != nullptr && values->is_map() ? *values : Value::map(entry.span);
    if (const Value* mirror = member(member(change, "change"), "after_unknown")) {
      apply_unknown(r.attributes, *mirror, address, 0);
    }

    std::string static_module = static_address(module_address);
    std::string static_resource = (r.is_data ? "data." : "") + type + "." + name;
    const Value* config = config_.resource(static_module, static_resource);
    const Value* expressions = member(config, "expressions");
    const Value* sensitive = member(&entry, "sensitive_values");
    if (sensitive == nullptr) sensitive = member(member(change, "change"), "after_sensitive");
    if (sensitive != nullptr) withhold_sensitive(r.attributes, *sensitive, expressions, address, 0);
    std::vector<AddressStep> steps = split_address(address);
    instance_key_ = steps.empty() ? std::string() : steps.back().key;
    if (expressions != nullptr) attach_references(r.attributes, *expressions, module_address, 0);
    if (const Value* deps = member(config, "depends_on"); deps != nullptr && deps->is_list()) {
      for (const auto& d : deps->items) {
        if (d.is_string()) r.relations.push_back({"depends_on", join_address(module_address, d.text), d.span});
      }
    }
    set_provider(r, config, entry);
    set_tags(r);
    return r;
  }

 private:
  // The references of `expressions` (a block body of the configuration) onto the values at the same paths.
  void attach_references(Value& values, const Value& expressions, const std::string& module, int depth) {
    if (depth > kMaxDepth || !expressions.is_map() || !values.is_map()) return;
    for (const auto& e : expressions.entries) {
      if (is_plan_expression(e.value)) {
        const Value* refs = e.value.get("references");
        if (refs == nullptr) continue;
        std::vector<Reference> resolved = config_.resolve(*refs, module, instance_key_);
        if (resolved.empty()) continue;
        Value* target = values.get(e.key);
        // An argument missing from the values (the provider dropped it): the edge stays on the enclosing block.
        if (target == nullptr) target = &values;
        add_refs(*target, resolved);
        if (target->is_unknown() && target->text.ends_with(" (known after apply)") && !refs->items.empty() &&
            refs->items[0].is_string()) {
          target->text = refs->items[0].text;
        }
        continue;
      }
      Value* target = values.get(e.key);
      if (target == nullptr) continue;
      if (e.value.is_map()) {
        if (target->is_map()) attach_references(*target, e.value, module, depth + 1);
        if (target->is_list() && target->items.size() == 1) {
          attach_references(target->items[0], e.value, module, depth + 1);
        }
      } else if (e.value.is_list() && target->is_list()) {
        attach_block_references(*target, e.value, module, depth + 1);
      }
    }
  }

  // Nested blocks: the configuration lists them in source order, the values in the provider's order (sets are
  // sorted). A configuration block goes to the value whose arguments hold its constants; when that is not one
  // value, its references stay on the whole list.
  void attach_block_references(Value& list, const Value& blocks, const std::string& module, int depth) {
    std::set<size_t> used;
    for (size_t b = 0; b < blocks.items.size(); ++b) {
      const Value& block = blocks.items[b];
      std::vector<size_t> candidates;
      for (size_t i = 0; i < list.items.size(); ++i) {
        if (!used.count(i) && constants_match(block, list.items[i])) candidates.push_back(i);
      }
      size_t chosen = SIZE_MAX;
      if (blocks.items.size() == 1 && list.items.size() == 1) {
        chosen = 0;
      } else if (candidates.size() == 1) {
        chosen = candidates[0];
      } else if (blocks.items.size() == list.items.size() && !used.count(b) && constants_match(block, list.items[b])) {
        chosen = b;
      }
      if (chosen != SIZE_MAX) {
        used.insert(chosen);
        attach_references(list.items[chosen], block, module, depth);
      } else {
        std::vector<Reference> all;
        collect_references(block, module, all, depth);
        add_refs(list, all);
      }
    }
  }

  bool constants_match(const Value& block, const Value& value) const {
    if (!block.is_map() || !value.is_map()) return false;
    for (const auto& e : block.entries) {
      if (!is_plan_expression(e.value)) continue;
      const Value* constant = e.value.get("constant_value");
      if (constant == nullptr) continue;
      const Value* actual = value.get(e.key);
      if (actual == nullptr || !actual->is_known() || !actual->same_content(*constant)) return false;
    }
    return true;
  }

  void collect_references(const Value& expressions, const std::string& module, std::vector<Reference>& out,
                          int depth) const {
    if (depth > kMaxDepth) return;
    if (is_plan_expression(expressions)) {
      if (const Value* refs = expressions.get("references")) {
        for (auto& r : config_.resolve(*refs, module, instance_key_)) {
          if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(std::move(r));
        }
      }
      return;
    }
    for (const auto& e : expressions.entries) collect_references(e.value, module, out, depth + 1);
    for (const auto& i : expressions.items) collect_references(i, module, out, depth + 1);
  }

  void set_provider(Resource& r, const Value* config, const Value& entry) {
    std::string provider_name = text_member(&entry, "provider_name");  // registry.terraform.io/hashicorp/aws
    std::string fallback =
        provider_name.substr(provider_name.rfind('/') == std::string::npos ? 0 : provider_name.rfind('/') + 1);
    if (fallback.empty()) fallback = r.type.substr(0, r.type.find('_'));
    std::string key = text_member(config, "provider_config_key");
    PlanConfiguration::Provider p = config_.provider(key.empty() ? fallback : key, fallback);
    r.provider = p.address;
    const Value* constant = member(p.region, "constant_value");
    const Value* refs = member(p.region, "references");
    if (constant != nullptr && constant->is_string()) {
      r.region = *constant;
      r.region.span = p.region->span;
    } else if (refs != nullptr && refs->is_list() && !refs->items.empty() && refs->items[0].is_string()) {
      // An expression (`var.region`): its value is not part of the configuration.
      r.region = Value::unknown(refs->items[0].text, p.region->span);
    } else if (p.region != nullptr && constant == nullptr) {
      r.region = Value::unknown("region of provider " + p.address, p.region->span);
    } else if (default_region_) {
      r.region = Value::of_string(*default_region_);
    } else {
      r.region = Value::unknown("provider " + p.name + " has no region");
    }
  }

  // tags_all holds the provider's default_tags merged under the resource's tags.
  static void set_tags(Resource& r) {
    for (const char* key : {"tags_all", "tags"}) {
      const Value* tags = r.attributes.get(key);
      if (tags == nullptr || !tags->is_map()) continue;
      for (const auto& e : tags->entries) {
        std::string s;
        if (to_string_value(e.value, s)) r.tags.emplace_back(e.key, s);
      }
      return;
    }
  }

  const PlanConfiguration& config_;
  const std::optional<std::string>& default_region_;
  std::string instance_key_;  // of the resource being built: `[0]`, `["zeimu"]` or empty
  std::vector<model::Diagnostic>& diagnostics_;
};

void collect_modules(const Value* module, PlanConfiguration& config, int depth) {
  if (module == nullptr || depth > kMaxDepth) return;
  std::string address = text_member(module, "address");
  if (!address.empty()) config.add_module_instance(address);
  if (const Value* children = member(module, "child_modules"); children != nullptr && children->is_list()) {
    for (const auto& child : children->items) collect_modules(&child, config, depth + 1);
  }
}

// Resources of a values module (planned_values.root_module or prior_state.values.root_module), depth first.
template <typename Visit>
void visit_resources(const Value* module, int depth, Visit&& visit) {
  if (module == nullptr || depth > kMaxDepth) return;
  std::string address = text_member(module, "address");
  if (const Value* resources = member(module, "resources"); resources != nullptr && resources->is_list()) {
    for (const auto& r : resources->items) visit(r, address);
  }
  if (const Value* children = member(module, "child_modules"); children != nullptr && children->is_list()) {
    for (const auto& child : children->items) visit_resources(&child, depth + 1, visit);
  }
}

}  // namespace

std::vector<Resource> plan_resources(const Value& plan, const std::optional<std::string>& default_region,
                                     std::vector<model::Diagnostic>& diagnostics) {
  PlanConfiguration config(plan.get("configuration"));
  const Value* planned = member(member(&plan, "planned_values"), "root_module");
  const Value* prior = member(member(member(&plan, "prior_state"), "values"), "root_module");
  collect_modules(planned, config, 0);
  collect_modules(prior, config, 0);
  for (const Value* values : {planned, prior}) {
    visit_resources(values, 0, [&](const Value& entry, const std::string&) {
      config.add_resource_instance(text_member(&entry, "address"));
    });
  }

  std::map<std::string, const Value*> changes;
  if (const Value* list = plan.get("resource_changes"); list != nullptr && list->is_list()) {
    for (const auto& c : list->items) {
      if (member(&c, "deposed") != nullptr) continue;  // an old object waiting to be destroyed
      std::string address = text_member(&c, "address");
      if (!address.empty()) changes.emplace(address, &c);
    }
  }

  if (planned == nullptr) {
    for (const auto& [address, change] : changes) config.add_resource_instance(address);
  }
  ResourceBuilder builder(config, default_region, diagnostics);
  std::vector<Resource> out;
  std::set<std::string> seen;
  auto emit = [&](const Value& entry, const std::string& module_address, const Value* change) {
    std::string address = text_member(&entry, "address");
    // A data source the configuration does not list is scoped to a `check` block: not a resource (as in .tf files).
    if (config.present() && text_member(&entry, "mode") == "data" &&
        config.resource(static_address(module_address),
                        "data." + text_member(&entry, "type") + "." + text_member(&entry, "name")) == nullptr) {
      return;
    }
    if (!seen.insert(address).second) return;
    if (auto r = builder.build(entry, module_address, change)) out.push_back(std::move(*r));
  };
  auto change_of = [&](const std::string& address) -> const Value* {
    auto it = changes.find(address);
    return it == changes.end() ? nullptr : it->second;
  };

  if (planned != nullptr) {
    visit_resources(planned, 0, [&](const Value& entry, const std::string& module) {
      emit(entry, module, change_of(text_member(&entry, "address")));
    });
  } else {
    // No planned_values: what resource_changes says each object will be after apply.
    for (const auto& [address, change] : changes) {
      const Value* actions = member(member(change, "change"), "actions");
      bool deleted = actions != nullptr && actions->is_list() && actions->items.size() == 1 &&
                     actions->items[0].is_string() && actions->items[0].text == "delete";
      const Value* after = member(member(change, "change"), "after");
      if (deleted || after == nullptr || after->is_null()) continue;
      emit(*change, text_member(change, "module_address"), change);
    }
  }
  // Data sources read while planning are in the prior state only; their values are what the provider returned.
  visit_resources(prior, 0, [&](const Value& entry, const std::string& module) {
    if (text_member(&entry, "mode") == "data") emit(entry, module, nullptr);
  });
  return out;
}

}  // namespace gclint::terraform
