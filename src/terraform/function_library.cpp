// Terraform's built-in functions (Evaluator::call), grouped as in the Terraform documentation.
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <system_error>

#include "terraform/expression_evaluator.h"
#include "terraform/hash_functions.h"
#include "terraform/hcl_parser.h"

namespace gclint::terraform {

using model::Span;
using model::Value;

namespace {

void append_json(std::string& out, const Value& v, int depth) {
  if (depth > 200) {
    out += "null";
    return;
  }
  switch (v.kind) {
    case Value::Kind::kNull:
      out += "null";
      break;
    case Value::Kind::kUnknown:
      model::append_json_string(out, "${" + v.text + "}", true);
      break;
    case Value::Kind::kBool:
      out += v.boolean ? "true" : "false";
      break;
    case Value::Kind::kNumber:
      out += model::format_number(v.number);
      break;
    case Value::Kind::kString:
      model::append_json_string(out, v.text, true);
      break;
    case Value::Kind::kList:
      out.push_back('[');
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out.push_back(',');
        append_json(out, v.items[i], depth + 1);
      }
      out.push_back(']');
      break;
    case Value::Kind::kMap: {
      out.push_back('{');
      bool first = true;
      for (const auto* e : sorted_entries(v)) {
        if (!first) out.push_back(',');
        first = false;
        model::append_json_string(out, e->key, true);
        out.push_back(':');
        append_json(out, e->value, depth + 1);
      }
      out.push_back('}');
      break;
    }
  }
}

Value from_json(const nlohmann::json& j, Span span, int depth) {
  if (depth > 200) return Value::null(span);
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return Value::null(span);
    case nlohmann::json::value_t::boolean:
      return Value::of_bool(j.get<bool>(), span);
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return Value::of_number(j.get<double>(), span);
    case nlohmann::json::value_t::string:
      return Value::of_string(j.get<std::string>(), span);
    case nlohmann::json::value_t::array: {
      Value out = Value::list(span);
      for (const auto& item : j) out.items.push_back(from_json(item, span, depth + 1));
      return out;
    }
    case nlohmann::json::value_t::object: {
      Value out = Value::map(span);
      for (auto it = j.begin(); it != j.end(); ++it) out.set(it.key(), from_json(it.value(), span, depth + 1));
      return out;
    }
    default:
      return Value::null(span);
  }
}

// `budget` counts nodes down: yaml-cpp shares an aliased node instead of copying it, so a billion-laughs string
// is small until walked.
Value from_yaml(const YAML::Node& n, Span span, int depth, uint64_t& budget) {
  if (budget == 0) return Value::null(span);
  --budget;
  if (depth > 200 || !n.IsDefined() || n.IsNull()) return Value::null(span);
  if (n.IsSequence()) {
    Value out = Value::list(span);
    for (const auto& item : n) {
      if (budget == 0) break;
      out.items.push_back(from_yaml(item, span, depth + 1, budget));
    }
    return out;
  }
  if (n.IsMap()) {
    Value out = Value::map(span);
    for (const auto& kv : n) {
      if (budget == 0) break;
      out.set(kv.first.as<std::string>(), from_yaml(kv.second, span, depth + 1, budget));
    }
    return out;
  }
  const std::string& s = n.Scalar();
  if (n.Tag() == "!" || n.Tag() == "tag:yaml.org,2002:str") return Value::of_string(s, span);
  if (s == "true" || s == "True" || s == "TRUE") return Value::of_bool(true, span);
  if (s == "false" || s == "False" || s == "FALSE") return Value::of_bool(false, span);
  if (s == "~" || s == "null" || s == "Null" || s == "NULL") return Value::null(span);
  if (!s.empty()) {
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (end && *end == 0 && std::isfinite(d) &&
        (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '+' || s[0] == '.')) {
      return Value::of_number(d, span);
    }
  }
  return Value::of_string(s, span);
}

void emit_yaml(YAML::Emitter& out, const Value& v, int depth) {
  if (depth > 200) {
    out << YAML::Null;
    return;
  }
  switch (v.kind) {
    case Value::Kind::kNull:
    case Value::Kind::kUnknown:
      out << YAML::Null;
      break;
    case Value::Kind::kBool:
      out << v.boolean;
      break;
    case Value::Kind::kNumber:
      out << model::format_number(v.number);
      break;
    case Value::Kind::kString:
      out << YAML::DoubleQuoted << v.text;
      break;
    case Value::Kind::kList:
      out << YAML::BeginSeq;
      for (const auto& i : v.items) emit_yaml(out, i, depth + 1);
      out << YAML::EndSeq;
      break;
    case Value::Kind::kMap:
      out << YAML::BeginMap;
      for (const auto* e : sorted_entries(v)) {
        out << YAML::Key << YAML::DoubleQuoted << e->key << YAML::Value;
        emit_yaml(out, e->value, depth + 1);
      }
      out << YAML::EndMap;
      break;
  }
}

const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(std::string_view in) {
  std::string out;
  size_t i = 0;
  while (i + 2 < in.size()) {
    uint32_t n = uint32_t(uint8_t(in[i])) << 16 | uint32_t(uint8_t(in[i + 1])) << 8 | uint8_t(in[i + 2]);
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += kB64[(n >> 6) & 63];
    out += kB64[n & 63];
    i += 3;
  }
  if (i + 1 == in.size()) {
    uint32_t n = uint32_t(uint8_t(in[i])) << 16;
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t n = uint32_t(uint8_t(in[i])) << 16 | uint32_t(uint8_t(in[i + 1])) << 8;
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += kB64[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

bool base64_decode(std::string_view in, std::string& out) {
  uint32_t buf = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    const char* p = std::strchr(kB64, c);
    if (!p || c == 0) return false;
    buf = (buf << 6) | uint32_t(p - kB64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buf >> bits) & 0xFF));
    }
  }
  return true;
}

bool parse_ipv4(std::string_view s, uint32_t& ip) {
  ip = 0;
  int parts = 0;
  size_t i = 0;
  while (parts < 4) {
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    uint32_t n = 0;
    size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) n = n * 10 + uint32_t(s[i++] - '0');
    if (n > 255 || i - start > 3) return false;
    ip = (ip << 8) | n;
    ++parts;
    if (parts < 4) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  return i == s.size();
}

