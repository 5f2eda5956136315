#include "terraform/policy_document.h"

#include <algorithm>
#include <functional>

#include "terraform/expression_evaluator.h"

namespace gclint::terraform {

using model::Value;

namespace {

// The provider writes a one-element set as a bare string and sorts multi-element sets.
Value string_or_list(const Value& v) {
  if (!v.is_list()) return v;
  if (v.items.size() == 1) return v.items[0];
  Value out = v;
  bool all_strings = std::all_of(out.items.begin(), out.items.end(), [](const Value& x) { return x.is_string(); });
  if (all_strings) {
    std::sort(out.items.begin(), out.items.end(), [](const Value& a, const Value& b) { return a.text < b.text; });
  }
  return out;
}

void append_principals(Value& stmt, const char* key, const Value* blocks) {
  if (!blocks || !blocks->is_list() || blocks->items.empty()) return;
  Value principal = Value::map();
  for (const auto& b : blocks->items) {
    const Value* type = b.get("type");
    const Value* ids = b.get("identifiers");
    if (!type || !ids) continue;
    std::string t;
    if (!to_string_value(*type, t)) continue;
    if (t == "*") {
      stmt.set(key, Value::of_string("*"));
      return;
    }
    Value* existing = principal.get(t);
    if (!existing) existing = &principal.set(t, Value::list());
    if (ids->is_list()) {
      for (const auto& i : ids->items) existing->items.push_back(i);
    } else {
      existing->items.push_back(*ids);
    }
  }
  for (auto& e : principal.entries) e.value = string_or_list(e.value);
  stmt.set(key, std::move(principal));
}

}  // namespace

Value render_policy_document(const Value& attributes, model::Span span) {
  Value doc = Value::map();
  Value refs = Value::map();
  const Value* version = attributes.get("version");
  doc.set("Version", version && version->is_string() ? *version : Value::of_string("2012-10-17"));
  if (const Value* id = attributes.get("policy_id")) doc.set("Id", *id);
  Value statements = Value::list();
  if (const Value* sources = attributes.get("source_policy_documents"); sources && sources->is_list()) {
    for (const auto& s : sources->items) {
      merge_refs(refs, s);
      Value parsed;
      if (s.is_string() && json_decode(s.text, span, parsed)) {
        if (const Value* st = parsed.get("Statement")) {
          if (st->is_list()) {
            for (const auto& x : st->items) statements.items.push_back(x);
          } else if (st->is_map()) {
            statements.items.push_back(*st);
          }
        }
      }
    }
  }
  if (const Value* blocks = attributes.get("statement"); blocks && blocks->is_list()) {
    for (const auto& b : blocks->items) {
      Value stmt = Value::map();
      if (const Value* sid = b.get("sid"); sid && !sid->is_null()) stmt.set("Sid", *sid);
      const Value* effect = b.get("effect");
      stmt.set("Effect", effect && !effect->is_null() ? *effect : Value::of_string("Allow"));
      const char* lists[][2] = {{"actions", "Action"},
                                {"not_actions", "NotAction"},
                                {"resources", "Resource"},
                                {"not_resources", "NotResource"}};
      for (const auto& [from, to] : lists) {
        if (const Value* v = b.get(from); v && !v->is_null()) stmt.set(to, string_or_list(*v));
      }
      append_principals(stmt, "Principal", b.get("principals"));
      append_principals(stmt, "NotPrincipal", b.get("not_principals"));
      if (const Value* conds = b.get("condition"); conds && conds->is_list() && !conds->items.empty()) {
        Value condition = Value::map();
        for (const auto& c : conds->items) {
          std::string test, variable;
          const Value* values = c.get("values");
          if (!c.get("test") || !c.get("variable") || !values) continue;
          if (!to_string_value(*c.get("test"), test) || !to_string_value(*c.get("variable"), variable)) continue;
          Value* t = condition.get(test);
          if (!t) t = &condition.set(test, Value::map());
          t->set(variable, string_or_list(*values));
        }
        stmt.set("Condition", std::move(condition));
      }
      statements.items.push_back(std::move(stmt));
    }
  }
  doc.set("Statement", std::move(statements));
  merge_refs(refs, doc);
  // Keep the provider's key order (Version first) rather than jsonencode's sorted keys.
  std::string text;
  std::function<void(const Value&)> write = [&](const Value& v) {
    if (v.is_map()) {
      text += '{';
      for (size_t i = 0; i < v.entries.size(); ++i) {
        if (i) text += ',';
        text += json_encode(Value::of_string(v.entries[i].key));
        text += ':';
        write(v.entries[i].value);
      }
      text += '}';
    } else if (v.is_list()) {
      text += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) text += ',';
        write(v.items[i]);
      }
      text += ']';
    } else {
      text += json_encode(v);
    }
  };
  write(doc);
  Value out = Value::of_string(std::move(text), span);
  out.refs = std::move(refs.refs);
  return out;
}

}  // namespace gclint::terraform
