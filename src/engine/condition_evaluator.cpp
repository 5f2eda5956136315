#include "engine/condition_evaluator.h"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>

#include "engine/embedded_json.h"

namespace gclint::engine {
namespace {

using model::Value;

// Rule conditions are finite, but `references`/`where` may nest; and values come from untrusted input.
constexpr int kMaxConditionDepth = 64;
constexpr int kMaxValueDepth = 256;

Outcome unknown_outcome(const Value* value, std::string why) {
  Outcome o;
  o.truth = Truth::kUnknown;
  o.value = value;
  o.unknown = std::move(why);
  return o;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool parse_number(std::string_view text, double& out) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return false;
  if (text.front() == '+') text.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(out);
}

bool is_empty_value(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return true;
    case Value::Kind::kString:
      return v.text.empty();
    case Value::Kind::kList:
      return v.items.empty();
    case Value::Kind::kMap:
      return v.entries.empty();
    default:
      return false;
  }
}

const char* type_name(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return "bool";
    case Value::Kind::kNumber:
      return "number";
    case Value::Kind::kString:
      return "string";
    case Value::Kind::kList:
      return "list";
    case Value::Kind::kMap:
      return "map";
    case Value::Kind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

bool element_wise(Condition::Op op) {
  switch (op) {
    case Condition::Op::kExists:
    case Condition::Op::kEmpty:
    case Condition::Op::kType:
      return false;
    default:
      return true;
  }
}

void collect_refs(const Value& v, std::vector<const model::Reference*>& out, int depth) {
  if (depth > kMaxValueDepth) return;
  for (const auto& ref : v.refs) out.push_back(&ref);
  for (const auto& item : v.items) collect_refs(item, out, depth + 1);
  for (const auto& entry : v.entries) collect_refs(entry.value, out, depth + 1);
}

bool type_selected(const std::vector<std::string>& types, const std::string& type) {
  return types.empty() || std::find(types.begin(), types.end(), type) != types.end();
}

struct Range {
  int64_t from;
  int64_t to;
};

// A port value: a number, a numeric string, "*" (every port) or "a-b".
enum class PortParse { kOk, kAll, kMissing, kUnknown, kNamed };

PortParse parse_port(const Value* v, Range& out) {
  if (v == nullptr || v->is_null()) return PortParse::kMissing;
  if (v->is_unknown()) return PortParse::kUnknown;
  if (v->is_number()) {
    if (v->number < 0) return PortParse::kAll;
    out = {static_cast<int64_t>(v->number), static_cast<int64_t>(v->number)};
    return PortParse::kOk;
  }
  if (v->is_string()) {
    std::string_view text = v->text;
    if (text == "*" || text == "-1" || lower(text) == "all") return PortParse::kAll;
    double n = 0;
    if (parse_number(text, n)) {
      if (n < 0) return PortParse::kAll;
      out = {static_cast<int64_t>(n), static_cast<int64_t>(n)};
      return PortParse::kOk;
    }
    size_t dash = text.find('-');
    double a = 0;
    double b = 0;
    if (dash != std::string_view::npos && parse_number(text.substr(0, dash), a) &&
        parse_number(text.substr(dash + 1), b)) {
      out = {static_cast<int64_t>(a), static_cast<int64_t>(b)};
      return PortParse::kOk;
    }
    return PortParse::kNamed;
  }
  return PortParse::kNamed;
}

}  // namespace

std::optional<double> numeric_value(const Value& value) {
  if (value.is_number()) return value.number;
  double n = 0;
  if (value.is_string() && parse_number(value.text, n)) return n;
  return std::nullopt;
}

bool loose_equals(const Value& a, const Value& b) {
  if (a.kind == b.kind) {
    switch (a.kind) {
      case Value::Kind::kNumber:
        return a.number == b.number;
      case Value::Kind::kString:
        return a.text == b.text;
      case Value::Kind::kBool:
        return a.boolean == b.boolean;
      case Value::Kind::kNull:
        return true;
      case Value::Kind::kUnknown:
        return false;
      default:
        return a.same_content(b);
    }
  }
  const Value* number = a.is_number() ? &a : b.is_number() ? &b : nullptr;
  const Value* boolean = a.is_bool() ? &a : b.is_bool() ? &b : nullptr;
  const Value* string = a.is_string() ? &a : b.is_string() ? &b : nullptr;
  if (number && string) {
    double n = 0;
    return parse_number(string->text, n) && n == number->number;
  }
  if (boolean && string) return string->text == (boolean->boolean ? "true" : "false");
  return false;
}

ConditionEvaluator::ConditionEvaluator(const EvalEnvironment& env, const model::Resource& resource,
                                       const model::Value& root)
    : env_(env), resource_(resource), root_(root) {}

Outcome ConditionEvaluator::evaluate(const Condition& condition, const model::Value& current) const {
  return evaluate_at(condition, current, 0);
}

namespace {

// Walks a path with list projection; records the deepest point where it stopped for blame. A string met
// where a key or index is needed is read as the JSON document it may hold (policies from jsonencode()).
struct PathWalker {
  const AttributePath& path;
  std::function<const Value*(const Value&)> parse_json;
  ValueHits& hits;
  const Value*& anchor;
  uint16_t& missing_step;
  int best_step = -1;