bool parse_cidr(std::string_view s, uint32_t& ip, int& prefix) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return false;
  if (!parse_ipv4(s.substr(0, slash), ip)) return false;
  std::string p(s.substr(slash + 1));
  char* end = nullptr;
  long n = std::strtol(p.c_str(), &end, 10);
  if (p.empty() || *end || n < 0 || n > 32) return false;
  prefix = int(n);
  return true;
}

std::string ipv4_text(uint32_t ip) {
  return std::to_string(ip >> 24) + "." + std::to_string((ip >> 16) & 255) + "." + std::to_string((ip >> 8) & 255) +
         "." + std::to_string(ip & 255);
}

uint32_t prefix_mask(int prefix) { return prefix == 0 ? 0 : ~uint32_t(0) << (32 - prefix); }

std::string utf8_title(std::string s) {
  bool start = true;
  for (char& c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      if (start) c = static_cast<char>(std::toupper(u));
      start = false;
    } else {
      start = !(std::isdigit(u) || u >= 0x80);
    }
  }
  return s;
}

// Code points of a UTF-8 string (substr, strrev and length count characters, not bytes).
std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool value_less(const Value& a, const Value& b) {
  if (a.kind != b.kind) return a.kind < b.kind;
  if (a.is_number()) return a.number < b.number;
  if (a.is_string()) return a.text < b.text;
  if (a.is_bool()) return a.boolean < b.boolean;
  return a.to_json() < b.to_json();
}

// A set: duplicates removed, strings in lexical order as Terraform prints sets of strings.
Value make_set(Value list) {
  Value out = Value::list(list.span);
  out.refs = list.refs;
  std::stable_sort(list.items.begin(), list.items.end(), value_less);
  for (auto& item : list.items) {
    if (!out.items.empty() && out.items.back().same_content(item)) continue;
    out.items.push_back(std::move(item));
  }
  return out;
}

std::string convert_replacement(std::string_view r) {
  // Terraform (Go regexp) writes $1 / ${1}; RE2 writes \1.
  std::string out;
  for (size_t i = 0; i < r.size(); ++i) {
    if (r[i] == '$' && i + 1 < r.size() && std::isdigit(static_cast<unsigned char>(r[i + 1]))) {
      out += '\\';
      out += r[++i];
    } else if (r[i] == '$' && i + 3 < r.size() && r[i + 1] == '{' &&
               std::isdigit(static_cast<unsigned char>(r[i + 2])) && r[i + 3] == '}') {
      out += '\\';
      out += r[i + 2];
      i += 3;
    } else if (r[i] == '\\') {
      out += "\\\\";
    } else {
      out += r[i];
    }
  }
  return out;
}

Value regex_match_value(const RE2& re, const std::vector<re2::StringPiece>& groups, Span span) {
  int n = re.NumberOfCapturingGroups();
  if (n == 0) return Value::of_string(std::string(groups[0]), span);
  const auto& names = re.CapturingGroupNames();
  if (!names.empty()) {
    Value out = Value::map(span);
    for (const auto& [idx, name] : names) {
      out.set(name, groups[idx].data() ? Value::of_string(std::string(groups[idx]), span) : Value::null(span));
    }
    return out;
  }
  Value out = Value::list(span);
  for (int i = 1; i <= n; ++i) {
    out.items.push_back(groups[i].data() ? Value::of_string(std::string(groups[i]), span) : Value::null(span));
  }
  return out;
}

// Indexes and lengths beyond 2^53 cannot name anything; the bound keeps every later integer conversion defined.
constexpr double kMaxIndex = 9007199254740992.0;

/// True when `n` is a whole number in [lo, hi]; checked before any double -> integer conversion (UB out of range).
bool whole_in_range(double n, double lo, double hi) {
  return std::isfinite(n) && n == std::floor(n) && n >= lo && n <= hi;
}

// Widths and precisions come from the scanned configuration: "%0999999999d" must not build a gigabyte string.
constexpr int kMaxFormatWidth = 1000;

struct FormatSpec {
  bool minus = false, plus = false, space = false, zero = false, alt = false;
  int width = -1;
  int precision = -1;
};

/// Parses flags, width and precision; false with `err` set when malformed or above kMaxFormatWidth.
bool parse_format_spec(const std::string& spec, FormatSpec& out, std::string& err) {
  size_t i = 0;
  for (; i < spec.size() && std::strchr("+-# 0", spec[i]); ++i) {
    char c = spec[i];
    out.minus |= c == '-';
    out.plus |= c == '+';
    out.space |= c == ' ';
    out.zero |= c == '0';
    out.alt |= c == '#';
  }
  auto number = [&](int& n) {
    n = 0;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) {
      n = n * 10 + (spec[i++] - '0');
      if (n > kMaxFormatWidth) {
        err = "width or precision above " + std::to_string(kMaxFormatWidth);
        return false;
      }
    }
    return true;
  };
  if (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i])) && !number(out.width)) return false;
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    if (!number(out.precision)) return false;
  }
  if (i != spec.size()) {
    err = "malformed verb \"%" + spec + "\"";
    return false;
  }
  return true;
}

/// Pads `body` (whose sign/prefix part is the first `lead` bytes) to the spec's width, counting code points.
std::string pad_to_width(std::string body, size_t lead, const FormatSpec& fs, bool zero_ok) {
  size_t len = code_points(body).size();
  if (fs.width < 0 || len >= size_t(fs.width)) return body;
  size_t fill = size_t(fs.width) - len;
  if (fs.minus) return body + std::string(fill, ' ');
  if (fs.zero && zero_ok) return body.insert(lead, std::string(fill, '0'));
  return std::string(fill, ' ') + body;
}

/// Integer verbs (d, b, o, x, X) written by hand: sign and magnitude like Terraform ("%b" of -5 is "-101").
bool format_integer(const FormatSpec& fs, char verb, double n, std::string& out, std::string& err) {
  // 2^64: every whole double below it in magnitude converts to unsigned long long exactly.
  if (!std::isfinite(n) || n != std::floor(n)) {
    err = "number is not a whole number";
    return false;
  }
  if (std::fabs(n) >= 18446744073709551616.0) {
    err = "number out of range";
    return false;
  }
  unsigned base = verb == 'b' ? 2 : verb == 'o' ? 8 : verb == 'd' ? 10 : 16;
  const char* digits = verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  auto u = static_cast<unsigned long long>(std::fabs(n));
  std::string mag;
  do {
    mag.insert(mag.begin(), digits[u % base]);
    u /= base;
  } while (u);
  if (fs.precision >= 0 && mag.size() < size_t(fs.precision)) mag.insert(0, size_t(fs.precision) - mag.size(), '0');
  if (fs.precision == 0 && n == 0) mag.clear();
  std::string lead = n < 0 ? "-" : fs.plus ? "+" : fs.space ? " " : "";
  if (fs.alt) lead += verb == 'x' ? "0x" : verb == 'X' ? "0X" : verb == 'o' ? "0" : verb == 'b' ? "0b" : "";
  out = pad_to_width(lead + mag, lead.size(), fs, fs.precision < 0);
  return true;
}

