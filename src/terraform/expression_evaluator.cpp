#include "terraform/expression_evaluator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <utility>

namespace gclint::terraform {

using model::Reference;
using model::Span;
using model::Value;

namespace {

constexpr int kMaxEvalDepth = 256;

void collect_refs(const Value& v, model::References& out, int depth) {
  if (depth > 64) return;
  for (const auto& r : v.refs) {
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  }
  if (v.kind == Value::Kind::kList) {
    for (const auto& item : v.items) collect_refs(item, out, depth + 1);
  } else if (v.kind == Value::Kind::kMap) {
    for (const auto& entry : v.entries) collect_refs(entry.value, out, depth + 1);
  }
}

bool is_instance(const Value& v) { return v.kind == Value::Kind::kMap && v.text == kResourceInstanceMarker; }

}  // namespace

void merge_refs(Value& to, const Value& from) { collect_refs(from, to.refs, 0); }

Value unknown_from(std::string why, Span span, std::initializer_list<const Value*> operands) {
  Value v = Value::unknown(std::move(why), span);
  for (const Value* o : operands) {
    if (o) merge_refs(v, *o);
  }
  return v;
}

bool to_string_value(const Value& v, std::string& out) {
  switch (v.kind) {
    case Value::Kind::kString:
      out = v.text;
      return true;
    case Value::Kind::kNumber:
      out = model::format_number(v.number);
      return true;
    case Value::Kind::kBool:
      out = v.boolean ? "true" : "false";
      return true;
    default:
      return false;
  }
}

bool to_number_value(const Value& v, double& out) {
  if (v.kind == Value::Kind::kNumber) {
    out = v.number;
    return true;
  }
  if (v.kind == Value::Kind::kString && !v.text.empty()) {
    char* end = nullptr;
    out = std::strtod(v.text.c_str(), &end);
    return end && *end == 0 && std::isfinite(out);
  }
  return false;
}

bool to_bool_value(const Value& v, bool& out) {
  if (v.kind == Value::Kind::kBool) {
    out = v.boolean;
    return true;
  }
  if (v.kind == Value::Kind::kString && (v.text == "true" || v.text == "false")) {
    out = v.text == "true";
    return true;
  }
  return false;
}

void strip_instance_markers(Value& v) {
  if (v.kind == Value::Kind::kMap) {
    if (is_instance(v)) {
      Reference ref = v.refs.empty() ? Reference{} : v.refs.front();
      Span s = v.span;
      Span o = v.origin;
      v = Value::reference(std::move(ref), s);
      v.origin = o;
      return;
    }
    for (auto& e : v.entries) strip_instance_markers(e.value);
  } else if (v.kind == Value::Kind::kList) {
    for (auto& i : v.items) strip_instance_markers(i);
  }
}

const EvalLimits Evaluator::kDefaultLimits{};

Evaluator::Evaluator(NameResolver* resolver, const model::SourceFile* file, std::filesystem::path module_dir,
                     std::vector<model::Diagnostic>* diagnostics)
    : resolver_(resolver), file_(file), module_dir_(std::move(module_dir)), diagnostics_(diagnostics) {}

const Value* Evaluator::bound(std::string_view name) const {
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
    if (it->first == name) return &it->second;
  }
  return nullptr;
}

Span Evaluator::span(uint32_t begin, uint32_t end) const {
  return Span{file_ ? file_->id() : Span::kNoFile, begin, end};
}

