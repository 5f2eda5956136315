#include "cloudformation/intrinsic_resolver.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace gclint::cloudformation {
namespace {

using model::Reference;
using model::Span;
using model::Value;

constexpr uint32_t kMaxDepth = 512;

bool is_intrinsic_key(std::string_view key) { return key == "Ref" || key.starts_with("Fn::"); }

bool is_scalar(const Value& v) { return v.is_string() || v.is_number() || v.is_bool(); }

std::string partition_of(const std::string& region) {
  if (region.starts_with("cn-")) return "aws-cn";
  if (region.starts_with("us-gov-")) return "aws-us-gov";
  return "aws";
}

std::string base64(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t n = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(kAlphabet[(n >> 6) & 63]);
    out.push_back(kAlphabet[n & 63]);
  }
  size_t rest = in.size() - i;
  if (rest > 0) {
    uint32_t n = static_cast<unsigned char>(in[i]) << 16;
    if (rest == 2) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(rest == 2 ? kAlphabet[(n >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

std::optional<uint32_t> parse_ipv4(std::string_view s) {
  uint32_t address = 0;
  for (int part = 0; part < 4; ++part) {
    unsigned octet = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), octet);
    if (ec != std::errc() || ptr == s.data() || octet > 255) return std::nullopt;
    s.remove_prefix(static_cast<size_t>(ptr - s.data()));
    address = (address << 8) | octet;
    if (part < 3) {
      if (s.empty() || s[0] != '.') return std::nullopt;
      s.remove_prefix(1);
    }
  }
  if (!s.empty()) return std::nullopt;
  return address;
}

std::string format_ipv4(uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." + std::to_string((a >> 8) & 255) + "." +
         std::to_string(a & 255);
}

// A known integer operand: a number or a numeric string, as CloudFormation accepts both.
std::optional<int64_t> as_integer(const Value& v) {
  if (v.is_number()) {
    // Range check first: casting an out-of-range double to an integer is undefined behaviour.
    if (!(v.number >= -9.0e15 && v.number <= 9.0e15) || v.number != std::floor(v.number)) return std::nullopt;
    return static_cast<int64_t>(v.number);
  }
  if (v.is_string()) {
    int64_t n = 0;
    auto [ptr, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), n);
    if (ec == std::errc() && ptr == v.text.data() + v.text.size()) return n;
  }
  return std::nullopt;
}

void add_ref(const Reference& ref, model::References& out) {
  if (std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(ref);
}

// The first unknown value in a tree, so a derived unknown can name the expression that made it unknown.
const Value* first_unknown(const Value& v) {
  if (v.is_unknown()) return &v;
  for (const auto& item : v.items) {
    if (const Value* u = first_unknown(item)) return u;
  }
  for (const auto& entry : v.entries) {
    if (const Value* u = first_unknown(entry.value)) return u;
  }
  return nullptr;
}

}  // namespace

void collect_refs(const Value& value, model::References& out) {
  for (const auto& ref : value.refs) add_ref(ref, out);
  for (const auto& item : value.items) collect_refs(item, out);
  for (const auto& entry : value.entries) collect_refs(entry.value, out);
}

std::string Scenario::label() const {
  std::string out;
  for (const auto& [name, value] : assumptions) {
    if (!out.empty()) out += ',';
    out += name + (value ? "=true" : "=false");
  }
  return out;
}

std::optional<bool> Scenario::assumed(const std::string& name) const {
  for (const auto& [n, value] : assumptions) {
    if (n == name) return value;
  }
  return std::nullopt;
}

IntrinsicResolver::IntrinsicResolver(const TemplateContext& context, std::vector<model::Diagnostic>& diagnostics)
    : context_(context), diagnostics_(diagnostics), conditions_(context, diagnostics) {}

void IntrinsicResolver::error(const Span& span, std::string message) {
  diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span, std::move(message)});
}

Value IntrinsicResolver::unknown_from(std::string why, const Span& span, const std::vector<const Value*>& inputs) {
  Value out = Value::unknown(std::move(why), span);
  for (const Value* input : inputs) collect_refs(*input, out.refs);
  return out;
}