/// One verb of format(); empty `err` on success.
std::string format_verb(const std::string& spec, char verb, const Value& v, std::string& err) {
  FormatSpec fs;
  if (!parse_format_spec(spec, fs, err)) return {};
  auto bad = [&]() {
    err = std::string("bad argument for %") + verb;
    return std::string();
  };
  switch (verb) {
    case 'd':
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      double n = 0;
      std::string out;
      if (to_number_value(v, n)) {
        if (!format_integer(fs, verb, n, out, err)) err = std::string("%") + verb + ": " + err;
        return out;
      }
      std::string s;
      if ((verb == 'x' || verb == 'X') && to_string_value(v, s)) {
        const char* digits = verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        for (unsigned char c : s) {
          out += digits[c >> 4];
          out += digits[c & 15];
        }
        return pad_to_width(out, 0, fs, false);
      }
      return bad();
    }
    case 'f':
    case 'e':
    case 'g': {
      double n = 0;
      if (!to_number_value(v, n)) return bad();
      // Width and precision are bounded above, so the exact length snprintf reports is small enough to allocate.
      std::string f = "%" + spec + verb;
      int len = std::snprintf(nullptr, 0, f.c_str(), n);
      if (len < 0) return bad();
      std::string out(size_t(len) + 1, '\0');
      std::snprintf(out.data(), out.size(), f.c_str(), n);
      out.resize(size_t(len));
      return out;
    }
    case 't': {
      bool b = false;
      if (!to_bool_value(v, b)) return bad();
      return pad_to_width(b ? "true" : "false", 0, fs, false);
    }
    case 'q': {
      std::string s;
      if (!to_string_value(v, s)) return bad();
      std::string out;
      model::append_json_string(out, s, true);
      return pad_to_width(out, 0, fs, false);
    }
    case 's':
    case 'v': {
      std::string s;
      if (to_string_value(v, s)) {
        if (fs.precision >= 0) {
          auto cps = code_points(s);
          if (cps.size() > size_t(fs.precision)) {
            std::string cut;
            for (size_t i = 0; i < size_t(fs.precision); ++i) cut += cps[i];
            s = std::move(cut);
          }
        }
        return pad_to_width(s, 0, fs, true);
      }
      if (verb == 'v' && (v.is_list() || v.is_map())) return json_encode(v);
      if (v.is_null()) return "null";
      return bad();
    }
    default:
      err = std::string("unsupported verb %") + verb;
      return {};
  }
}

void flatten_into(const Value& v, Value& out, int depth, bool& unknown) {
  for (const auto& item : v.items) {
    if (!item.is_known()) {
      unknown = true;
      merge_refs(out, item);
    } else if (item.is_list() && depth < 64) {
      flatten_into(item, out, depth + 1, unknown);
    } else {
      out.items.push_back(item);
    }
  }
}

}  // namespace

std::vector<const model::MapEntry*> sorted_entries(const Value& map) {
  std::vector<const model::MapEntry*> out;
  out.reserve(map.entries.size());
  for (const auto& e : map.entries) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->key < b->key; });
  return out;
}

std::string json_encode(const Value& v) {
  std::string out;
  append_json(out, v, 0);
  return out;
}

bool json_decode(std::string_view text, Span span, Value& out) {
  nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) return false;
  out = from_json(j, span, 0);
  return true;
}

bool Evaluator::read_confined(const Expr& e, const std::string& path, std::string& content, bool quiet_missing) {
  namespace fs = std::filesystem;
  fs::path p(path);
  if (p.is_relative()) p = module_dir_ / p;
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(p, ec);
  if (ec) canon = p.lexically_normal();
  if (!file_root_.empty()) {
    fs::path root = fs::weakly_canonical(file_root_, ec);
    auto rel = canon.lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") {
      error(e, "file \"" + path + "\" is outside the scanned directory; not read");
      return false;
    }
  }
  if (!fs::is_regular_file(canon, ec)) {
    if (!quiet_missing) error(e, "file \"" + path + "\" does not exist");
    return false;
  }
  if (fs::file_size(canon, ec) > limits().max_string_length) {
    error(e, "file \"" + path + "\" is larger than the string_length limit (" +
                 std::to_string(limits().max_string_length) + " bytes)");
    return false;
  }
  std::ifstream in(canon, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  content = ss.str();
  return true;
}

