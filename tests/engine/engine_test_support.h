#pragma once

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/check.h"
#include "engine/condition_evaluator.h"
#include "engine/config.h"
#include "engine/match_program.h"
#include "engine/resource_graph.h"
#include "engine/rule_loader.h"
#include "engine/yaml_node_value.h"
#include "model/resource.h"
#include "model/source_set.h"

namespace gclint::engine::testing {

/// Strings "ref:<address>[#attr]" become references and "unknown:<why>" unknown values.
inline void mark_special(model::Value& v) {
  if (v.is_string() && v.text.rfind("ref:", 0) == 0) {
    std::string target = v.text.substr(4);
    std::string attribute;
    if (size_t hash = target.find('#'); hash != std::string::npos) {
      attribute = target.substr(hash + 1);
      target.resize(hash);
    }
    v = model::Value::reference(model::Reference{target, attribute}, v.span);
  } else if (v.is_string() && v.text.rfind("unknown:", 0) == 0) {
    v = model::Value::unknown(v.text.substr(8), v.span);
  }
  for (auto& item : v.items) mark_special(item);
  for (auto& entry : v.entries) mark_special(entry.value);
}

/// A resource whose attributes are the YAML text, registered as its own file so spans resolve.
inline model::Resource make_resource(model::SourceSet& sources, std::string type, std::string address,
                                     const std::string& yaml, model::Format format = model::Format::kTerraform) {
  uint32_t file = sources.add(address + ".yaml", yaml);
  model::Resource r;
  r.format = format;
  r.type = std::move(type);
  r.address = std::move(address);
  r.name = r.address.substr(r.address.rfind('.') + 1);
  r.span = model::Span{file, 0, 1};
  r.attributes = yaml_to_value(YAML::Load(yaml), file);
  if (!r.attributes.is_map()) r.attributes = model::Value::map(model::Span{file, 0, 1});
  mark_special(r.attributes);
  return r;
}

/// A one-block rule around `assert` (or `deny`) condition text, loaded as a user rule.
inline std::shared_ptr<Check> make_rule(model::SourceSet& sources, const std::string& condition,
                                        const std::string& extra = "", bool deny = false,
                                        std::vector<model::Diagnostic>* diagnostics = nullptr) {
  std::string text = "id: T-TST-001\nname: test-rule\nseverity: HIGH\n" + extra +
                     "title: {ja: t, en: t}\ndescription: {ja: d, en: d}\nremediation: {ja: r, en: r}\n"
                     "message: {ja: '{resource} {attribute}={value}', en: '{resource} {attribute}={value}'}\n"
                     "match:\n  - format: terraform\n    types: [t]\n    " +
                     (deny ? "deny: " : "assert: ") + condition + "\n";
  uint32_t file = sources.add("rules/test/T-TST-001.yaml", text);
  std::vector<model::Diagnostic> local;
  auto check = load_rule(sources.file(file), false, diagnostics ? *diagnostics : local);
  if (!check) {
    if (!diagnostics) {
      for (const auto& d : local) {
        auto pos = sources.begin_of(d.span);
        ADD_FAILURE() << "rule: " << pos.line << ":" << pos.column << ": " << d.message;
      }
    }
    return nullptr;
  }
  return std::make_shared<Check>(std::move(*check));
}

/// Evaluates a check's first condition on one resource of `resources`.
struct Evaluation {
  Config config;
  std::map<std::string, model::Value> config_values;
  std::map<std::string, std::vector<Cidr>> config_cidrs;
  std::map<std::string, model::Value> params;

  Outcome run(const Check& check, const std::vector<model::Resource>& resources, size_t index,
              std::string* attribute = nullptr, std::string* value = nullptr) {
    ResourceGraph graph(resources);
    params = check.params;
    EvalEnvironment env{graph, config, params, config_values, config_cidrs};
    const model::Resource& r = resources[index];
    ConditionEvaluator evaluator(env, r, r.attributes);
    Outcome o = evaluator.evaluate(check.program->blocks.front().condition);
    if (attribute) *attribute = evaluator.attribute_of(o);
    if (value) *value = evaluator.value_of(o);
    // The graph dies here: detach pointers the caller must not follow.
    return o;
  }
};

}  // namespace gclint::engine::testing
