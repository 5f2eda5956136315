#pragma once

#include <string>
#include <vector>

#include "cloudformation/template_context.h"
#include "model/diagnostic.h"
#include "model/value.h"

namespace gclint::cloudformation {

class IntrinsicResolver;

/// Evaluates the Conditions section (Fn::Equals/And/Or/Not/Condition) from known values.
class ConditionEvaluator {
 public:
  ConditionEvaluator(const TemplateContext& context, std::vector<model::Diagnostic>& diagnostics);

  /// Truth of a named condition under the scenario's assumptions; errors (undefined name, cycle) give kUnknown.
  Truth evaluate(const std::string& name, const model::Span& where, Scenario& scenario, IntrinsicResolver& resolver);
  /// Truth of a condition expression (the body of a named condition, or an operand of Fn::And ...).
  Truth evaluate_expression(const model::Value& expression, Scenario& scenario, IntrinsicResolver& resolver,
                            uint32_t depth = 0);
  /// True when the Conditions section defines `name`.
  bool defined(const std::string& name) const;

 private:
  void error(const model::Span& span, std::string message);

  const TemplateContext& context_;
  std::vector<model::Diagnostic>& diagnostics_;
  std::vector<std::string> in_progress_;
};

}  // namespace gclint::cloudformation
