#include "model/value.h"

#include <cmath>
#include <cstdio>

namespace gclint::model {

Value Value::null(Span span) {
  Value v;
  v.span = span;
  return v;
}

Value Value::of_bool(bool b, Span span) {
  Value v;
  v.kind = Kind::kBool;
  v.boolean = b;
  v.span = span;
  return v;
}

Value Value::of_number(double n, Span span) {
  Value v;
  v.kind = Kind::kNumber;
  v.number = n;
  v.span = span;
  return v;
}

Value Value::of_string(std::string s, Span span) {
  Value v;
  v.kind = Kind::kString;
  v.text = std::move(s);
  v.span = span;
  return v;
}

Value Value::list(Span span) {
  Value v;
  v.kind = Kind::kList;
  v.span = span;
  return v;
}

Value Value::map(Span span) {
  Value v;
  v.kind = Kind::kMap;
  v.span = span;
  return v;
}

Value Value::unknown(std::string why, Span span) {
  Value v;
  v.kind = Kind::kUnknown;
  v.text = std::move(why);
  v.span = span;
  return v;
}

Value Value::reference(Reference ref, Span span) {
  std::string why = ref.attribute.empty() ? ref.address : ref.address + "." + ref.attribute;
  Value v = unknown(std::move(why), span);
  v.refs.push_back(std::move(ref));
  return v;
}

Value Value::borrowing(const Value& of) {
  Value v;
  v.kind = of.kind;
  v.boolean = of.boolean;
  v.span = of.span;
  v.origin = of.origin;
  v.number = of.number;
  v.text = of.text;
  v.items = CompactVector<Value>::borrow(of.items);
  v.entries = CompactVector<MapEntry>::borrow(of.entries);
  v.refs = References::borrow(of.refs);
  return v;
}

bool Value::contains_unknown() const {
  switch (kind) {
    case Kind::kUnknown:
      return true;
    case Kind::kList:
      for (const auto& item : items) {
        if (item.contains_unknown()) return true;
      }
      return false;
    case Kind::kMap:
      for (const auto& entry : entries) {
        if (entry.value.contains_unknown()) return true;
      }
      return false;
    default:
      return false;
  }
}

const Value* Value::get(std::string_view key) const {
  if (kind != Kind::kMap) return nullptr;
  for (const auto& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

Value* Value::get(std::string_view key) {
  if (kind != Kind::kMap) return nullptr;
  // Through entries' non-const accessors: a borrowing value copies what it borrows before handing out a pointer.
  for (auto& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

Value& Value::set(std::string key, Value value) {
  if (kind != Kind::kMap) {
    *this = map(span);
  }
  for (auto& entry : entries) {
    if (entry.key == key) {
      entry.value = std::move(value);
      return entry.value;
    }
  }
  entries.push_back(MapEntry{std::move(key), std::move(value)});
  return entries.back().value;
}

Value& Value::push(Value value) {
  if (kind != Kind::kList) {
    *this = list(span);
  }
  items.push_back(std::move(value));
  return items.back();
}

bool Value::erase(std::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->key == key) {
      entries.erase(it);
      return true;
    }
  }
  return false;
}

std::string format_number(double n) {
  if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
    return buf;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", n);
  return buf;
}

void append_json_string(std::string& out, std::string_view text, bool escape_html) {
  out.push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || (escape_html && (c == '<' || c == '>' || c == '&'))) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

namespace {

void append_json(std::string& out, const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
    case Value::Kind::kUnknown:
      out += "null";
      break;
    case Value::Kind::kBool:
      out += v.boolean ? "true" : "false";
      break;
    case Value::Kind::kNumber:
      out += format_number(v.number);
      break;
    case Value::Kind::kString:
      append_json_string(out, v.text);
      break;
    case Value::Kind::kList:
      out.push_back('[');
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out.push_back(',');
        append_json(out, v.items[i]);
      }
      out.push_back(']');
      break;
    case Value::Kind::kMap:
      out.push_back('{');
      for (size_t i = 0; i < v.entries.size(); ++i) {
        if (i) out.push_back(',');
        append_json_string(out, v.entries[i].key);
        out.push_back(':');
        append_json(out, v.entries[i].value);
      }
      out.push_back('}');
      break;
  }
}

}  // namespace

std::string Value::to_json() const {
  std::string out;
  append_json(out, *this);
  return out;
}

std::string Value::to_display() const {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return boolean ? "true" : "false";
    case Kind::kNumber:
      return format_number(number);
    case Kind::kString:
      return text;
    case Kind::kUnknown:
      return "(unknown: " + text + ")";
    default:
      return to_json();
  }
}

bool Value::same_content(const Value& other) const {
  if (kind != other.kind) return false;
  switch (kind) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return boolean == other.boolean;
    case Kind::kNumber:
      return number == other.number;
    case Kind::kString:
    case Kind::kUnknown:
      return text == other.text;
    case Kind::kList:
      if (items.size() != other.items.size()) return false;
      for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].same_content(other.items[i])) return false;
      }
      return true;
    case Kind::kMap:
      if (entries.size() != other.entries.size()) return false;
      for (const auto& entry : entries) {
        const Value* o = other.get(entry.key);
        if (!o || !entry.value.same_content(*o)) return false;
      }
      return true;
  }
  return false;
}

}  // namespace gclint::model
