#include "terraform/plan_address.h"

namespace gclint::terraform {

std::vector<AddressStep> split_address(std::string_view address) {
  std::vector<AddressStep> steps;
  AddressStep current;
  bool in_key = false;
  bool in_string = false;
  for (size_t i = 0; i < address.size(); ++i) {
    char c = address[i];
    if (in_string) {
      current.key.push_back(c);
      if (c == '\\' && i + 1 < address.size()) {
        current.key.push_back(address[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (in_key) {
      current.key.push_back(c);
      if (c == '"') in_string = true;
      if (c == ']') in_key = false;
      continue;
    }
    if (c == '[') {
      in_key = true;
      current.key.push_back(c);
    } else if (c == '.') {
      steps.push_back(std::move(current));
      current = AddressStep{};
    } else {
      current.name.push_back(c);
    }
  }
  if (!current.name.empty() || !current.key.empty() || !steps.empty()) steps.push_back(std::move(current));
  return steps;
}

std::string static_address(std::string_view address) {
  std::string out;
  for (const auto& step : split_address(address)) {
    if (!out.empty()) out.push_back('.');
    out += step.name;
  }
  return out;
}

namespace {

std::string render(const std::vector<AddressStep>& steps, size_t count) {
  std::string out;
  for (size_t i = 0; i < count && i < steps.size(); ++i) {
    if (!out.empty()) out.push_back('.');
    out += steps[i].name + steps[i].key;
  }
  return out;
}

}  // namespace

std::string parent_module_address(std::string_view module_address) {
  std::vector<AddressStep> steps = split_address(module_address);
  // `module.a.module.b`: the parent is everything before the last `module` step.
  for (size_t i = steps.size(); i-- > 0;) {
    if (steps[i].name == "module" && steps[i].key.empty()) return render(steps, i);
  }
  return {};
}

std::string last_module_call(std::string_view module_address) {
  std::vector<AddressStep> steps = split_address(module_address);
  for (size_t i = steps.size(); i-- > 0;) {
    if (steps[i].name == "module" && steps[i].key.empty() && i + 1 < steps.size()) return steps[i + 1].name;
  }
  return {};
}

std::string join_address(std::string_view prefix, std::string_view rest) {
  if (prefix.empty()) return std::string(rest);
  std::string out(prefix);
  out.push_back('.');
  out += rest;
  return out;
}

PlanReference parse_plan_reference(std::string_view text) {
  PlanReference ref;
  std::vector<AddressStep> steps = split_address(text);
  if (steps.empty()) return ref;
  const std::string& root = steps[0].name;
  if (root == "var" && steps.size() >= 2) {
    ref.kind = PlanReference::Kind::kVariable;
    ref.name = steps[1].name;
    return ref;
  }
  if (root == "module" && steps.size() >= 2) {
    ref.kind = PlanReference::Kind::kModule;
    ref.name = steps[1].name;
    ref.key = steps[1].key;
    if (steps.size() >= 3) ref.output = steps[2].name;
    return ref;
  }
  if (root == "local" || root == "count" || root == "each" || root == "path" || root == "self" || root == "terraform" ||
      !steps[0].key.empty()) {
    return ref;
  }
  size_t first = root == "data" ? 1 : 0;
  if (steps.size() < first + 2 || !steps[first].key.empty()) return ref;
  ref.kind = PlanReference::Kind::kResource;
  ref.address = render(steps, first + 2);
  if (steps.size() > first + 2) ref.attribute = steps[first + 2].name;
  return ref;
}

}  // namespace gclint::terraform
