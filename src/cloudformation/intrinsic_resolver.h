#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cloudformation/condition_evaluator.h"
#include "cloudformation/template_context.h"
#include "model/diagnostic.h"
#include "model/value.h"

namespace gclint::cloudformation {

/// Replaces CloudFormation intrinsic functions in a value tree by what they are known to produce.
/// Results keep the span of the expression they replace; references found on the way are kept in Value::refs.
class IntrinsicResolver {
 public:
  IntrinsicResolver(const TemplateContext& context, std::vector<model::Diagnostic>& diagnostics);

  /// Resolves `value` under `scenario`; std::nullopt means AWS::NoValue (the key or item is dropped).
  std::optional<model::Value> resolve(const model::Value& value, Scenario& scenario);
  /// Truth of a named condition; when unknown and the scenario may branch, records it as the fork point.
  Truth condition(const std::string& name, const model::Span& where, Scenario& scenario);

 private:
  std::optional<model::Value> resolve_at(const model::Value& value, Scenario& scenario, uint32_t depth);
  std::optional<model::Value> call(const std::string& function, const model::Value& argument,
                                   const model::Value& expression, Scenario& scenario, uint32_t depth);
  std::optional<model::Value> ref(const std::string& name, const model::Span& span, const model::Span& name_span);
  model::Value get_att(const model::Value& argument, const model::Value& expression, Scenario& scenario,
                       uint32_t depth);
  model::Value sub(const model::Value& argument, const model::Value& expression, Scenario& scenario, uint32_t depth);
  model::Value join(const model::Value& argument, const model::Value& expression, Scenario& scenario, uint32_t depth);
  std::optional<model::Value> select(const model::Value& argument, const model::Value& expression, Scenario& scenario,
                                     uint32_t depth);
  model::Value split(const model::Value& argument, const model::Value& expression, Scenario& scenario, uint32_t depth);
  model::Value cidr(const model::Value& argument, const model::Value& expression, Scenario& scenario, uint32_t depth);
  std::optional<model::Value> find_in_map(const model::Value& argument, const model::Value& expression,
                                          Scenario& scenario, uint32_t depth);
  std::optional<model::Value> if_(const model::Value& argument, const model::Value& expression, Scenario& scenario,
                                  uint32_t depth);
  /// An unknown result named `why`, carrying every reference found in `inputs`.
  model::Value unknown_from(std::string why, const model::Span& span, const std::vector<const model::Value*>& inputs);
  model::Value arity_error(const std::string& function, const model::Value& expression, const char* expected);
  void error(const model::Span& span, std::string message);

  const TemplateContext& context_;
  std::vector<model::Diagnostic>& diagnostics_;
  ConditionEvaluator conditions_;
};

/// Every reference in `value` and below, without duplicates, appended to `out`.
void collect_refs(const model::Value& value, model::References& out);

}  // namespace gclint::cloudformation