std::string Evaluator::text(const Expr& e) const {
  if (!file_) return {};
  std::string_view content = file_->content();
  if (e.begin >= content.size() || e.end < e.begin) return {};
  std::string_view t = content.substr(e.begin, std::min<size_t>(e.end - e.begin, 200));
  std::string out(t);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

Value Evaluator::error(const Expr& e, const std::string& message) {
  ++errors_;
  if (quiet_ == 0 && diagnostics_) {
    diagnostics_->push_back(model::Diagnostic{model::Diagnostic::Level::kWarning, span(e), message});
  }
  return Value::unknown(text(e), span(e));
}

bool Evaluator::enter() {
  if (*depth_ >= kMaxEvalDepth) return false;
  ++*depth_;
  return true;
}

Value Evaluator::eval(const Expr& e) {
  // The deadline is read every 256 evaluations: a clock read per expression would cost more than most of them.
  if (!stopped_ && (++evaluations_ & 255) == 0 && limits_->deadline != std::chrono::steady_clock::time_point::max() &&
      std::chrono::steady_clock::now() >= limits_->deadline) {
    stopped_ = true;
  }
  if (stopped_) return Value::unknown(text(e), span(e));
  if (!enter()) return error(e, "expression evaluation too deep");
  struct Leave {
    Evaluator* ev;
    ~Leave() { ev->leave(); }
  } guard{this};
  Span sp = span(e);
  switch (e.kind) {
    case ExprKind::kInvalid:
      return Value::unknown("syntax error: " + text(e), sp);
    case ExprKind::kNull:
      return Value::null(sp);
    case ExprKind::kBool:
      return Value::of_bool(e.number != 0, sp);
    case ExprKind::kNumber:
      return Value::of_number(e.number, sp);
    case ExprKind::kString:
      return Value::of_string(e.name, sp);
    case ExprKind::kTemplate:
      return eval_template(e);
    case ExprKind::kTuple: {
      Value out = Value::list(sp);
      out.items.reserve(e.kids.size());
      for (const auto& k : e.kids) out.items.push_back(eval(k));
      return out;
    }
    case ExprKind::kObject: {
      Value out = Value::map(sp);
      for (size_t i = 0; i + 1 < e.kids.size(); i += 2) {
        Value key = eval(e.kids[i]);
        std::string k;
        if (!key.is_known()) return unknown_from(text(e), sp, {&key});
        if (!to_string_value(key, k)) return error(e.kids[i], "object key must be a string");
        Value v = eval(e.kids[i + 1]);
        v.span.begin = e.kids[i].begin;
        if (v.span.file != sp.file) v.span = span(e.kids[i].begin, e.kids[i + 1].end);
        out.set(std::move(k), std::move(v));
      }
      return out;
    }
    case ExprKind::kVariable:
    case ExprKind::kGetAttr:
    case ExprKind::kIndex:
    case ExprKind::kSplat:
      return eval_traversal(e);
    case ExprKind::kSplatItem:
      if (splat_items_.empty()) return error(e, "splat item outside a splat");
      return *splat_items_.back();
    case ExprKind::kCall: {
      if (e.name == "try") return call_try(e);
      if (e.name == "can") return call_can(e);
      if (!read_files_ && (e.name == "file" || e.name == "fileexists" || e.name == "templatefile" ||
                           e.name.starts_with("filebase64") || e.name == "filemd5" || e.name.starts_with("filesha"))) {
        if (quiet_ == 0 && diagnostics_) {
          diagnostics_->push_back({model::Diagnostic::Level::kWarning, sp,
                                   e.name + "() is not read for a file on standard input; its value is unknown"});
        }
        return Value::unknown(text(e), sp);
      }
      std::vector<Value> args;
      args.reserve(e.kids.size());
      for (const auto& k : e.kids) args.push_back(eval(k));
      if (e.flag && !args.empty()) {
        Value last = std::move(args.back());
        args.pop_back();
        if (!last.is_known()) return unknown_from(text(e), sp, {&last});
        if (!last.is_list()) return error(e, "the expanded argument of " + e.name + " must be a list");
        for (auto& item : last.items) args.push_back(std::move(item));
      }
      Value out = call(e, args);
      out.span = sp;
      if (out.is_string() && out.text.size() > limits_->max_string_length) {
        return error(e, e.name + ": result longer than the string_length limit (" +
                            std::to_string(limits_->max_string_length) + " bytes)");
      }
      return out;
    }
    case ExprKind::kForTuple:
    case ExprKind::kForObject:
      return eval_for(e);
    case ExprKind::kConditional: {
      Value cond = eval(e.kids[0]);
      if (!cond.is_known()) return unknown_from(text(e), sp, {&cond});
      bool b = false;
      if (!to_bool_value(cond, b)) return error(e.kids[0], "condition must be a bool");
      Value out = eval(e.kids[b ? 1 : 2]);
      return out;
    }
    case ExprKind::kUnary: {
      Value v = eval(e.kids[0]);
      if (!v.is_known()) return unknown_from(text(e), sp, {&v});
      if (e.op[0] == '!') {
        bool b = false;
        if (!to_bool_value(v, b)) return error(e, "operand of ! must be a bool");
        return Value::of_bool(!b, sp);
      }
      double n = 0;
      if (!to_number_value(v, n)) return error(e, "operand of - must be a number");
      return Value::of_number(-n, sp);
    }
    case ExprKind::kBinary:
      return eval_binary(e);
    case ExprKind::kParen: {
      Value v = eval(e.kids[0]);
      return v;
    }
    default:
      return error(e, "unsupported expression");
  }
}

Value Evaluator::eval_binary(const Expr& e) {
  Span sp = span(e);
  std::string_view op(e.op, e.op[1] ? 2 : 1);
  Value a = eval(e.kids[0]);
  if ((op == "&&" || op == "||") && a.is_known()) {
    bool ab = false;
    if (!to_bool_value(a, ab)) return error(e, "operands of " + std::string(op) + " must be bools");
    if (op == "&&" && !ab) return Value::of_bool(false, sp);
    if (op == "||" && ab) return Value::of_bool(true, sp);
    Value b = eval(e.kids[1]);
    if (!b.is_known()) return unknown_from(text(e), sp, {&b});
    bool bb = false;
    if (!to_bool_value(b, bb)) return error(e, "operands of " + std::string(op) + " must be bools");
    return Value::of_bool(bb, sp);
  }
  Value b = eval(e.kids[1]);
  if (op == "==" || op == "!=") {
    if (!a.is_known() || !b.is_known() || a.contains_unknown() || b.contains_unknown()) {
      return unknown_from(text(e), sp, {&a, &b});
    }
    bool eq = a.same_content(b);
    return Value::of_bool(op == "==" ? eq : !eq, sp);
  }
  if (!a.is_known() || !b.is_known()) return unknown_from(text(e), sp, {&a, &b});
  if (op == "&&" || op == "||") return error(e, "operands must be bools");
  double x = 0;
  double y = 0;
  if (!to_number_value(a, x) || !to_number_value(b, y)) {
    return error(e, "operands of " + std::string(op) + " must be numbers");
  }
  Value out;
  if (op == "+") {
    out = Value::of_number(x + y, sp);
  } else if (op == "-") {
    out = Value::of_number(x - y, sp);
  } else if (op == "*") {
    out = Value::of_number(x * y, sp);
  } else if (op == "/") {
    if (y == 0) return error(e, "division by zero");
    out = Value::of_number(x / y, sp);
  } else if (op == "%") {
    if (y == 0) return error(e, "division by zero");
    out = Value::of_number(std::fmod(x, y), sp);
  } else if (op == "<") {
    out = Value::of_bool(x < y, sp);
  } else if (op == "<=") {
    out = Value::of_bool(x <= y, sp);
  } else if (op == ">") {
    out = Value::of_bool(x > y, sp);
  } else if (op == ">=") {
    out = Value::of_bool(x >= y, sp);
  } else {
    return error(e, "unknown operator " + std::string(op));
  }
  merge_refs(out, a);
  merge_refs(out, b);
  return out;
}

void Evaluator::append_template(const Expr& tpl, std::string& out, Value& unknown, bool& is_unknown) {
  for (const auto& part : tpl.kids) {
    if (out.size() > limits_->max_string_length) {
      template_too_long_ = true;
      is_unknown = true;
      return;
    }
    switch (part.kind) {
      case ExprKind::kTplLiteral:
        out += part.name;
        break;
      case ExprKind::kTplInterp: {
        Value v = eval(part.kids[0]);
        merge_refs(unknown, v);
        if (!v.is_known()) {
          // A JSON policy in a heredoc stays checkable, as with jsonencode.
          if (json_placeholders_) {
            out += "${" + v.text + "}";
          } else {
            is_unknown = true;
          }
          break;
        }
        std::string s;
        if (!to_string_value(v, s)) {
          error(part, v.is_null() ? "template interpolation of a null value" : "template interpolation needs a string");
          is_unknown = true;
          break;
        }
        out += s;
        break;
      }
      case ExprKind::kTplIf: {
        Value cond = eval(part.kids[0]);
        merge_refs(unknown, cond);
        bool b = false;
        if (!cond.is_known() || !to_bool_value(cond, b)) {
          is_unknown = true;
          break;
        }
        append_template(part.kids[b ? 1 : 2], out, unknown, is_unknown);
        break;
      }
      case ExprKind::kTplFor: {
        Value coll = eval(part.kids[0]);
        merge_refs(unknown, coll);
        if (!coll.is_known()) {
          is_unknown = true;
          break;
        }
        auto body = [&](Value k, Value v) {
          size_t pushed = 0;
          if (!part.name.empty()) {
            push(part.name, std::move(k));
            ++pushed;
          }
          push(part.name2, std::move(v));
          ++pushed;
          append_template(part.kids[1], out, unknown, is_unknown);
          while (pushed--) pop();
        };
        if (coll.is_list()) {
          for (size_t i = 0; i < coll.items.size(); ++i) body(Value::of_number(double(i)), coll.items[i]);
        } else if (coll.is_map()) {
          for (const auto* en : sorted_entries(coll)) body(Value::of_string(en->key), en->value);
        } else {
          error(part, "template for needs a collection");
          is_unknown = true;
        }
        break;
      }
      default:
        break;
    }
  }
}

Value Evaluator::eval_template(const Expr& e) {
  Span sp = span(e);
  // A template that is a single interpolation yields the value itself, unconverted.
  if (e.kids.size() == 1 && e.kids[0].kind == ExprKind::kTplInterp) {
    Value v = eval(e.kids[0].kids[0]);
    v.span = sp;
    return v;
  }
  std::string out;
  Value refs;
  bool is_unknown = false;
  bool saved = json_placeholders_;
  json_placeholders_ = e.flag;
  bool saved_too_long = std::exchange(template_too_long_, false);
  append_template(e, out, refs, is_unknown);
  json_placeholders_ = saved;
  if (std::exchange(template_too_long_, saved_too_long) || out.size() > limits_->max_string_length) {
    Value u = error(e, "template result longer than the string_length limit (" +
                           std::to_string(limits_->max_string_length) + " bytes)");
    u.refs = std::move(refs.refs);
    return u;
  }
  if (is_unknown) {
    Value u = Value::unknown(text(e), sp);
    u.refs = std::move(refs.refs);
    return u;
  }
  Value v = Value::of_string(std::move(out), sp);
  v.refs = std::move(refs.refs);
  return v;
}

Value Evaluator::eval_for(const Expr& e) {
  Span sp = span(e);
  bool object = e.kind == ExprKind::kForObject;
  Value coll = eval(e.kids[0]);
  if (!coll.is_known()) return unknown_from(text(e), sp, {&coll});
  std::vector<std::pair<Value, const Value*>> pairs;
  if (coll.is_list()) {
    for (size_t i = 0; i < coll.items.size(); ++i) pairs.emplace_back(Value::of_number(double(i)), &coll.items[i]);
  } else if (coll.is_map()) {
    for (const auto* en : sorted_entries(coll)) pairs.emplace_back(Value::of_string(en->key), &en->value);
  } else {
    return error(e, "for expression needs a list, set, map or object");
  }
  const Expr* cond = e.flag ? &e.kids.back() : nullptr;
  bool grouping = e.op[0] == '.';
  Value out = object ? Value::map(sp) : Value::list(sp);
  std::map<std::string, size_t> group_index;
  for (auto& [k, v] : pairs) {
    size_t pushed = 0;
    if (!e.name.empty()) {
      push(e.name, k);
      ++pushed;
    }
    push(e.name2, *v);
    ++pushed;
    bool keep = true;
    bool bail = false;
    Value result;
    if (cond) {
      Value c = eval(*cond);
      bool b = false;
      if (!c.is_known()) {
        result = unknown_from(text(e), sp, {&c});
        bail = true;
      } else if (!to_bool_value(c, b)) {
        result = error(*cond, "for condition must be a bool");
        bail = true;
      } else {
        keep = b;
      }
    }
    if (!bail && keep) {
      if (object) {
        Value key = eval(e.kids[1]);
        Value val = eval(e.kids[2]);
        std::string ks;
        if (!key.is_known()) {
          result = unknown_from(text(e), sp, {&key});
          bail = true;
        } else if (!to_string_value(key, ks)) {
          result = error(e.kids[1], "for expression key must be a string");
          bail = true;
        } else if (auto [at, added] = group_index.emplace(ks, out.entries.size()); grouping) {
          if (added) out.entries.push_back(model::MapEntry{std::move(ks), Value::list(val.span)});
          out.entries[at->second].value.items.push_back(std::move(val));
        } else if (!added) {
          result = error(e, "duplicate key \"" + ks + "\" in for expression (use ... to group)");
          bail = true;
        } else {
          out.entries.push_back(model::MapEntry{std::move(ks), std::move(val)});
        }
      } else {
        out.items.push_back(eval(e.kids[1]));
      }
    }
    while (pushed--) pop();
    if (bail) return result;
  }
  return out;
}

Value Evaluator::eval_traversal(const Expr& e) {
  auto is_step = [](const Expr& x) {
    return x.kind == ExprKind::kGetAttr || x.kind == ExprKind::kIndex || x.kind == ExprKind::kSplat;
  };
  // Most traversals are a few steps long: their steps are kept on the stack, a longer one's in a vector.
  size_t count = 0;
  const Expr* root = &e;
  for (; is_step(*root); root = &root->kids[0]) ++count;
  std::array<const Expr*, 8> inline_steps;
  std::vector<const Expr*> long_steps;
  const Expr** filled = inline_steps.data();
  if (count > inline_steps.size()) {
    long_steps.resize(count);
    filled = long_steps.data();
  }
  size_t slot = count;
  for (const Expr* step = &e; is_step(*step); step = &step->kids[0]) filled[--slot] = step;
  const TraversalSteps steps(filled, count);
  Value base;
  size_t consumed = 0;
  const Value* held = nullptr;  // a value owned elsewhere, walked without copying it
  if (root->kind == ExprKind::kVariable) {
    if (const Value* b = bound(root->name)) {
      held = b;
    } else if (resolver_ && (held = resolver_->stored(*root, steps, consumed)) != nullptr) {
    } else if (resolver_) {
      base = resolver_->resolve(*this, *root, steps, consumed);
    } else {
      base = Value::unknown(root->name, span(*root));
    }
  } else {
    base = eval(*root);
  }
  size_t i = consumed;
  if (held != nullptr) {
    // Attribute and index steps into plain known collections only select; the first step that builds a value
    // (an instance's attribute, a splat, an error, an unknown) gets a copy of just the element reached.
    bool built = false;
    for (; i < steps.size() && held->is_known(); ++i) {
      const Expr& step = *steps[i];
      if (is_instance(*held)) {
        if (step.kind != ExprKind::kGetAttr) break;
        base = instance_attribute(*held, step);
        built = true;
        ++i;
        break;
      }
      const Value* next = nullptr;
      if (step.kind == ExprKind::kGetAttr && held->is_map()) {
        next = held->get(step.name);
      } else if (step.kind == ExprKind::kIndex && (held->is_list() || held->is_map())) {
        Value key = eval(step.kids[1]);
        double n = 0;
        std::string k;
        if (held->is_list() && key.is_known() && to_number_value(key, n) && n == std::floor(n) && n >= 0 &&
            n < double(held->items.size())) {
          next = &held->items[size_t(n)];
        } else if (held->is_map() && key.is_known() && to_string_value(key, k)) {
          next = held->get(k);
        }
        if (next == nullptr) {
          base = key.is_known() ? index_step(*held, step, std::move(key))
                                : unknown_from(text(step), span(step), {&key, held});
          built = true;
          ++i;
          break;
        }
      }
      if (next == nullptr) break;
      held = next;
    }
    if (!built) base = *held;
  }
  for (; i < steps.size(); ++i) base = apply_step(std::move(base), *steps[i]);
  if (!steps.empty() || root->kind == ExprKind::kVariable) {
    if (!base.origin.valid() && base.span.valid() &&
        (base.span.file != span(e).file || base.span.end < e.begin || base.span.begin > e.end)) {
      base.origin = base.span;
    }
    base.span = span(e);
  }
  return base;
}

Value Evaluator::apply_step(Value base, const Expr& step) {
  Span sp = span(step);
  if (step.kind == ExprKind::kSplat) {
    if (!base.is_known()) return unknown_from(text(step), sp, {&base});
    Value out = Value::list(sp);
    auto apply_item = [&](const Value& item) {
      splat_items_.push_back(&item);
      Value r = eval(step.kids[1]);
      splat_items_.pop_back();
      return r;
    };
    if (base.is_null()) return out;
    if (base.is_list()) {
      for (const auto& item : base.items) out.items.push_back(apply_item(item));
      return out;
    }
    if (is_instance(base) || base.is_map()) {
      // `.*` on a single object: Terraform wraps it in a one-element tuple.
      out.items.push_back(apply_item(base));
      return out;
    }
    out.items.push_back(apply_item(base));
    return out;
  }
  if (!base.is_known()) {
    Value u = std::move(base);
    u.span = sp;
    return u;
  }
  if (step.kind == ExprKind::kGetAttr) {
    if (is_instance(base)) return instance_attribute(base, step);
    if (base.is_map()) {
      if (Value* found = base.get(step.name)) return std::move(*found);
      return error(step, "no attribute \"" + step.name + "\"");
    }
    if (base.is_null()) return error(step, "attribute \"" + step.name + "\" of a null value");
    return error(step, "attribute \"" + step.name + "\" of a value that is not an object");
  }
  if (step.kind == ExprKind::kIndex) return index_step(std::move(base), step, eval(step.kids[1]));
  return base;
}

// An attribute the instance sets is its value, which also refers to the instance's attribute; one it does not set
// (computed by the provider, as `id`) is only that reference. Only the attribute is copied, never the instance.
Value Evaluator::instance_attribute(const Value& instance, const Expr& step) {
  Reference ref{instance.refs.empty() ? std::string() : instance.refs.front().address, step.name};
  const Value* found = instance.get(step.name);
  if (found == nullptr) return Value::reference(std::move(ref), span(step));
  Value out = *found;
  if (std::find(out.refs.begin(), out.refs.end(), ref) == out.refs.end()) out.refs.push_back(std::move(ref));
  return out;
}

Value Evaluator::index_step(Value base, const Expr& step, Value key) {
  Span sp = span(step);
  if (!key.is_known()) return unknown_from(text(step), sp, {&key, &base});
  if (base.is_list()) {
    double n = 0;
    if (!to_number_value(key, n) || n != std::floor(n)) return error(step, "list index must be a whole number");
    if (n < 0 || n >= double(base.items.size()))
      return error(step, "index " + model::format_number(n) + " out of range");
    return std::move(base.items[size_t(n)]);
  }
  if (base.is_map()) {
    std::string k;
    if (!to_string_value(key, k)) return error(step, "map key must be a string");
    if (Value* found = base.get(k)) {
      Value out = std::move(*found);
      if (is_instance(base)) {
        Reference ref{base.refs.empty() ? std::string() : base.refs.front().address, k};
        out.refs.push_back(std::move(ref));
      }
      return out;
    }
    if (is_instance(base)) {
      return Value::reference(Reference{base.refs.empty() ? std::string() : base.refs.front().address, k}, sp);
    }
    return error(step, "no key \"" + k + "\"");
  }
  return error(step, "index of a value that is not a collection");
}

Value Evaluator::call_try(const Expr& e) {
  Span sp = span(e);
  for (const auto& arg : e.kids) {
    uint64_t before = errors_;
    ++quiet_;
    Value v = eval(arg);
    --quiet_;
    if (errors_ != before) continue;
    if (!v.is_known()) return v;
    v.span = sp;
    return v;
  }
  return error(e, "try: no argument could be evaluated");
}

Value Evaluator::call_can(const Expr& e) {
  Span sp = span(e);
  if (e.kids.size() != 1) return error(e, "can takes one argument");
  uint64_t before = errors_;
  ++quiet_;
  Value v = eval(e.kids[0]);
  --quiet_;
  if (errors_ != before) return Value::of_bool(false, sp);
  if (!v.is_known()) return unknown_from(text(e), sp, {&v});
  return Value::of_bool(true, sp);
}

}  // namespace gclint::terraform
