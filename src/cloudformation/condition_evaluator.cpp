#include "cloudformation/condition_evaluator.h"

#include <algorithm>

#include "cloudformation/intrinsic_resolver.h"

namespace gclint::cloudformation {
namespace {

using model::Value;

constexpr uint32_t kMaxConditionDepth = 128;

// CloudFormation compares Fn::Equals operands as strings: `1` equals "1", true equals "true".
bool equal_operands(const Value& a, const Value& b) {
  if (a.same_content(b)) return true;
  bool a_scalar = a.is_string() || a.is_number() || a.is_bool();
  bool b_scalar = b.is_string() || b.is_number() || b.is_bool();
  return a_scalar && b_scalar && a.to_display() == b.to_display();
}

}  // namespace

ConditionEvaluator::ConditionEvaluator(const TemplateContext& context, std::vector<model::Diagnostic>& diagnostics)
    : context_(context), diagnostics_(diagnostics) {}

void ConditionEvaluator::error(const model::Span& span, std::string message) {
  diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span, std::move(message)});
}

bool ConditionEvaluator::defined(const std::string& name) const { return context_.conditions.get(name) != nullptr; }

Truth ConditionEvaluator::evaluate(const std::string& name, const model::Span& where, Scenario& scenario,
                                   IntrinsicResolver& resolver) {
  if (auto assumed = scenario.assumed(name)) return *assumed ? Truth::kTrue : Truth::kFalse;
  if (auto it = scenario.cache.find(name); it != scenario.cache.end()) return it->second;
  const Value* body = context_.conditions.get(name);
  if (!body) {
    error(where, "undefined condition '" + name + "'");
    return Truth::kUnknown;
  }
  if (std::find(in_progress_.begin(), in_progress_.end(), name) != in_progress_.end()) {
    error(where, "condition '" + name + "' refers to itself");
    return Truth::kUnknown;
  }
  in_progress_.push_back(name);
  Truth truth = evaluate_expression(*body, scenario, resolver);
  in_progress_.pop_back();
  scenario.cache[name] = truth;
  return truth;
}

Truth ConditionEvaluator::evaluate_expression(const Value& expression, Scenario& scenario, IntrinsicResolver& resolver,
                                              uint32_t depth) {
  if (depth > kMaxConditionDepth) {
    error(expression.span, "condition nested too deeply");
    return Truth::kUnknown;
  }
  if (expression.is_bool()) return expression.boolean ? Truth::kTrue : Truth::kFalse;
  if (expression.is_string() && (expression.text == "true" || expression.text == "false")) {
    return expression.text == "true" ? Truth::kTrue : Truth::kFalse;
  }
  if (!expression.is_map() || expression.entries.size() != 1) {
    error(expression.span, "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
    return Truth::kUnknown;
  }
  const std::string& function = expression.entries[0].key;
  const Value& argument = expression.entries[0].value;
  if (function == "Condition") {
    if (!argument.is_string()) {
      error(argument.span, "Condition takes a condition name");
      return Truth::kUnknown;
    }
    return evaluate(argument.text, argument.span, scenario, resolver);
  }
  if (function == "Fn::Equals") {
    if (!argument.is_list() || argument.items.size() != 2) {
      error(expression.span, "Fn::Equals takes a list of two values");
      return Truth::kUnknown;
    }
    std::optional<Value> a = resolver.resolve(argument.items[0], scenario);
    std::optional<Value> b = resolver.resolve(argument.items[1], scenario);
    if (!a || !b) {
      error(expression.span, "Fn::Equals cannot compare AWS::NoValue");
      return Truth::kUnknown;
    }
    if (a->contains_unknown() || b->contains_unknown()) return Truth::kUnknown;
    return equal_operands(*a, *b) ? Truth::kTrue : Truth::kFalse;
  }
  if (function == "Fn::Not") {
    if (!argument.is_list() || argument.items.size() != 1) {
      error(expression.span, "Fn::Not takes a list of one condition");
      return Truth::kUnknown;
    }
    Truth t = evaluate_expression(argument.items[0], scenario, resolver, depth + 1);
    if (t == Truth::kUnknown) return t;
    return t == Truth::kTrue ? Truth::kFalse : Truth::kTrue;
  }
  if (function == "Fn::And" || function == "Fn::Or") {
    if (!argument.is_list() || argument.items.size() < 2 || argument.items.size() > 10) {
      error(expression.span, function + " takes a list of 2 to 10 conditions");
      return Truth::kUnknown;
    }
    bool is_and = function == "Fn::And";
    // A known deciding operand settles the result even when another operand is unknown.
    Truth decisive = is_and ? Truth::kFalse : Truth::kTrue;
    bool any_unknown = false;
    bool decided = false;
    for (const Value& operand : argument.items) {
      Truth t = evaluate_expression(operand, scenario, resolver, depth + 1);
      if (t == decisive) decided = true;
      if (t == Truth::kUnknown) any_unknown = true;
    }
    if (decided) return decisive;
    if (any_unknown) return Truth::kUnknown;
    return is_and ? Truth::kTrue : Truth::kFalse;
  }
  error(expression.span, "'" + function + "' is not a condition function");
  return Truth::kUnknown;
}

}  // namespace gclint::cloudformation