Value IntrinsicResolver::arity_error(const std::string& function, const Value& expression, const char* expected) {
  error(expression.span, function + " takes " + expected);
  return Value::unknown(function, expression.span);
}

std::optional<Value> IntrinsicResolver::resolve(const Value& value, Scenario& scenario) {
  return resolve_at(value, scenario, 0);
}

Truth IntrinsicResolver::condition(const std::string& name, const Span& where, Scenario& scenario) {
  Truth truth = conditions_.evaluate(name, where, scenario, *this);
  if (truth == Truth::kUnknown && conditions_.defined(name)) {
    if (!scenario.may_branch) {
      scenario.left_unknown = true;
    } else if (!scenario.branch_on) {
      scenario.branch_on = name;
    }
  }
  return truth;
}

std::optional<Value> IntrinsicResolver::resolve_at(const Value& value, Scenario& scenario, uint32_t depth) {
  if (depth > kMaxDepth) {
    error(value.span, "expression nested too deeply");
    return Value::unknown("(nested too deeply)", value.span);
  }
  if (value.is_list()) {
    Value out = Value::list(value.span);
    out.origin = value.origin;
    out.refs = value.refs;
    out.items.reserve(value.items.size());
    for (const Value& item : value.items) {
      if (auto resolved = resolve_at(item, scenario, depth + 1)) out.items.push_back(std::move(*resolved));
    }
    return out;
  }
  if (value.is_map()) {
    if (value.entries.size() == 1 && is_intrinsic_key(value.entries[0].key)) {
      return call(value.entries[0].key, value.entries[0].value, value, scenario, depth);
    }
    Value out = Value::map(value.span);
    out.origin = value.origin;
    out.refs = value.refs;
    out.entries.reserve(value.entries.size());
    for (const auto& entry : value.entries) {
      if (auto resolved = resolve_at(entry.value, scenario, depth + 1)) {
        out.entries.push_back(model::MapEntry{entry.key, std::move(*resolved)});
      }
    }
    return out;
  }
  return value;
}

std::optional<Value> IntrinsicResolver::ref(const std::string& name, const Span& span, const Span& name_span) {
  const LoadOptions& options = *context_.options;
  if (name == "AWS::NoValue") return std::nullopt;
  if (name == "AWS::Region") {
    return options.region ? Value::of_string(*options.region, span) : Value::unknown("AWS::Region", span);
  }
  if (name == "AWS::AccountId") {
    return options.account_id ? Value::of_string(*options.account_id, span) : Value::unknown("AWS::AccountId", span);
  }
  if (name == "AWS::Partition") return Value::of_string(partition_of(options.region.value_or("")), span);
  if (name == "AWS::URLSuffix") {
    return Value::of_string(options.region && options.region->starts_with("cn-") ? "amazonaws.com.cn" : "amazonaws.com",
                            span);
  }
  if (name == "AWS::StackName" || name == "AWS::StackId" || name == "AWS::NotificationARNs") {
    return Value::unknown(name, span);
  }
  if (auto it = context_.parameters.find(name); it != context_.parameters.end()) {
    Value out = it->second;
    if (!out.origin.valid()) out.origin = out.span;
    out.span = span;
    return out;
  }
  if (context_.resource_ids.count(name)) return Value::reference(Reference{name, ""}, span);
  error(name_span, "Ref to undefined parameter or resource '" + name + "'");
  return Value::unknown(name, span);
}