  void missing(const Value* at, size_t step) {
    if (static_cast<int>(step) > best_step) {
      best_step = static_cast<int>(step);
      anchor = at;
      missing_step = static_cast<uint16_t>(step);
    }
  }

  void walk(const Value& v, size_t step, int depth) {
    if (depth > kMaxValueDepth) return;
    if (step == path.steps.size() || v.is_unknown()) {
      hits.push_back(&v);
      return;
    }
    if (v.is_string()) {
      if (const Value* parsed = parse_json(v)) {
        walk(*parsed, step, depth + 1);
        return;
      }
    }
    const AttributePath::Step& s = path.steps[step];
    if (s.index >= 0) {
      if (v.is_list() && static_cast<size_t>(s.index) < v.items.size()) {
        walk(v.items[static_cast<size_t>(s.index)], step + 1, depth + 1);
      } else {
        missing(&v, step);
      }
      return;
    }
    if (v.is_map()) {
      if (const Value* child = v.get(s.key)) {
        walk(*child, step + 1, depth + 1);
      } else {
        missing(&v, step);
      }
    } else if (v.is_list()) {
      if (v.items.empty()) missing(&v, step);
      for (const auto& item : v.items) walk(item, step, depth + 1);
    } else {
      missing(&v, step);
    }
  }
};

}  // namespace

void ConditionEvaluator::resolve(const AttributePath& path, const Value& start, ValueHits& hits, const Value*& anchor,
                                 uint16_t& missing_step) const {
  anchor = nullptr;
  missing_step = 0;
  PathWalker walker{path, [this](const Value& text) { return embedded_json(text); }, hits, anchor, missing_step};
  walker.walk(start, 0, 0);
}

void ConditionEvaluator::elements(const AttributePath& path, const Value& current, ValueHits& out, const Value*& anchor,
                                  uint16_t& missing_step) const {
  HitsBuffer hits_buffer;
  ValueHits hits(&hits_buffer.resource);
  resolve(path, current, hits, anchor, missing_step);
  for (const Value* hit : hits) {
    if (hit->is_list()) {
      for (const auto& item : hit->items) out.push_back(&item);
      if (hit->items.empty() && anchor == nullptr) anchor = hit;
    } else if (!hit->is_null()) {
      out.push_back(hit);
    } else if (anchor == nullptr) {
      anchor = hit;
    }
  }
}

const Value* ConditionEvaluator::operand(const Operand& op) const {
  switch (op.kind) {
    case Operand::Kind::kLiteral:
      return &op.literal;
    case Operand::Kind::kParam: {
      auto it = env_.params.find(op.name);
      return it == env_.params.end() ? nullptr : &it->second;
    }
    case Operand::Kind::kConfig: {
      // Config names are checked when the rule loads; a key with no values is the empty list, never unknown.
      static const Value kEmptyList = Value::list();
      auto it = env_.config_values.find(op.name);
      return it == env_.config_values.end() ? &kEmptyList : &it->second;
    }
  }
  return nullptr;
}

const std::vector<Cidr>* ConditionEvaluator::operand_cidrs(const Operand& op, std::vector<Cidr>& scratch) const {
  if (op.kind == Operand::Kind::kLiteral) return &op.cidrs;
  if (op.kind == Operand::Kind::kConfig) {
    auto it = env_.config_cidrs.find(op.name);
    if (it != env_.config_cidrs.end()) return &it->second;
  }
  const Value* v = operand(op);
  if (v == nullptr) return nullptr;
  auto add = [&](const Value& item) {
    if (item.is_string()) {
      if (auto c = parse_cidr(item.text)) scratch.push_back(*c);
    }
  };
  if (v->is_list()) {
    for (const auto& item : v->items) add(item);
  } else {
    add(*v);
  }
  return &scratch;
}

Outcome ConditionEvaluator::evaluate_at(const Condition& c, const Value& current, int depth) const {
  if (depth > kMaxConditionDepth) return unknown_outcome(nullptr, "condition nesting too deep");
  using Op = Condition::Op;
  switch (c.op) {
    case Op::kAll: {
      Outcome first_unknown;
      bool unknown = false;
      Outcome first;
      bool have_first = false;
      for (const auto& child : c.children) {
        Outcome o = evaluate_at(child, current, depth + 1);
        if (o.truth == Truth::kFalse) return o;
        if (o.truth == Truth::kUnknown && !unknown) {
          unknown = true;
          first_unknown = std::move(o);
        } else if (o.truth == Truth::kTrue && !have_first) {
          have_first = true;
          first = std::move(o);
        }
      }
      if (unknown) return first_unknown;
      if (!have_first) first.truth = Truth::kTrue;
      return first;
    }
    case Op::kAny: {
      std::optional<Outcome> best_true;
      std::optional<Outcome> best_false;
      std::optional<Outcome> first_unknown;
      for (const auto& child : c.children) {
        Outcome o = evaluate_at(child, current, depth + 1);
        std::optional<Outcome>& slot = o.truth == Truth::kTrue    ? best_true
                                       : o.truth == Truth::kFalse ? best_false
                                                                  : first_unknown;
        if (!slot || (o.truth != Truth::kUnknown && specificity(o) > specificity(*slot))) slot = std::move(o);
      }
      if (best_true) return *best_true;
      if (first_unknown) return *first_unknown;
      if (best_false) return *best_false;
      return Outcome{};
    }
    case Op::kNot: {
      Outcome o = evaluate_at(c.children.front(), current, depth + 1);
      o.truth = negate(o.truth);
      return o;
    }
    case Op::kSome:
    case Op::kEvery:
    case Op::kNone:
      return evaluate_quantifier(c, current, depth);
    case Op::kReferences:
      return evaluate_references(c, current, depth);
    case Op::kReferencedBy:
      return evaluate_referenced_by(c, depth);
    case Op::kPredicate:
      return evaluate_predicate(c, current);
    case Op::kPorts: {
      Outcome o = evaluate_ports(c, current);
      if (c.negated) o.truth = negate(o.truth);
      return o;
    }
    default: {
      Outcome o = evaluate_attribute(c, current);
      if (c.negated) o.truth = negate(o.truth);
      return o;
    }
  }
}

Outcome ConditionEvaluator::evaluate_attribute(const Condition& c, const Value& current) const {
  HitsBuffer hits_buffer;
  ValueHits hits(&hits_buffer.resource);
  if (c.path.is_special()) {
    Value temp;
    const Value* hit = &temp;
    const std::string& name = c.path.special;
    if (name == "type") {
      temp = Value::of_string(resource_.type);
    } else if (name == "name") {
      temp = Value::of_string(resource_.name);
    } else if (name == "address") {
      temp = Value::of_string(resource_.address);
    } else if (name == "tier") {
      temp = Value::of_string(resource_.tier);
    } else if (name == "zone") {
      temp = resource_.zone.empty() ? Value::null() : Value::of_string(resource_.zone);
    } else if (name == "region") {
      hit = &resource_.region;
    } else if (name == "provider") {
      temp = resource_.provider.empty() ? Value::null() : Value::of_string(resource_.provider);
    } else if (name == "namespace") {
      temp = resource_.namespace_name.empty() ? Value::null() : Value::of_string(resource_.namespace_name);
    } else if (name == "format") {
      temp = Value::of_string(model::format_name(resource_.format));
    } else if (name == "deletion_policy") {
      hit = &resource_.deletion_policy;
    } else if (name == "update_replace_policy") {
      hit = &resource_.update_replace_policy;
    } else if (name == "tags") {
      hit = nullptr;
      for (const auto& [key, value] : resource_.tags) {
        if (key == c.path.special_arg) {
          temp = Value::of_string(value);
          hit = &temp;
        }
      }
    }
    if (hit != nullptr && !hit->is_null()) hits.push_back(hit);
    Outcome o = evaluate_hits(c, hits);
    o.explicit_blame = true;
    bool own_span =
        (hit == &resource_.region || hit == &resource_.deletion_policy || hit == &resource_.update_replace_policy) &&
        hit->span.valid();
    o.span = own_span ? hit->span : resource_.span;
    o.attribute = c.path.text;
    o.shown_value = hit == nullptr || hit->is_null() ? "(not set)" : hit->to_display();
    o.value = nullptr;
    o.anchor = nullptr;
    return o;
  }
  const Value* anchor = nullptr;
  uint16_t missing_step = 0;
  resolve(c.path, current, hits, anchor, missing_step);
  Outcome o = evaluate_hits(c, hits);
  if (o.value == nullptr && !o.explicit_blame) {
    o.anchor = anchor != nullptr ? anchor : &current;
    o.path = &c.path;
    o.missing_step = missing_step;
  }
  return o;
}

Outcome ConditionEvaluator::evaluate_hits(const Condition& c, std::span<const Value* const> hits) const {
  using Op = Condition::Op;
  const Value* first_unknown = nullptr;
  const Value* first_tested = nullptr;
  const Value* arg = operand(c.operand);
  std::vector<Cidr> scratch;
  const std::vector<Cidr>* cidrs = nullptr;
  if (c.op == Op::kCidrOverlaps || c.op == Op::kCidrWithin) cidrs = operand_cidrs(c.operand, scratch);

  // Tests one known scalar (or, for whole-value operators, one known value).
  auto test = [&](const Value& v) -> bool {
    switch (c.op) {
      case Op::kExists:
        return !v.is_null();
      case Op::kEmpty:
        return is_empty_value(v);
      case Op::kType:
        return arg != nullptr && arg->is_string() && arg->text == type_name(v);
      case Op::kEquals:
        return arg != nullptr && loose_equals(v, *arg);
      case Op::kOneOf:
        if (arg == nullptr) return false;
        if (!arg->is_list()) return loose_equals(v, *arg);
        for (const auto& item : arg->items) {
          if (loose_equals(v, item)) return true;
        }
        return false;
      case Op::kMatches: {
        const RE2* regex = c.regex ? c.regex->get() : nullptr;
        if (c.operand.kind == Operand::Kind::kParam && env_.param_regexes != nullptr) {
          auto it = env_.param_regexes->find(c.operand.name);
          if (it != env_.param_regexes->end()) regex = it->second.get();
        }
        if (regex == nullptr || v.is_list() || v.is_map() || v.is_null()) return false;
        std::string text = v.is_string() ? v.text : v.to_display();
        return RE2::PartialMatch(text, *regex);
      }
      case Op::kContains:
        if (arg == nullptr) return false;
        if (v.is_string() && arg->is_string()) return v.text.find(arg->text) != std::string::npos;
        return loose_equals(v, *arg);
      case Op::kGt:
      case Op::kGte:
      case Op::kLt:
      case Op::kLte: {
        auto n = numeric_value(v);
        auto limit = arg ? numeric_value(*arg) : std::nullopt;
        if (!n || !limit) return false;
        if (c.op == Op::kGt) return *n > *limit;
        if (c.op == Op::kGte) return *n >= *limit;
        if (c.op == Op::kLt) return *n < *limit;
        return *n <= *limit;
      }
      case Op::kCidrIsAny:
      case Op::kCidrIsPublic:
      case Op::kCidrOverlaps:
      case Op::kCidrWithin:
      case Op::kCidrPrefixAtMost: {
        if (!v.is_string()) return false;
        auto cidr = parse_cidr(v.text);
        if (!cidr) return false;
        if (c.op == Op::kCidrIsAny) return cidr_is_any(*cidr);
        if (c.op == Op::kCidrIsPublic) return cidr_is_public(*cidr);
        if (c.op == Op::kCidrPrefixAtMost) {
          // One limit for both families, or {ipv4: N, ipv6: M}; a family without a limit never matches.
          const Value* limit = arg;
          if (limit != nullptr && limit->is_map()) limit = limit->get(cidr->v6 ? "ipv6" : "ipv4");
          return limit != nullptr && limit->is_number() && cidr->prefix <= limit->number;
        }
        if (cidrs == nullptr) return false;
        for (const Cidr& other : *cidrs) {
          if (c.op == Op::kCidrOverlaps ? cidr_overlaps(*cidr, other) : cidr_within(*cidr, other)) return true;
        }
        return false;
      }
      default:
        return false;
    }
  };

  if (c.operand.kind != Operand::Kind::kLiteral && arg == nullptr && cidrs == nullptr) {
    return unknown_outcome(nullptr, (c.operand.kind == Operand::Kind::kParam ? "param." : "config.") + c.operand.name);
  }
  // `contains` on a list asks whether the list holds the operand; on a string, whether it holds the substring.
  bool whole_list_operand = (c.op == Op::kEquals) && arg != nullptr && (arg->is_list() || arg->is_map());
  for (const Value* hit : hits) {
    if (hit->is_unknown()) {
      bool reference = !hit->refs.empty();
      if (reference && c.op == Op::kExists) {
        Outcome o;
        o.truth = Truth::kTrue;
        o.value = hit;
        return o;
      }
      if (reference && c.op == Op::kEmpty) {
        if (!first_tested) first_tested = hit;
        continue;
      }
      if (!first_unknown) first_unknown = hit;
      continue;
    }
    bool elements = hit->is_list() && element_wise(c.op) && !whole_list_operand;
    size_t count = elements ? hit->items.size() : 1;
    for (size_t k = 0; k < count; ++k) {
      const Value* candidate = elements ? &hit->items[k] : hit;
      if (candidate->is_unknown()) {
        if (!first_unknown) first_unknown = candidate;
        continue;
      }
      if (!first_tested) first_tested = candidate;
      if (test(*candidate)) {
        Outcome o;
        o.truth = Truth::kTrue;
        o.value = candidate;
        return o;
      }
    }
  }
  if (c.op == Op::kEmpty && hits.empty()) {
    Outcome o;
    o.truth = Truth::kTrue;
    return o;
  }
  if (first_unknown) return unknown_outcome(first_unknown, first_unknown->text);
  Outcome o;
  o.truth = Truth::kFalse;
  o.value = first_tested;
  return o;
}

Outcome ConditionEvaluator::evaluate_ports(const Condition& c, const Value& current) const {
  auto first = [&](const std::optional<AttributePath>& path) -> const Value* {
    if (!path) return nullptr;
    HitsBuffer hits_buffer;
    ValueHits hits(&hits_buffer.resource);
    const Value* anchor = nullptr;
    uint16_t step = 0;
    resolve(*path, current, hits, anchor, step);
    return hits.empty() ? nullptr : hits.front();
  };
  const Value* from = first(c.from_path);
  const Value* to = first(c.to_path);
  const Value* protocol = first(c.protocol_path);
  Outcome o;
  o.value = from != nullptr ? from : protocol;
  if (o.value == nullptr) o.anchor = &current;

  bool all_ports = false;
  if (protocol != nullptr && !protocol->is_null()) {
    if (protocol->is_unknown()) return unknown_outcome(protocol, protocol->text);
    std::string p = lower(protocol->is_string() ? protocol->text : protocol->to_display());
    if (p == "-1" || p == "all" || p == "*") {
      all_ports = true;
    } else if (p != "tcp" && p != "6" && p != "udp" && p != "17") {
      o.truth = Truth::kFalse;  // ICMP and other protocols carry no ports
      return o;
    }
  }
  Range range{0, 65535};
  if (!all_ports) {
    Range from_range{};
    Range to_range{};
    PortParse from_state = parse_port(from, from_range);
    PortParse to_state = parse_port(to, to_range);
    if (from_state == PortParse::kUnknown) return unknown_outcome(from, from->text);
    if (to_state == PortParse::kUnknown) return unknown_outcome(to, to->text);
    if (from_state == PortParse::kNamed) return unknown_outcome(from, "named port " + from->to_display());
    if (from_state == PortParse::kAll || (from_state == PortParse::kMissing && to_state == PortParse::kMissing)) {
      all_ports = true;
    } else if (from_state == PortParse::kOk) {
      range = from_range;
      if (to_state == PortParse::kOk) range.to = std::max(to_range.to, from_range.from);
      if (to_state == PortParse::kAll) range.to = 65535;
    } else {
      if (to_state != PortParse::kOk) return unknown_outcome(to, "port");
      range = to_range;
    }
  }
  o.truth = Truth::kFalse;
  for (const PortRange& listed : c.ports) {
    if (all_ports || (listed.from <= range.to && range.from <= listed.to)) {
      o.truth = Truth::kTrue;
      break;
    }
  }
  return o;
}

Outcome ConditionEvaluator::evaluate_quantifier(const Condition& c, const Value& current, int depth) const {
  HitsBuffer items_buffer;
  ValueHits items(&items_buffer.resource);
  const Value* anchor = nullptr;
  uint16_t missing_step = 0;
  elements(c.path, current, items, anchor, missing_step);
  const Condition& child = c.children.front();
  std::optional<Outcome> first_unknown;
  std::optional<Outcome> first;
  bool looking_for = c.op != Condition::Op::kEvery;  // some/none look for a true element, every for a false one
  for (const Value* item : items) {
    Outcome o;
    if (item->is_unknown()) {
      o = unknown_outcome(item, item->text);
    } else {
      o = evaluate_at(child, *item, depth + 1);
    }
    if (o.truth == (looking_for ? Truth::kTrue : Truth::kFalse)) {
      if (c.op == Condition::Op::kNone) o.truth = Truth::kFalse;
      return o;
    }
    if (o.truth == Truth::kUnknown && !first_unknown) first_unknown = std::move(o);
    if (o.truth != Truth::kUnknown && !first) first = std::move(o);
  }
  if (first_unknown) return *first_unknown;
  Outcome o;
  if (first) {
    o = std::move(*first);
    // No element of several qualified: the collection is what is wrong, not the first element's attribute.
    if (c.op != Condition::Op::kEvery && items.size() > 1 && !o.explicit_blame) {
      HitsBuffer holders_buffer;
      ValueHits holders(&holders_buffer.resource);
      const Value* none = nullptr;
      uint16_t step = 0;
      resolve(c.path, current, holders, none, step);
      if (holders.size() == 1) {
        o = Outcome{};
        o.value = holders.front();
      }
    }
  } else {
    o.anchor = anchor != nullptr ? anchor : &current;
    o.path = &c.path;
    o.missing_step = missing_step;
  }
  o.truth = c.op == Condition::Op::kSome ? Truth::kFalse : Truth::kTrue;
  return o;
}

Outcome ConditionEvaluator::evaluate_related(const Condition& c, int depth) const {
  Outcome o;
  o.explicit_blame = true;
  o.span = resource_.span;
  o.attribute = "(" + c.via + ")";
  o.shown_value = "(not set)";
  std::optional<Outcome> unknown;
  for (const model::Relation& relation : resource_.relations) {
    if (relation.kind != c.via) continue;
    std::span<const uint32_t> targets = env_.graph.resolve(resource_, relation.target);
    if (targets.empty()) {
      // The other end was not scanned: what it says is not known.
      if (!unknown) {
        unknown = o;
        unknown->truth = Truth::kUnknown;
        unknown->span = relation.span.valid() ? relation.span : resource_.span;
        unknown->unknown = relation.target;
      }
      continue;
    }
    for (uint32_t t : targets) {
      const model::Resource& target = env_.graph.resources()[t];
      if (!type_selected(c.types, target.type)) continue;
      Truth truth = Truth::kTrue;
      std::string why;
      if (!c.children.empty()) {
        ConditionEvaluator nested(env_, target, target.attributes);
        Outcome inner = nested.evaluate_at(c.children.front(), target.attributes, depth + 1);
        truth = inner.truth;
        why = std::move(inner.unknown);
      }
      if (truth == Truth::kTrue) {
        o.truth = Truth::kTrue;
        o.span = relation.span.valid() ? relation.span : resource_.span;
        o.shown_value = target.address;
        return o;
      }
      if (truth == Truth::kUnknown && !unknown) {
        unknown = o;
        unknown->truth = Truth::kUnknown;
        unknown->unknown = std::move(why);
      }
    }
  }
  if (unknown) return *unknown;
  o.truth = Truth::kFalse;
  return o;
}

Outcome ConditionEvaluator::evaluate_references(const Condition& c, const Value& current, int depth) const {
  if (!c.via.empty()) return evaluate_related(c, depth);
  HitsBuffer hits_buffer;
  ValueHits hits(&hits_buffer.resource);
  const Value* anchor = nullptr;
  uint16_t missing_step = 0;
  resolve(c.path, current, hits, anchor, missing_step);
  std::optional<Outcome> unknown;
  for (const Value* hit : hits) {
    std::vector<const model::Reference*> refs;
    collect_refs(*hit, refs, 0);
    if (refs.empty()) {
      if (hit->contains_unknown() && !unknown)
        unknown = unknown_outcome(hit, hit->is_unknown() ? hit->text : c.path.text);
      continue;
    }
    for (const model::Reference* ref : refs) {
      std::span<const uint32_t> targets = env_.graph.resolve(resource_, ref->address);
      if (targets.empty()) {
        if (!unknown)
          unknown = unknown_outcome(hit, ref->attribute.empty() ? ref->address : ref->address + "." + ref->attribute);
        continue;
      }
      for (uint32_t t : targets) {
        const model::Resource& target = env_.graph.resources()[t];
        if (!type_selected(c.types, target.type)) continue;
        Truth truth = Truth::kTrue;
        std::string why;
        if (!c.children.empty()) {
          ConditionEvaluator nested(env_, target, target.attributes);
          Outcome inner = nested.evaluate_at(c.children.front(), target.attributes, depth + 1);
          truth = inner.truth;
          why = std::move(inner.unknown);
        }
        if (truth == Truth::kTrue) {
          Outcome o;
          o.truth = Truth::kTrue;
          o.value = hit;
          return o;
        }
        if (truth == Truth::kUnknown && !unknown) unknown = unknown_outcome(hit, std::move(why));
      }
    }
  }
  if (unknown) return *unknown;
  Outcome o;
  o.truth = Truth::kFalse;
  if (!hits.empty()) {
    o.value = hits.front();
  } else {
    o.anchor = anchor != nullptr ? anchor : &current;
    o.path = &c.path;
    o.missing_step = missing_step;
  }
  return o;
}

Outcome ConditionEvaluator::evaluate_referenced_by(const Condition& c, int depth) const {
  const auto& all = env_.graph.resources();
  std::optional<Outcome> unknown;
  Outcome o;
  o.explicit_blame = true;
  o.span = resource_.span;
  o.attribute = "(referenced by " + (c.types.empty() ? std::string("any") : c.types.front()) + ")";
  o.shown_value = "(not set)";
  std::less<const model::Resource*> before;
  if (all.empty() || before(&resource_, all.data()) || !before(&resource_, all.data() + all.size())) {
    o.truth = Truth::kFalse;
    return o;
  }
  for (const ResourceGraph::Edge* into : env_.graph.incoming(env_.graph.index_of(resource_))) {
    const ResourceGraph::Edge& edge = *into;
    const model::Resource& source = all[edge.from];
    if (!type_selected(c.types, source.type)) continue;
    if (!c.via.empty()) {
      bool matches = edge.relation ? edge.label == c.via
                                   : edge.label == c.via || (edge.label.size() > c.via.size() &&
                                                             edge.label.compare(0, c.via.size(), c.via) == 0 &&
                                                             edge.label[c.via.size()] == '.');
      if (!matches) continue;
    }
    Truth truth = Truth::kTrue;
    std::string why;
    if (!c.children.empty()) {
      ConditionEvaluator nested(env_, source, source.attributes);
      Outcome inner = nested.evaluate_at(c.children.front(), source.attributes, depth + 1);
      truth = inner.truth;
      why = std::move(inner.unknown);
    }
    if (truth == Truth::kTrue) {
      o.truth = Truth::kTrue;
      o.shown_value = source.address;
      return o;
    }
    if (truth == Truth::kUnknown && !unknown) {
      unknown = o;
      unknown->truth = Truth::kUnknown;
      unknown->unknown = std::move(why);
    }
  }
  if (unknown) return *unknown;
  o.truth = Truth::kFalse;
  return o;
}

Outcome ConditionEvaluator::evaluate_predicate(const Condition& c, const Value& current) const {
  PredicateContext context{resource_, c.args, current, env_.graph, env_.config, env_.params};
  PredicateResult r = c.predicate(context);
  Outcome o;
  o.truth = r.truth;
  o.explicit_blame = true;
  o.span = r.blame.valid() ? r.blame : resource_.span;
  o.attribute = std::move(r.attribute);
  o.shown_value = r.value.empty() ? "(not set)" : std::move(r.value);
  o.unknown = std::move(r.unknown);
  if (o.truth == Truth::kUnknown && o.unknown.empty()) o.unknown = "predicate " + c.predicate_name;
  return o;
}

const Value* ConditionEvaluator::embedded_json(const Value& text) const {
  auto [it, inserted] = parsed_strings_.try_emplace(&text);
  if (inserted) {
    if (std::optional<Value> parsed = parse_embedded_json(text))
      it->second = std::make_unique<Value>(std::move(*parsed));
  }
  return it->second.get();
}

bool ConditionEvaluator::find_path(const Value& node, const Value* target, std::string& out, int depth) const {
  if (&node == target) return true;
  if (depth > kMaxValueDepth) return false;
  size_t size = out.size();
  if (node.is_map()) {
    for (const auto& entry : node.entries) {
      if (!out.empty()) out += '.';
      bool plain = !entry.key.empty() && entry.key.find_first_of(".[]\"/ ") == std::string::npos;
      out += plain ? entry.key : "\"" + entry.key + "\"";
      if (find_path(entry.value, target, out, depth + 1)) return true;
      out.resize(size);
    }
  } else if (node.is_list()) {
    for (size_t i = 0; i < node.items.size(); ++i) {
      out += "[" + std::to_string(i) + "]";
      if (find_path(node.items[i], target, out, depth + 1)) return true;
      out.resize(size);
    }
  } else if (node.is_string()) {
    // Only documents a path already walked into; never parses here.
    auto it = parsed_strings_.find(&node);
    if (it != parsed_strings_.end() && it->second) return find_path(*it->second, target, out, depth + 1);
  }
  return false;
}

void ConditionEvaluator::index_depths(const Value& node, int depth) const {
  if (depth > kMaxValueDepth) return;
  depths_.emplace_back(&node, depth);
  for (const auto& entry : node.entries) index_depths(entry.value, depth + 1);
  for (const auto& item : node.items) index_depths(item, depth + 1);
  if (node.is_string()) {
    auto it = parsed_strings_.find(&node);
    if (it != parsed_strings_.end() && it->second) index_depths(*it->second, depth + 1);
  }
}

int ConditionEvaluator::depth_of(const Value* value) const {
  // One walk per evaluator (and again when documents were parsed out of strings since), so `any` inside
  // `some` over long lists stays linear; a sorted array, because a node per value in a hash map made this walk
  // the scan's largest source of allocations.
  if (depths_.empty() || indexed_strings_ != parsed_strings_.size()) {
    depths_.clear();
    indexed_strings_ = parsed_strings_.size();
    index_depths(root_, 0);
    std::sort(depths_.begin(), depths_.end(),
              [](const auto& a, const auto& b) { return std::less<>()(a.first, b.first); });
  }
  auto it = std::lower_bound(depths_.begin(), depths_.end(), value,
                             [](const auto& entry, const Value* v) { return std::less<>()(entry.first, v); });
  return it == depths_.end() || it->first != value ? -1 : it->second;
}

namespace {

bool span_inside(const model::Span& inner, const model::Span& outer) {
  return inner.file == outer.file && outer.begin <= inner.begin && inner.end <= outer.end;
}

// Depth of the deepest value whose span holds `span` (a predicate's or relation's blame).
int containing_depth(const Value& node, const model::Span& span, int depth) {
  if (depth > kMaxValueDepth) return depth;
  for (const auto& entry : node.entries) {
    if (span_inside(span, entry.value.span)) return containing_depth(entry.value, span, depth + 1);
  }
  for (const auto& item : node.items) {
    if (span_inside(span, item.span)) return containing_depth(item, span, depth + 1);
  }
  return depth;
}

}  // namespace

std::pair<int, int> ConditionEvaluator::specificity(const Outcome& outcome) const {
  model::Span span = blame_span(outcome);
  bool own = span.file == resource_.span.file && span.begin == resource_.span.begin && span.end == resource_.span.end;
  if (!span.valid() || own) return {0, 0};
  const Value* v = outcome.explicit_blame ? nullptr : outcome.value != nullptr ? outcome.value : outcome.anchor;
  int depth = v != nullptr ? depth_of(v) : -1;
  if (depth < 0) depth = containing_depth(root_, span, 0);
  // A missing attribute blames its enclosing block; a value at the same depth that exists is more specific.
  bool present = outcome.explicit_blame || outcome.value != nullptr;
  return {1, depth * 2 + (present ? 1 : 0)};
}

model::Span ConditionEvaluator::blame_span(const Outcome& outcome) const {
  if (outcome.explicit_blame) return outcome.span.valid() ? outcome.span : resource_.span;
  const Value* v = outcome.value != nullptr ? outcome.value : outcome.anchor;
  // The evaluation root is the whole body; "the resource itself" is its header.
  if (v == nullptr || v == &root_ || v == &resource_.attributes || !v->span.valid()) return resource_.span;
  return v->span;
}

std::string ConditionEvaluator::attribute_of(const Outcome& outcome) const {
  if (outcome.explicit_blame) return outcome.attribute;
  std::string out;
  const Value* v = outcome.value != nullptr ? outcome.value : outcome.anchor;
  if (v != nullptr && v != &root_) {
    if (!find_path(root_, v, out, 0)) out.clear();
  }
  if (outcome.value == nullptr && outcome.path != nullptr) {
    std::string rest = outcome.path->suffix_text(outcome.missing_step);
    if (!rest.empty()) {
      if (!out.empty() && rest.front() != '[') out += '.';
      out += rest;
    }
  }
  return out;
}

std::string ConditionEvaluator::value_of(const Outcome& outcome) const {
  if (outcome.explicit_blame) return outcome.shown_value;
  if (outcome.value == nullptr || outcome.value->is_null()) return "(not set)";
  if (outcome.value->is_unknown()) return outcome.value->text;
  return outcome.value->to_display();
}

}  // namespace gclint::engine