Value Evaluator::call(const Expr& e, std::vector<Value>& args) {
  const std::string& name = e.name;
  // Compared against ~90 literals below: a view compares the lengths first, a std::string calls strlen and memcmp.
  const std::string_view fn = name;
  Span sp = span(e);
  auto unknown = [&]() {
    Value u = Value::unknown(text(e), sp);
    for (const auto& a : args) merge_refs(u, a);
    return u;
  };
  auto argc = [&](size_t lo, size_t hi) { return args.size() >= lo && args.size() <= hi; };
  auto bad_args = [&]() { return error(e, name + ": wrong number or type of arguments"); };
  auto deep_known = [&]() {
    for (const auto& a : args) {
      if (a.contains_unknown()) return false;
    }
    return true;
  };
  auto top_known = [&]() {
    for (const auto& a : args) {
      if (!a.is_known()) return false;
    }
    return true;
  };
  auto str = [&](size_t i, std::string& out) { return i < args.size() && to_string_value(args[i], out); };
  auto num = [&](size_t i, double& out) { return i < args.size() && to_number_value(args[i], out); };
  const uint64_t max_elements = limits().max_collection_elements;
  const uint64_t max_string = limits().max_string_length;
  auto too_long = [&]() {
    return error(e, name + ": result longer than the string_length limit (" + std::to_string(max_string) + " bytes)");
  };
  auto with_refs = [&](Value v) {
    for (const auto& a : args) {
      for (const auto& r : a.refs) {
        if (std::find(v.refs.begin(), v.refs.end(), r) == v.refs.end()) v.refs.push_back(r);
      }
    }
    return v;
  };

  if (fn == "uuid" || fn == "timestamp" || fn == "bcrypt" || fn == "uuidv5" || fn == "plantimestamp") return unknown();
  if (fn == "sensitive" || fn == "nonsensitive") return argc(1, 1) ? args[0] : bad_args();
  if (fn == "type") return unknown();

  // --- collection functions that tolerate unknown elements ---
  if (fn == "length") {
    if (!argc(1, 1)) return bad_args();
    if (!args[0].is_known()) return unknown();
    const Value& v = args[0];
    if (v.is_list()) return Value::of_number(double(v.items.size()), sp);
    if (v.is_map()) return Value::of_number(double(v.entries.size()), sp);
    if (v.is_string()) return Value::of_number(double(code_points(v.text).size()), sp);
    return bad_args();
  }
  if (fn == "concat") {
    if (!top_known()) return unknown();
    Value out = Value::list(sp);
    for (auto& a : args) {
      if (!a.is_list()) return bad_args();
      for (auto& item : a.items) out.items.push_back(std::move(item));
    }
    return out;
  }
  if (fn == "merge") {
    if (!top_known()) return unknown();
    Value out = Value::map(sp);
    for (auto& a : args) {
      if (a.is_null()) continue;
      if (!a.is_map()) return bad_args();
      for (auto& en : a.entries) out.set(en.key, std::move(en.value));
    }
    return out;
  }
  if (fn == "keys" || fn == "values") {
    if (!argc(1, 1)) return bad_args();
    if (!args[0].is_known()) return unknown();
    if (!args[0].is_map()) return bad_args();
    Value out = Value::list(sp);
    for (const auto* en : sorted_entries(args[0])) {
      out.items.push_back(fn == "keys" ? Value::of_string(en->key, sp) : en->value);
    }
    return out;
  }
  if (fn == "lookup") {
    if (!argc(2, 3)) return bad_args();
    if (!args[0].is_known() || !args[1].is_known()) return unknown();
    std::string k;
    if (!args[0].is_map() || !str(1, k)) return bad_args();
    if (const Value* v = args[0].get(k)) return *v;
    if (args.size() == 3) return args[2];
    return error(e, "lookup: no key \"" + k + "\" and no default");
  }
  if (fn == "element") {
    if (!argc(2, 2)) return bad_args();
    if (!args[0].is_known() || !args[1].is_known()) return unknown();
    double n = 0;
    if (!args[0].is_list() || !num(1, n)) return bad_args();
    if (!whole_in_range(n, 0, kMaxIndex)) return error(e, "element: index must be a whole number between 0 and 2^53");
    if (args[0].items.empty()) return error(e, "element: empty list");
    return args[0].items[size_t(n) % args[0].items.size()];
  }
  if (fn == "slice") {
    if (!argc(3, 3)) return bad_args();
    if (!top_known()) return unknown();
    double a = 0, b = 0;
    if (!args[0].is_list() || !num(1, a) || !num(2, b) || !whole_in_range(a, 0, kMaxIndex) ||
        !whole_in_range(b, a, double(args[0].items.size()))) {
      return bad_args();
    }
    Value out = Value::list(sp);
    for (size_t i = size_t(a); i < size_t(b); ++i) out.items.push_back(args[0].items[i]);
    return out;
  }
  if (fn == "reverse") {
    if (!argc(1, 1)) return bad_args();
    if (!args[0].is_known()) return unknown();
    if (!args[0].is_list()) return bad_args();
    Value out = args[0];
    std::reverse(out.items.begin(), out.items.end());
    out.span = sp;
    return out;
  }
  if (fn == "flatten") {
    if (!argc(1, 1)) return bad_args();
    if (!args[0].is_known()) return unknown();
    if (!args[0].is_list()) return bad_args();
    Value out = Value::list(sp);
    bool unk = false;
    flatten_into(args[0], out, 0, unk);
    if (unk) return unknown();
    return out;
  }
  if (fn == "zipmap") {
    if (!argc(2, 2)) return bad_args();
    if (!top_known()) return unknown();
    if (!args[0].is_list() || !args[1].is_list() || args[0].items.size() != args[1].items.size()) return bad_args();
    Value out = Value::map(sp);
    for (size_t i = 0; i < args[0].items.size(); ++i) {
      std::string k;
      if (!args[0].items[i].is_known()) return unknown();
      if (!to_string_value(args[0].items[i], k)) return bad_args();
      out.set(k, args[1].items[i]);
    }
    return out;
  }
  if (fn == "one") {
    if (!argc(1, 1)) return bad_args();
    if (!args[0].is_known()) return unknown();
    if (!args[0].is_list()) return bad_args();
    if (args[0].items.empty()) return Value::null(sp);
    if (args[0].items.size() == 1) return args[0].items[0];
    return error(e, "one: list has more than one element");
  }
  if (fn == "coalesce") {
    for (const auto& a : args) {
      if (!a.is_known()) return unknown();
      if (a.is_null() || (a.is_string() && a.text.empty())) continue;
      return a;
    }
    return error(e, "coalesce: no non-null, non-empty argument");
  }
  if (fn == "coalescelist") {
    for (const auto& a : args) {
      if (!a.is_known()) return unknown();
      if (a.is_list() && !a.items.empty()) return a;
    }
    return Value::list(sp);
  }
  if (fn == "tolist" || fn == "toset" || fn == "tomap") {
    if (!argc(1, 1)) return bad_args();
    if (!args[0].is_known()) return unknown();
    Value v = args[0];
    v.span = sp;
    if (fn == "tomap") return v.is_map() || v.is_null() ? v : bad_args();
    if (!v.is_list() && !v.is_null()) return bad_args();
    if (fn == "toset" && v.is_list()) {
      if (v.contains_unknown()) return unknown();
      return make_set(std::move(v));
    }
    return v;
  }
  if (fn == "compact") {
    if (!argc(1, 1)) return bad_args();
    if (!args[0].is_known()) return unknown();
    if (!args[0].is_list()) return bad_args();
    Value out = Value::list(sp);
    for (const auto& item : args[0].items) {
      if (!item.is_known()) return unknown();
      if (item.is_null() || (item.is_string() && item.text.empty())) continue;
      out.items.push_back(item);
    }
    return out;
  }
  if (fn == "range") {
    if (!argc(1, 3) || !deep_known()) return deep_known() ? bad_args() : unknown();
    double start = 0, stop = 0, step = 1;
    if (args.size() == 1) {
      if (!num(0, stop)) return bad_args();
    } else {
      if (!num(0, start) || !num(1, stop)) return bad_args();
      if (args.size() == 3 && !num(2, step)) return bad_args();
      if (args.size() == 2 && stop < start) step = -1;
    }
    if (step == 0 || !std::isfinite(start) || !std::isfinite(stop) || !std::isfinite(step)) return bad_args();
    // The size is known before anything is built, so an oversized range costs nothing.
    double count = std::max(0.0, std::ceil((stop - start) / step));
    if (count > double(max_elements)) {
      return error(e, "range: too many elements (" + model::format_number(count) +
                          "; the collection_elements limit is " + std::to_string(max_elements) + ")");
    }
    Value out = Value::list(sp);
    out.items.reserve(size_t(count));
    for (size_t i = 0; i < size_t(count); ++i) out.items.push_back(Value::of_number(start + double(i) * step, sp));
    return out;
  }

  if (fn == "jsonencode") {
    // A policy with an unknown ARN is still worth checking: unknown leaves become "${expr}" placeholders.
    if (!argc(1, 1)) return bad_args();
    if (!args[0].is_known()) return unknown();
    Value out = Value::of_string(json_encode(args[0]), sp);
    merge_refs(out, args[0]);
    return out;
  }

  // --- everything below needs fully known arguments ---
  if (!deep_known()) return unknown();

  if (fn == "abs" || fn == "ceil" || fn == "floor" || fn == "signum") {
    double n = 0;
    if (!argc(1, 1) || !num(0, n)) return bad_args();
    double r = fn == "abs"     ? std::fabs(n)
               : fn == "ceil"  ? std::ceil(n)
               : fn == "floor" ? std::floor(n)
                               : (n > 0) - (n < 0);
    return with_refs(Value::of_number(r, sp));
  }
  if (fn == "max" || fn == "min") {
    if (fn.empty() || args.empty()) return bad_args();
    double best = 0;
    for (size_t i = 0; i < args.size(); ++i) {
      double n = 0;
      if (!num(i, n)) return bad_args();
      if (i == 0 || (fn == "max" ? n > best : n < best)) best = n;
    }
    return Value::of_number(best, sp);
  }
  if (fn == "pow") {
    double a = 0, b = 0;
    if (!argc(2, 2) || !num(0, a) || !num(1, b)) return bad_args();
    return Value::of_number(std::pow(a, b), sp);
  }
  if (fn == "parseint") {
    std::string s;
    double base = 10;
    if (!argc(2, 2) || !str(0, s) || !num(1, base) || !whole_in_range(base, 2, 62)) return bad_args();
    char* end = nullptr;
    long long n = std::strtoll(s.c_str(), &end, int(base));
    if (s.empty() || *end) return error(e, "parseint: cannot parse \"" + s + "\"");
    return Value::of_number(double(n), sp);
  }
  if (fn == "sum") {
    if (!argc(1, 1) || !args[0].is_list()) return bad_args();
    double total = 0;
    for (const auto& item : args[0].items) {
      double n = 0;
      if (!to_number_value(item, n)) return bad_args();
      total += n;
    }
    return Value::of_number(total, sp);
  }
  if (fn == "alltrue" || fn == "anytrue") {
    if (!argc(1, 1) || !args[0].is_list()) return bad_args();
    bool all = true, any = false;
    for (const auto& item : args[0].items) {
      bool b = false;
      if (!to_bool_value(item, b)) return bad_args();
      all = all && b;
      any = any || b;
    }
    return Value::of_bool(fn == "alltrue" ? all : any, sp);
  }

  // --- strings ---
  if (fn == "format") {
    std::string f;
    if (args.empty() || !str(0, f)) return bad_args();
    std::string out;
    size_t next = 1;
    for (size_t i = 0; i < f.size(); ++i) {
      if (f[i] != '%') {
        out += f[i];
        continue;
      }
      if (i + 1 < f.size() && f[i + 1] == '%') {
        out += '%';
        ++i;
        continue;
      }
      size_t j = i + 1;
      std::string spec;
      while (j < f.size() && std::strchr("+-# 0123456789.", f[j])) spec += f[j++];
      if (j >= f.size()) return error(e, "format: incomplete verb");
      if (next >= args.size()) return error(e, "format: not enough arguments");
      std::string err;
      out += format_verb(spec, f[j], args[next++], err);
      if (!err.empty()) return error(e, "format: " + err);
      if (out.size() > max_string) return too_long();
      i = j;
    }
    return with_refs(Value::of_string(out, sp));
  }
  if (fn == "formatlist") {
    if (args.empty() || !args[0].is_string()) return bad_args();
    size_t n = SIZE_MAX;
    for (size_t i = 1; i < args.size(); ++i) {
      if (args[i].is_list()) {
        if (n != SIZE_MAX && n != args[i].items.size()) return error(e, "formatlist: lists differ in length");
        n = args[i].items.size();
      }
    }
    if (n == SIZE_MAX) n = 1;
    Value out = Value::list(sp);
    for (size_t k = 0; k < n; ++k) {
      Expr call_expr = e;
      call_expr.name = "format";
      std::vector<Value> row;
      row.push_back(args[0]);
      for (size_t i = 1; i < args.size(); ++i) row.push_back(args[i].is_list() ? args[i].items[k] : args[i]);
      out.items.push_back(call(call_expr, row));
    }
    return out;
  }
  if (fn == "join") {
    std::string sep;
    if (args.size() < 2 || !str(0, sep)) return bad_args();
    std::string out;
    bool first = true;
    for (size_t i = 1; i < args.size(); ++i) {
      if (!args[i].is_list()) return bad_args();
      for (const auto& item : args[i].items) {
        std::string s;
        if (!to_string_value(item, s)) return bad_args();
        if (out.size() + sep.size() + s.size() > max_string) return too_long();
        if (!first) out += sep;
        out += s;
        first = false;
      }
    }
    return with_refs(Value::of_string(out, sp));
  }
  if (fn == "split") {
    std::string sep, s;
    if (!argc(2, 2) || !str(0, sep) || !str(1, s)) return bad_args();
    Value out = Value::list(sp);
    if (s.empty()) {
      out.items.push_back(Value::of_string("", sp));
      return out;
    }
    if (sep.empty()) {
      for (auto cp : code_points(s)) out.items.push_back(Value::of_string(std::string(cp), sp));
      return out;
    }
    size_t pos = 0;
    while (true) {
      size_t at = s.find(sep, pos);
      out.items.push_back(Value::of_string(s.substr(pos, at == std::string::npos ? std::string::npos : at - pos), sp));
      if (at == std::string::npos) break;
      pos = at + sep.size();
    }
    return out;
  }
  if (fn == "lower" || fn == "upper" || fn == "title" || fn == "chomp" || fn == "trimspace" || fn == "strrev" ||
      fn == "base64encode" || fn == "base64decode" || fn == "urlencode" || fn == "md5" || fn == "sha1" ||
      fn == "sha256" || fn == "tostring") {
    std::string s;
    if (fn == "tostring" && argc(1, 1) && args[0].is_null()) return args[0];
    if (!argc(1, 1) || !str(0, s)) return bad_args();
    std::string r;
    if (fn == "lower") {
      r = s;
      for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (fn == "upper") {
      r = s;
      for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (fn == "title") {
      r = utf8_title(s);
    } else if (fn == "chomp") {
      r = s;
      while (!r.empty() && (r.back() == '\n' || r.back() == '\r')) r.pop_back();
    } else if (fn == "trimspace") {
      size_t a = s.find_first_not_of(" \t\n\r\v\f");
      size_t b = s.find_last_not_of(" \t\n\r\v\f");
      r = a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
    } else if (fn == "strrev") {
      auto cps = code_points(s);
      for (auto it = cps.rbegin(); it != cps.rend(); ++it) r += *it;
    } else if (fn == "base64encode") {
      r = base64_encode(s);
    } else if (fn == "base64decode") {
      if (!base64_decode(s, r)) return error(e, "base64decode: invalid base64");
    } else if (fn == "urlencode") {
      char buf[4];
      for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          r += static_cast<char>(c);
        } else {
          std::snprintf(buf, sizeof buf, "%%%02X", c);
          r += buf;
        }
      }
    } else if (fn == "md5") {
      r = md5_hex(s);
    } else if (fn == "sha1") {
      r = sha1_hex(s);
    } else if (fn == "sha256") {
      r = sha256_hex(s);
    } else {
      r = s;
    }
    return with_refs(Value::of_string(r, sp));
  }
  if (fn == "tonumber") {
    double n = 0;
    if (argc(1, 1) && args[0].is_null()) return args[0];
    if (!argc(1, 1) || !num(0, n)) return error(e, "tonumber: cannot convert");
    return Value::of_number(n, sp);
  }
  if (fn == "tobool") {
    bool b = false;
    if (argc(1, 1) && args[0].is_null()) return args[0];
    if (!argc(1, 1) || !to_bool_value(args[0], b)) return error(e, "tobool: cannot convert");
    return Value::of_bool(b, sp);
  }
  if (fn == "trim" || fn == "trimprefix" || fn == "trimsuffix" || fn == "startswith" || fn == "endswith" ||
      fn == "strcontains") {
    std::string s, t;
    if (!argc(2, 2) || !str(0, s) || !str(1, t)) return bad_args();
    if (fn == "trim") {
      size_t a = s.find_first_not_of(t);
      size_t b = s.find_last_not_of(t);
      return Value::of_string(a == std::string::npos ? std::string() : s.substr(a, b - a + 1), sp);
    }
    if (fn == "trimprefix") return Value::of_string(s.rfind(t, 0) == 0 ? s.substr(t.size()) : s, sp);
    if (fn == "trimsuffix") {
      bool ends = s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
      return Value::of_string(ends ? s.substr(0, s.size() - t.size()) : s, sp);
    }
    if (fn == "startswith") return Value::of_bool(s.rfind(t, 0) == 0, sp);
    if (fn == "endswith")
      return Value::of_bool(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0, sp);
    return Value::of_bool(s.find(t) != std::string::npos, sp);
  }
  if (fn == "substr") {
    std::string s;
    double off = 0, len = 0;
    if (!argc(3, 3) || !str(0, s) || !num(1, off) || !num(2, len)) return bad_args();
    if (!whole_in_range(off, -kMaxIndex, kMaxIndex) || !whole_in_range(len, -kMaxIndex, kMaxIndex)) {
      return error(e, "substr: offset and length must be whole numbers between -2^53 and 2^53");
    }
    auto cps = code_points(s);
    long long n = static_cast<long long>(cps.size());
    long long o = static_cast<long long>(off);
    if (o < 0) o += n;
    if (o < 0 || o > n) return error(e, "substr: offset out of range");
    long long l = static_cast<long long>(len);
    if (l < 0 || o + l > n) l = n - o;
    std::string r;
    for (long long i = o; i < o + l; ++i) r += cps[size_t(i)];
    return Value::of_string(r, sp);
  }
  if (fn == "replace") {
    std::string s, pat, rep;
    if (!argc(3, 3) || !str(0, s) || !str(1, pat) || !str(2, rep)) return bad_args();
    if (pat.size() >= 2 && pat.front() == '/' && pat.back() == '/') {
      RE2 re(pat.substr(1, pat.size() - 2));
      if (!re.ok()) return error(e, "replace: invalid regular expression");
      // Each match can add the replacement once; bound the worst case before RE2 builds it.
      if (!rep.empty() && double(s.size() + 1) * double(rep.size()) + double(s.size()) > double(max_string)) {
        size_t matches = 0;
        re2::StringPiece input(s);
        re2::StringPiece match;
        size_t pos = 0;
        while (pos <= s.size() && re.Match(input, pos, s.size(), RE2::UNANCHORED, &match, 1)) {
          ++matches;
          size_t end = size_t(match.data() - s.data()) + match.size();
          pos = match.empty() ? end + 1 : end;
        }
        if (double(s.size()) + double(matches) * double(rep.size()) * 2 > double(max_string)) return too_long();
      }
      RE2::GlobalReplace(&s, re, convert_replacement(rep));
      return with_refs(Value::of_string(s, sp));
    }
    if (pat.empty()) return with_refs(Value::of_string(s, sp));
    std::string out;
    size_t pos = 0;
    while (true) {
      size_t at = s.find(pat, pos);
      if (at == std::string::npos) break;
      out.append(s, pos, at - pos);
      if (out.size() + rep.size() > max_string) return too_long();
      out += rep;
      pos = at + pat.size();
    }
    out.append(s, pos, std::string::npos);
    return with_refs(Value::of_string(out, sp));
  }
  if (fn == "regex" || fn == "regexall") {
    std::string pat, s;
    if (!argc(2, 2) || !str(0, pat) || !str(1, s)) return bad_args();
    RE2 re(pat);
    if (!re.ok()) return error(e, name + ": invalid regular expression");
    int n = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> groups(size_t(n) + 1);
    re2::StringPiece input(s);
    size_t pos = 0;
    Value all = Value::list(sp);
    while (pos <= s.size()) {
      if (!re.Match(input, pos, s.size(), RE2::UNANCHORED, groups.data(), n + 1)) break;
      all.items.push_back(regex_match_value(re, groups, sp));
      if (fn == "regex") return all.items[0];
      size_t end = size_t(groups[0].data() - s.data()) + groups[0].size();
      pos = groups[0].empty() ? end + 1 : end;
      if (all.items.size() >= max_elements) break;
    }
    if (fn == "regex") return error(e, "regex: no match");
    return all;
  }
  if (fn == "indent") {
    double n = 0;
    std::string s;
    if (!argc(2, 2) || !num(0, n) || !str(1, s) || n < 0 || n > 1000) return bad_args();
    std::string pad(size_t(n), ' ');
    if (double(s.size()) + double(std::count(s.begin(), s.end(), '\n')) * n > double(max_string)) return too_long();
    std::string out;
    for (char c : s) {
      out += c;
      if (c == '\n') out += pad;
    }
    return Value::of_string(out, sp);
  }

  // --- collections needing known elements ---
  if (fn == "contains") {
    if (!argc(2, 2) || !args[0].is_list()) return bad_args();
    for (const auto& item : args[0].items) {
      if (item.same_content(args[1])) return Value::of_bool(true, sp);
    }
    return Value::of_bool(false, sp);
  }
  if (fn == "index") {
    if (!argc(2, 2) || !args[0].is_list()) return bad_args();
    for (size_t i = 0; i < args[0].items.size(); ++i) {
      if (args[0].items[i].same_content(args[1])) return Value::of_number(double(i), sp);
    }
    return error(e, "index: value not found");
  }
  if (fn == "distinct") {
    if (!argc(1, 1) || !args[0].is_list()) return bad_args();
    Value out = Value::list(sp);
    for (const auto& item : args[0].items) {
      bool seen = false;
      for (const auto& o : out.items) seen = seen || o.same_content(item);
      if (!seen) out.items.push_back(item);
    }
    return out;
  }
  if (fn == "sort") {
    if (!argc(1, 1) || !args[0].is_list()) return bad_args();
    Value out = args[0];
    out.span = sp;
    std::vector<std::string> keys;
    for (auto& item : out.items) {
      std::string s;
      if (!to_string_value(item, s)) return bad_args();
      item = Value::of_string(s, item.span);
    }
    std::stable_sort(out.items.begin(), out.items.end(),
                     [](const Value& a, const Value& b) { return a.text < b.text; });
    return out;
  }
  if (fn == "setunion" || fn == "setintersection" || fn == "setsubtract") {
    if (args.empty()) return bad_args();
    for (const auto& a : args) {
      if (!a.is_list()) return bad_args();
    }
    auto has = [](const Value& list, const Value& v) {
      for (const auto& i : list.items) {
        if (i.same_content(v)) return true;
      }
      return false;
    };
    Value out = Value::list(sp);
    if (fn == "setunion") {
      for (const auto& a : args) {
        for (const auto& i : a.items) out.items.push_back(i);
      }
    } else if (fn == "setintersection") {
      for (const auto& i : args[0].items) {
        bool all = true;
        for (size_t k = 1; k < args.size(); ++k) all = all && has(args[k], i);
        if (all) out.items.push_back(i);
      }
    } else {
      if (args.size() != 2) return bad_args();
      for (const auto& i : args[0].items) {
        if (!has(args[1], i)) out.items.push_back(i);
      }
    }
    return make_set(std::move(out));
  }
  if (fn == "setproduct") {
    Value out = Value::list(sp);
    out.items.push_back(Value::list(sp));
    for (const auto& a : args) {
      if (!a.is_list()) return bad_args();
      Value next = Value::list(sp);
      for (const auto& prefix : out.items) {
        for (const auto& item : a.items) {
          if (next.items.size() >= max_elements) {
            return error(e, "setproduct: too many elements (the collection_elements limit is " +
                                std::to_string(max_elements) + ")");
          }
          Value row = prefix;
          row.items.push_back(item);
          next.items.push_back(std::move(row));
        }
      }
      out = std::move(next);
    }
    if (args.empty()) return bad_args();
    return out;
  }
  if (fn == "chunklist") {
    double n = 0;
    if (!argc(2, 2) || !args[0].is_list() || !num(1, n)) return bad_args();
    if (!whole_in_range(n, 0, kMaxIndex)) return error(e, "chunklist: size must be a whole number between 0 and 2^53");
    Value out = Value::list(sp);
    if (n == 0) {
      out.items.push_back(args[0]);
      return out;
    }
    for (size_t i = 0; i < args[0].items.size(); i += size_t(n)) {
      Value chunk = Value::list(sp);
      for (size_t k = i; k < std::min(args[0].items.size(), i + size_t(n)); ++k)
        chunk.items.push_back(args[0].items[k]);
      out.items.push_back(std::move(chunk));
    }
    return out;
  }
  if (fn == "transpose") {
    if (!argc(1, 1) || !args[0].is_map()) return bad_args();
    Value out = Value::map(sp);
    for (const auto* en : sorted_entries(args[0])) {
      if (!en->value.is_list()) return bad_args();
      for (const auto& item : en->value.items) {
        std::string k;
        if (!to_string_value(item, k)) return bad_args();
        Value* list = out.get(k);
        if (!list) list = &out.set(k, Value::list(sp));
        list->items.push_back(Value::of_string(en->key, sp));
      }
    }
    return out;
  }

  // --- encoding ---
  if (fn == "jsondecode") {
    std::string s;
    Value out;
    if (!argc(1, 1) || !str(0, s)) return bad_args();
    if (!json_decode(s, sp, out)) return error(e, "jsondecode: invalid JSON");
    return out;
  }
  if (fn == "yamlencode") {
    if (!argc(1, 1)) return bad_args();
    YAML::Emitter out;
    emit_yaml(out, args[0], 0);
    return Value::of_string(std::string(out.c_str()) + "\n", sp);
  }
  if (fn == "yamldecode") {
    std::string s;
    if (!argc(1, 1) || !str(0, s)) return bad_args();
    try {
      uint64_t budget = max_elements + 1;
      Value out = from_yaml(YAML::Load(s), sp, 0, budget);
      if (budget == 0) {
        return error(e, "yamldecode: more than " + std::to_string(max_elements) +
                            " nodes (collection_elements limit; possible alias bomb)");
      }
      return out;
    } catch (const std::exception&) {
      return error(e, "yamldecode: invalid YAML");
    }
  }

  // --- network ---
  if (fn == "cidrhost" || fn == "cidrnetmask" || fn == "cidrsubnet" || fn == "cidrsubnets") {
    std::string prefix_text;
    if (args.empty() || !str(0, prefix_text)) return bad_args();
    uint32_t ip = 0;
    int prefix = 0;
    if (!parse_cidr(prefix_text, ip, prefix)) {
      if (prefix_text.find(':') != std::string::npos) return unknown();  // IPv6: not evaluated
      return error(e, name + ": invalid CIDR \"" + prefix_text + "\"");
    }
    uint32_t base = ip & prefix_mask(prefix);
    if (fn == "cidrnetmask") return Value::of_string(ipv4_text(prefix_mask(prefix)), sp);
    if (fn == "cidrhost") {
      double n = 0;
      if (!argc(2, 2) || !num(1, n)) return bad_args();
      double size = std::ldexp(1.0, 32 - prefix);
      if (n < 0) n += size;
      if (!whole_in_range(n, 0, size - 1)) return error(e, "cidrhost: host number out of range");
      return Value::of_string(ipv4_text(base + uint32_t(n)), sp);
    }
    auto subnet = [&](int bits, double num_val, std::string& out) {
      if (bits < 0 || prefix + bits > 32) return false;
      if (!whole_in_range(num_val, 0, std::ldexp(1.0, bits) - 1)) return false;
      int np = prefix + bits;
      uint32_t net = base | (bits == 0 ? 0 : (uint32_t(num_val) << (32 - np)));
      out = ipv4_text(net) + "/" + std::to_string(np);
      return true;
    };
    if (fn == "cidrsubnet") {
      double bits = 0, n = 0;
      std::string out;
      if (!argc(3, 3) || !num(1, bits) || !num(2, n) || !whole_in_range(bits, 0, 32)) return bad_args();
      if (!subnet(int(bits), n, out)) return error(e, "cidrsubnet: not enough address space");
      return Value::of_string(out, sp);
    }
    Value out = Value::list(sp);
    uint64_t next = base;
    for (size_t i = 1; i < args.size(); ++i) {
      double bits = 0;
      if (!num(i, bits) || !whole_in_range(bits, 1, 32) || prefix + int(bits) > 32) return bad_args();
      int np = prefix + int(bits);
      uint64_t block = uint64_t(1) << (32 - np);
      next = (next + block - 1) / block * block;
      if (next + block > uint64_t(base) + (uint64_t(1) << (32 - prefix))) {
        return error(e, "cidrsubnets: not enough address space");
      }
      out.items.push_back(Value::of_string(ipv4_text(uint32_t(next)) + "/" + std::to_string(np), sp));
      next += block;
    }
    return out;
  }

  // --- filesystem (confined) ---
  if (fn == "file" || fn == "fileexists" || fn == "templatefile" || fn == "filebase64" || fn == "filemd5" ||
      fn == "filesha256" || fn == "filesha1") {
    std::string path;
    if (args.empty() || !str(0, path)) return bad_args();
    std::string content;
    if (fn == "fileexists") {
      uint64_t before = errors_;
      ++quiet_;
      bool ok = read_confined(e, path, content, true);
      --quiet_;
      if (errors_ != before) return unknown();
      return Value::of_bool(ok, sp);
    }
    if (!read_confined(e, path, content, false)) return unknown();
    if (fn == "file") return Value::of_string(content, sp);
    if (fn == "filebase64") return Value::of_string(base64_encode(content), sp);
    if (fn == "filemd5") return Value::of_string(md5_hex(content), sp);
    if (fn == "filesha1") return Value::of_string(sha1_hex(content), sp);
    if (fn == "filesha256") return Value::of_string(sha256_hex(content), sp);
    if (args.size() > 2 || (args.size() == 2 && !args[1].is_map())) return bad_args();
    // templatefile: the file is a heredoc body evaluated with only the given variables in scope.
    std::string marker = "GCLINT_TEMPLATE_END";
    while (content.find(marker) != std::string::npos) marker += "_";
    bool trailing_newline = !content.empty() && content.back() == '\n';
    std::string wrapped = "t = <<" + marker + "\n" + content + (trailing_newline ? "" : "\n") + marker + "\n";
    model::SourceFile tmp(model::Span::kNoFile, path, std::move(wrapped));
    std::vector<model::Diagnostic> diags;
    HclFile parsed = parse_hcl(tmp, diags);
    const Attribute* attr = parsed.body.attribute("t");
    if (!diags.empty() || !attr) return error(e, "templatefile: \"" + path + "\" is not a valid template");
    Evaluator inner(nullptr, &tmp, module_dir_, nullptr);
    inner.set_file_root(file_root_);
    if (args.size() == 2) {
      for (const auto& en : args[1].entries) inner.push(en.key, en.value);
    }
    Value v = inner.eval(attr->value);
    if (inner.error_count() > 0) return error(e, "templatefile: \"" + path + "\" could not be rendered");
    if (!v.is_known()) return unknown();
    std::string s;
    if (!to_string_value(v, s)) return bad_args();
    if (!trailing_newline && !s.empty() && s.back() == '\n') s.pop_back();
    return Value::of_string(s, sp);
  }

  return error(e, "function \"" + name + "\" is not supported; its result is unknown");
}

}  // namespace gclint::terraform