std::optional<Value> IntrinsicResolver::call(const std::string& function, const Value& argument,
                                             const Value& expression, Scenario& scenario, uint32_t depth) {
  const Span& span = expression.span;
  if (function == "Ref") {
    if (!argument.is_string()) return arity_error(function, expression, "a parameter name or logical ID");
    return ref(argument.text, span, argument.span);
  }
  if (function == "Fn::GetAtt") return get_att(argument, expression, scenario, depth);
  if (function == "Fn::Sub") return sub(argument, expression, scenario, depth);
  if (function == "Fn::Join") return join(argument, expression, scenario, depth);
  if (function == "Fn::Select") return select(argument, expression, scenario, depth);
  if (function == "Fn::Split") return split(argument, expression, scenario, depth);
  if (function == "Fn::Cidr") return cidr(argument, expression, scenario, depth);
  if (function == "Fn::FindInMap") return find_in_map(argument, expression, scenario, depth);
  if (function == "Fn::If") return if_(argument, expression, scenario, depth);
  if (function == "Fn::Base64") {
    std::optional<Value> input = resolve_at(argument, scenario, depth + 1);
    if (!input) return arity_error(function, expression, "a string");
    if (input->is_unknown()) return unknown_from(input->text, span, {&*input});
    if (!is_scalar(*input)) return arity_error(function, expression, "a string");
    Value out = Value::of_string(base64(input->to_display()), span);
    collect_refs(*input, out.refs);
    return out;
  }
  if (function == "Fn::GetAZs") {
    std::optional<Value> region = resolve_at(argument, scenario, depth + 1);
    if (!region || !(region->is_string() || region->is_unknown())) {
      return arity_error(function, expression, "a region name or an empty string");
    }
    return unknown_from("Fn::GetAZs", span, {&*region});
  }
  if (function == "Fn::ImportValue") {
    std::optional<Value> name = resolve_at(argument, scenario, depth + 1);
    if (!name || !(name->is_string() || name->is_unknown())) {
      return arity_error(function, expression, "an export name");
    }
    return unknown_from(name->is_string() ? "Fn::ImportValue " + name->text : "Fn::ImportValue", span, {&*name});
  }
  if (function == "Fn::Length") {
    std::optional<Value> list = resolve_at(argument, scenario, depth + 1);
    if (!list || !(list->is_list() || list->is_unknown())) return arity_error(function, expression, "a list");
    if (list->is_unknown()) return unknown_from(list->text, span, {&*list});
    Value out = Value::of_number(static_cast<double>(list->items.size()), span);
    collect_refs(*list, out.refs);
    return out;
  }
  if (function == "Fn::ToJsonString") {
    std::optional<Value> input = resolve_at(argument, scenario, depth + 1);
    if (!input || !(input->is_map() || input->is_list())) return arity_error(function, expression, "a map or a list");
    if (const Value* u = first_unknown(*input)) return unknown_from(u->text, span, {&*input});
    Value out = Value::of_string(input->to_json(), span);
    collect_refs(*input, out.refs);
    return out;
  }
  if (function == "Fn::Equals" || function == "Fn::And" || function == "Fn::Or" || function == "Fn::Not") {
    Truth t = conditions_.evaluate_expression(expression, scenario, *this);
    if (t == Truth::kUnknown) return Value::unknown(function, span);
    return Value::of_bool(t == Truth::kTrue, span);
  }
  if (function == "Fn::Transform") return Value::unknown("Fn::Transform", span);
  error(span, "unknown intrinsic function '" + function + "'");
  return Value::unknown(function, span);
}

Value IntrinsicResolver::get_att(const Value& argument, const Value& expression, Scenario& scenario, uint32_t depth) {
  std::string logical_id;
  Span id_span = argument.span;
  std::optional<Value> attribute;
  if (argument.is_string()) {
    size_t dot = argument.text.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == argument.text.size()) {
      return arity_error("Fn::GetAtt", expression, "[LogicalId, Attribute] or \"LogicalId.Attribute\"");
    }
    logical_id = argument.text.substr(0, dot);
    attribute = Value::of_string(argument.text.substr(dot + 1), argument.span);
  } else if (argument.is_list() && argument.items.size() == 2 && argument.items[0].is_string()) {
    logical_id = argument.items[0].text;
    id_span = argument.items[0].span;
    attribute = resolve_at(argument.items[1], scenario, depth + 1);
  } else {
    return arity_error("Fn::GetAtt", expression, "[LogicalId, Attribute] or \"LogicalId.Attribute\"");
  }
  if (!context_.resource_ids.count(logical_id)) {
    error(id_span, "Fn::GetAtt refers to undefined resource '" + logical_id + "'");
    return Value::unknown(logical_id, expression.span);
  }
  if (!attribute || !(attribute->is_string() || attribute->is_unknown())) {
    return arity_error("Fn::GetAtt", expression, "[LogicalId, Attribute] with a string attribute");
  }
  if (attribute->is_unknown()) {
    Value out = Value::reference(Reference{logical_id, ""}, expression.span);
    collect_refs(*attribute, out.refs);
    return out;
  }
  return Value::reference(Reference{logical_id, attribute->text}, expression.span);
}

