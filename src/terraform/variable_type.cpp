#include "terraform/variable_type.h"

#include <algorithm>

namespace gclint::terraform {

using model::Value;

VariableType VariableType::parse(const Expr& e) {
  VariableType t;
  std::string_view name;
  if (e.kind == ExprKind::kVariable || e.kind == ExprKind::kString) {
    name = e.name;
    if (name == "string") t.kind = Kind::kString;
    if (name == "number") t.kind = Kind::kNumber;
    if (name == "bool") t.kind = Kind::kBool;
    if (name == "list") t.kind = Kind::kList, t.elements.push_back(VariableType{});
    if (name == "map") t.kind = Kind::kMap, t.elements.push_back(VariableType{});
    return t;
  }
  if (e.kind != ExprKind::kCall || e.kids.empty()) return t;
  const std::string& fn = e.name;
  if (fn == "list" || fn == "set" || fn == "map") {
    t.kind = fn == "list" ? Kind::kList : fn == "set" ? Kind::kSet : Kind::kMap;
    t.elements.push_back(parse(e.kids[0]));
  } else if (fn == "tuple" && e.kids[0].kind == ExprKind::kTuple) {
    t.kind = Kind::kTuple;
    for (const auto& k : e.kids[0].kids) t.elements.push_back(parse(k));
  } else if (fn == "object" && e.kids[0].kind == ExprKind::kObject) {
    t.kind = Kind::kObject;
    const auto& kids = e.kids[0].kids;
    for (size_t i = 0; i + 1 < kids.size(); i += 2) {
      Attr a;
      a.name = kids[i].name;
      const Expr& te = kids[i + 1];
      if (te.kind == ExprKind::kCall && te.name == "optional" && !te.kids.empty()) {
        a.optional = true;
        a.type.push_back(parse(te.kids[0]));
        if (te.kids.size() > 1) a.default_value = &te.kids[1];
      } else {
        a.type.push_back(parse(te));
      }
      t.attrs.push_back(std::move(a));
    }
  }
  return t;
}

bool convert_to_type(Value& v, const VariableType& type, Evaluator& evaluator, std::string& error) {
  using Kind = VariableType::Kind;
  if (!v.is_known() || v.is_null() || type.kind == Kind::kAny) return true;
  switch (type.kind) {
    case Kind::kString: {
      std::string s;
      if (!to_string_value(v, s)) {
        error = "a string is required";
        return false;
      }
      v.kind = Value::Kind::kString;
      v.text = std::move(s);
      return true;
    }
    case Kind::kNumber: {
      double n = 0;
      if (!to_number_value(v, n)) {
        error = "a number is required";
        return false;
      }
      v.kind = Value::Kind::kNumber;
      v.number = n;
      v.text.clear();
      return true;
    }
    case Kind::kBool: {
      bool b = false;
      if (!to_bool_value(v, b)) {
        error = "a bool is required";
        return false;
      }
      v.kind = Value::Kind::kBool;
      v.boolean = b;
      v.text.clear();
      return true;
    }
    case Kind::kList:
    case Kind::kSet: {
      if (!v.is_list()) {
        error = "a list is required";
        return false;
      }
      for (auto& item : v.items) {
        if (!convert_to_type(item, type.elements[0], evaluator, error)) return false;
      }
      if (type.kind == Kind::kSet) {
        model::CompactVector<Value> unique;
        for (auto& item : v.items) {
          bool seen = false;
          for (const auto& u : unique) seen = seen || u.same_content(item);
          if (!seen) unique.push_back(std::move(item));
        }
        if (std::all_of(unique.begin(), unique.end(), [](const Value& x) { return x.is_string(); })) {
          std::stable_sort(unique.begin(), unique.end(),
                           [](const Value& a, const Value& b) { return a.text < b.text; });
        }
        v.items = std::move(unique);
      }
      return true;
    }
    case Kind::kTuple: {
      if (!v.is_list() || v.items.size() != type.elements.size()) {
        error = "a tuple of " + std::to_string(type.elements.size()) + " elements is required";
        return false;
      }
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (!convert_to_type(v.items[i], type.elements[i], evaluator, error)) return false;
      }
      return true;
    }
    case Kind::kMap: {
      if (!v.is_map()) {
        error = "a map is required";
        return false;
      }
      for (auto& e : v.entries) {
        if (!convert_to_type(e.value, type.elements[0], evaluator, error)) return false;
      }
      return true;
    }
    case Kind::kObject: {
      if (!v.is_map()) {
        error = "an object is required";
        return false;
      }
      Value out = Value::map(v.span);
      out.origin = v.origin;
      out.refs = v.refs;
      for (const auto& a : type.attrs) {
        Value* found = v.get(a.name);
        Value item;
        if (found && !(found->is_null() && a.optional)) {
          item = std::move(*found);
        } else if (a.optional) {
          item = a.default_value ? evaluator.eval(*a.default_value) : Value::null(v.span);
        } else {
          error = "attribute \"" + a.name + "\" is required";
          return false;
        }
        if (!convert_to_type(item, a.type[0], evaluator, error)) {
          error = "attribute \"" + a.name + "\": " + error;
          return false;
        }
        out.set(a.name, std::move(item));
      }
      v = std::move(out);
      return true;
    }
    default:
      return true;
  }
}

}  // namespace gclint::terraform
