#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/value.h"

namespace gclint::terraform {

/// The `configuration` object of a plan (`terraform show -json`), indexed: modules by their static path, resources
/// by module-relative address, and the provider configurations. Reads only; the plan's Value tree must outlive it.
class PlanConfiguration {
 public:
  /// `configuration` may be null (a plan without it): then nothing resolves.
  explicit PlanConfiguration(const model::Value* configuration);

  /// The configuration of a resource: its static module path (`module.a.module.b`, empty for the root) and its
  /// module-relative static address (`aws_s3_bucket.b`, `data.aws_iam_policy_document.p`). Null when absent.
  const model::Value* resource(std::string_view static_module, std::string_view static_resource) const;
  /// Whether the plan has a configuration at all.
  bool present() const { return !modules_.empty(); }

  /// Module instances present in the plan, by static path; used to follow `module.x.out` references.
  void add_module_instance(const std::string& instance_address);
  /// Resource instances present in the plan (`aws_s3_bucket.b[0]`), for references through a computed index.
  void add_resource_instance(const std::string& address);

  /// Absolute references for the `references` array `refs` of an expression written in module instance
  /// `module_instance`: resource references get the module prefix; `var.x` follows the module call's argument into
  /// the caller, `module.x.out` the called module's output expression. Duplicates are merged (a reference with an
  /// attribute wins over the bare resource).
  ///
  /// Terraform records `aws_s3_bucket.b[count.index].id` as `aws_s3_bucket.b` and `count.index`: the instance is not
  /// written down. When the expression uses `count.index` or `each.*` and the referring instance's own key
  /// (`instance_key`, `[3]` or `["zeimu"]`) is a key of the referenced resource, the reference is to that instance
  /// (the `[count.index]` / `[each.key]` idiom); otherwise it is to the resource, every instance of it.
  std::vector<model::Reference> resolve(const model::Value& refs, const std::string& module_instance,
                                        const std::string& instance_key = {}) const;

  /// The provider configuration of a resource's `provider_config_key`, following keys of configurations passed
  /// into or inherited by modules up to the configuration that defines them.
  struct Provider {
    std::string address;                   // `aws`, `aws.osaka`, `module.legacy.aws`
    std::string name;                      // `aws`
    const model::Value* region = nullptr;  // the `region` expression object, null when not set
    bool found = false;
  };
  Provider provider(std::string_view key, std::string_view fallback_name) const;

 private:
  struct Module {
    const model::Value* node = nullptr;  // {resources, module_calls, outputs}
    const model::Value* call = nullptr;  // the module_calls entry that calls it (null for the root)
    std::map<std::string, const model::Value*, std::less<>> resources;
  };
  void index_module(const model::Value* node, const model::Value* call, const std::string& path, int depth);
  void resolve_into(const model::Value& refs, const std::string& module_instance, const std::string& instance_key,
                    std::vector<model::Reference>& out, int depth) const;

  std::map<std::string, Module, std::less<>> modules_;                          // by static path
  std::map<std::string, std::vector<std::string>, std::less<>> instances_;      // static path -> instance addresses
  std::map<std::string, std::vector<std::string>, std::less<>> resource_keys_;  // address without key -> keys
  const model::Value* providers_ = nullptr;
};

/// An expression object of the configuration (`{"constant_value": ...}` or `{"references": [...]}`), as opposed
/// to the body of a nested block.
bool is_plan_expression(const model::Value& v);

}  // namespace gclint::terraform