Value IntrinsicResolver::sub(const Value& argument, const Value& expression, Scenario& scenario, uint32_t depth) {
  const Value* text = &argument;
  std::optional<Value> variables;
  if (argument.is_list()) {
    if (argument.items.size() != 2 || !argument.items[1].is_map()) {
      return arity_error("Fn::Sub", expression, "a string, or [string, {variables}]");
    }
    text = &argument.items[0];
    variables = resolve_at(argument.items[1], scenario, depth + 1);
  }
  if (!text->is_string()) return arity_error("Fn::Sub", expression, "a string, or [string, {variables}]");
  const std::string& t = text->text;
  std::string out;
  model::References refs;
  std::optional<std::string> unknown_why;
  size_t i = 0;
  while (i < t.size()) {
    if (t.compare(i, 3, "${!") == 0) {
      out += "${";
      i += 3;
      continue;
    }
    if (t.compare(i, 2, "${") != 0) {
      out.push_back(t[i++]);
      continue;
    }
    size_t close = t.find('}', i + 2);
    if (close == std::string::npos) {
      error(text->span, "Fn::Sub: unterminated ${ in \"" + t + "\"");
      return Value::unknown("Fn::Sub", expression.span);
    }
    std::string name = t.substr(i + 2, close - i - 2);
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    while (!name.empty() && name.back() == ' ') name.pop_back();
    i = close + 1;
    std::optional<Value> part;
    if (const Value* variable = variables ? variables->get(name) : nullptr) {
      part = *variable;
    } else if (size_t dot = name.find('.'); dot != std::string::npos && !name.starts_with("AWS::")) {
      std::string id = name.substr(0, dot);
      if (context_.resource_ids.count(id)) {
        part = Value::reference(Reference{id, name.substr(dot + 1)}, text->span);
      } else {
        error(text->span, "Fn::Sub: ${" + name + "} refers to undefined resource '" + id + "'");
        part = Value::unknown(name, text->span);
      }
    } else {
      part = ref(name, text->span, text->span);
      if (!part) part = Value::of_string("", text->span);
    }
    collect_refs(*part, refs);
    if (const Value* u = first_unknown(*part)) {
      if (!unknown_why) unknown_why = u->text;
    } else {
      out += part->to_display();
    }
  }
  if (variables) collect_refs(*variables, refs);
  Value result = unknown_why ? Value::unknown(*unknown_why, expression.span) : Value::of_string(out, expression.span);
  for (const auto& r : refs) add_ref(r, result.refs);
  return result;
}

Value IntrinsicResolver::join(const Value& argument, const Value& expression, Scenario& scenario, uint32_t depth) {
  if (!argument.is_list() || argument.items.size() != 2 || !argument.items[0].is_string()) {
    return arity_error("Fn::Join", expression, "[delimiter, [values]]");
  }
  const std::string& delimiter = argument.items[0].text;
  std::optional<Value> list = resolve_at(argument.items[1], scenario, depth + 1);
  if (!list || !(list->is_list() || list->is_unknown())) {
    return arity_error("Fn::Join", expression, "[delimiter, [values]]");
  }
  if (const Value* u = first_unknown(*list)) return unknown_from(u->text, expression.span, {&*list});
  std::string out;
  for (size_t k = 0; k < list->items.size(); ++k) {
    if (!is_scalar(list->items[k])) return arity_error("Fn::Join", expression, "a list of strings to join");
    if (k) out += delimiter;
    out += list->items[k].to_display();
  }
  Value result = Value::of_string(out, expression.span);
  collect_refs(*list, result.refs);
  return result;
}

std::optional<Value> IntrinsicResolver::select(const Value& argument, const Value& expression, Scenario& scenario,
                                               uint32_t depth) {
  if (!argument.is_list() || argument.items.size() != 2) {
    return arity_error("Fn::Select", expression, "[index, [values]]");
  }
  std::optional<Value> index = resolve_at(argument.items[0], scenario, depth + 1);
  std::optional<Value> list = resolve_at(argument.items[1], scenario, depth + 1);
  if (!index || !list || !(list->is_list() || list->is_unknown())) {
    return arity_error("Fn::Select", expression, "[index, [values]]");
  }
  if (index->is_unknown()) return unknown_from(index->text, expression.span, {&*index, &*list});
  std::optional<int64_t> n = as_integer(*index);
  if (!n) return arity_error("Fn::Select", expression, "an integer index");
  if (list->is_unknown()) return unknown_from(list->text, expression.span, {&*index, &*list});
  if (*n < 0 || static_cast<size_t>(*n) >= list->items.size()) {
    error(expression.span, "Fn::Select index " + std::to_string(*n) + " is out of range for a list of " +
                               std::to_string(list->items.size()));
    return Value::unknown("Fn::Select", expression.span);
  }
  Value out = list->items[static_cast<size_t>(*n)];
  if (!out.origin.valid()) out.origin = out.span;
  out.span = expression.span;
  collect_refs(*index, out.refs);
  return out;
}

Value IntrinsicResolver::split(const Value& argument, const Value& expression, Scenario& scenario, uint32_t depth) {
  if (!argument.is_list() || argument.items.size() != 2 || !argument.items[0].is_string() ||
      argument.items[0].text.empty()) {
    return arity_error("Fn::Split", expression, "[delimiter, string]");
  }
  const std::string& delimiter = argument.items[0].text;
  std::optional<Value> source = resolve_at(argument.items[1], scenario, depth + 1);
  if (!source || !(source->is_string() || source->is_unknown())) {
    return arity_error("Fn::Split", expression, "[delimiter, string]");
  }
  if (source->is_unknown()) return unknown_from(source->text, expression.span, {&*source});
  Value out = Value::list(expression.span);
  size_t start = 0;
  while (true) {
    size_t found = source->text.find(delimiter, start);
    out.items.push_back(Value::of_string(source->text.substr(start, found - start), expression.span));
    if (found == std::string::npos) break;
    start = found + delimiter.size();
  }
  collect_refs(*source, out.refs);
  return out;
}

Value IntrinsicResolver::cidr(const Value& argument, const Value& expression, Scenario& scenario, uint32_t depth) {
  if (!argument.is_list() || argument.items.size() != 3) {
    return arity_error("Fn::Cidr", expression, "[ipBlock, count, cidrBits]");
  }
  std::vector<Value> parts;
  for (const Value& item : argument.items) {
    std::optional<Value> resolved = resolve_at(item, scenario, depth + 1);
    if (!resolved) return arity_error("Fn::Cidr", expression, "[ipBlock, count, cidrBits]");
    parts.push_back(std::move(*resolved));
  }
  std::vector<const Value*> inputs = {&parts[0], &parts[1], &parts[2]};
  for (const Value& part : parts) {
    if (part.is_unknown()) return unknown_from(part.text, expression.span, inputs);
  }
  std::optional<int64_t> count = as_integer(parts[1]);
  std::optional<int64_t> bits = as_integer(parts[2]);
  if (!parts[0].is_string() || !count || !bits)
    return arity_error("Fn::Cidr", expression, "[ipBlock, count, cidrBits]");
  const std::string& block = parts[0].text;
  size_t slash = block.find('/');
  std::optional<int64_t> prefix =
      slash == std::string::npos ? std::nullopt : as_integer(Value::of_string(block.substr(slash + 1)));
  std::optional<uint32_t> address = slash == std::string::npos ? std::nullopt : parse_ipv4(block.substr(0, slash));
  if (!address || !prefix || *prefix < 0 || *prefix > 32) {
    // IPv6 blocks are valid in CloudFormation but not computed here.
    if (block.find(':') != std::string::npos) return unknown_from("Fn::Cidr " + block, expression.span, inputs);
    error(parts[0].span, "Fn::Cidr: '" + block + "' is not a CIDR block");
    return Value::unknown("Fn::Cidr", expression.span);
  }
  // bits may be any int64 (a numeric string): bound it before subtracting.
  int64_t subnet_prefix = *bits >= 1 && *bits <= 32 ? 32 - *bits : -1;
  if (*count < 1 || *count > 256 || *bits < 1 || subnet_prefix < *prefix ||
      (*count - 1) > ((int64_t{1} << (subnet_prefix - *prefix)) - 1)) {
    error(expression.span, "Fn::Cidr: " + block + " cannot hold " + std::to_string(*count) + " subnets of /" +
                               std::to_string(subnet_prefix));
    return Value::unknown("Fn::Cidr", expression.span);
  }
  uint64_t network = *address & (*prefix == 0 ? 0u : ~((uint64_t{1} << (32 - *prefix)) - 1) & 0xFFFFFFFFu);
  Value out = Value::list(expression.span);
  for (int64_t k = 0; k < *count; ++k) {
    uint64_t subnet = network + (static_cast<uint64_t>(k) << *bits);
    out.items.push_back(Value::of_string(
        format_ipv4(static_cast<uint32_t>(subnet)) + "/" + std::to_string(subnet_prefix), expression.span));
  }
  for (const Value* input : inputs) collect_refs(*input, out.refs);
  return out;
}

std::optional<Value> IntrinsicResolver::find_in_map(const Value& argument, const Value& expression, Scenario& scenario,
                                                    uint32_t depth) {
  if (!argument.is_list() || argument.items.size() < 3 || argument.items.size() > 4) {
    return arity_error("Fn::FindInMap", expression, "[MapName, TopLevelKey, SecondLevelKey]");
  }
  std::vector<Value> keys;
  for (size_t k = 0; k < 3; ++k) {
    std::optional<Value> key = resolve_at(argument.items[k], scenario, depth + 1);
    if (!key || !(is_scalar(*key) || key->is_unknown())) {
      return arity_error("Fn::FindInMap", expression, "string keys");
    }
    keys.push_back(std::move(*key));
  }
  const Value* fallback = nullptr;
  if (argument.items.size() == 4) {
    fallback = argument.items[3].get("DefaultValue");
    if (!fallback) return arity_error("Fn::FindInMap", expression, "an optional {DefaultValue: ...} fourth item");
  }
  std::vector<const Value*> inputs = {&keys[0], &keys[1], &keys[2]};
  for (const Value& key : keys) {
    if (key.is_unknown()) return unknown_from(key.text, expression.span, inputs);
  }
  const Value* found = context_.mappings.get(keys[0].to_display());
  if (found) found = found->get(keys[1].to_display());
  if (found) found = found->get(keys[2].to_display());
  if (!found) {
    if (fallback) {
      std::optional<Value> out = resolve_at(*fallback, scenario, depth + 1);
      if (out) out->span = expression.span;
      return out;
    }
    error(expression.span, "Fn::FindInMap: Mappings has no " + keys[0].to_display() + "/" + keys[1].to_display() + "/" +
                               keys[2].to_display());
    return Value::unknown("Fn::FindInMap", expression.span);
  }
  Value out = *found;
  out.origin = found->span;
  out.span = expression.span;
  for (const Value* input : inputs) collect_refs(*input, out.refs);
  return out;
}

std::optional<Value> IntrinsicResolver::if_(const Value& argument, const Value& expression, Scenario& scenario,
                                            uint32_t depth) {
  if (!argument.is_list() || argument.items.size() != 3 || !argument.items[0].is_string()) {
    return arity_error("Fn::If", expression, "[ConditionName, ValueIfTrue, ValueIfFalse]");
  }
  const std::string& name = argument.items[0].text;
  Truth truth = condition(name, argument.items[0].span, scenario);
  auto branch = [&](size_t k) -> std::optional<Value> {
    std::optional<Value> out = resolve_at(argument.items[k], scenario, depth + 1);
    if (out) {
      if (!out->origin.valid()) out->origin = out->span;
      out->span = expression.span;
    }
    return out;
  };
  if (truth == Truth::kTrue) return branch(1);
  if (truth == Truth::kFalse) return branch(2);
  // Unknown and not forked on (budget spent, or the fork is pending): both branches may apply.
  Value out = Value::unknown("Fn::If " + name, expression.span);
  if (scenario.branch_on) return out;
  for (size_t k = 1; k <= 2; ++k) {
    if (std::optional<Value> b = resolve_at(argument.items[k], scenario, depth + 1)) collect_refs(*b, out.refs);
  }
  return out;
}

}  // namespace gclint::cloudformation
