#include "engine/predicates/policy_statements.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "engine/attribute_path.h"
#include "engine/cidr.h"
#include "engine/embedded_json.h"

namespace gclint::engine::predicates {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void gather(const model::Value& v, int depth, std::vector<PolicyDocument>& out, std::string& unknown) {
  if (depth > 16) return;
  if (v.is_unknown()) {
    if (unknown.empty()) unknown = v.text;
    return;
  }
  if (v.is_string()) {
    std::string_view text = v.text;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    if (text.empty() || text.front() != '{') return;
    // A policy written as a JSON string (heredoc, jsonencode rendered by the front end, CloudFormation string);
    // "${expr}" placeholders of unknown parts become unknown values, as the path walker reads them.
    std::optional<model::Value> parsed = parse_embedded_json(v);
    if (!parsed) {
      if (v.text.find("${") != std::string::npos && unknown.empty()) unknown = v.text;
      return;
    }
    PolicyDocument doc;
    doc.owned = std::move(*parsed);
    doc.span = v.span;
    out.push_back(std::move(doc));
    return;
  }
  if (v.is_list()) {
    for (const auto& item : v.items) gather(item, depth + 1, out, unknown);
    return;
  }
  if (!v.is_map()) return;
  if (v.get("Statement") != nullptr) {
    PolicyDocument doc;
    doc.borrowed = &v;
    doc.span = v.span;
    out.push_back(std::move(doc));
    return;
  }
  for (std::string_view key : {"policy", "Policy", "PolicyDocument", "policy_document"}) {
    if (const model::Value* inner = v.get(key)) gather(*inner, depth + 1, out, unknown);
  }
}

// A string-valued condition entry is true ("true", true, or a list holding one).
Truth truthy(const model::Value& v, bool want) {
  if (v.is_unknown()) return Truth::kUnknown;
  if (v.is_bool()) return v.boolean == want ? Truth::kTrue : Truth::kFalse;
  if (v.is_string()) return lower(v.text) == (want ? "true" : "false") ? Truth::kTrue : Truth::kFalse;
  if (v.is_list()) {
    Truth out = Truth::kFalse;
    for (const auto& item : v.items) {
      Truth t = truthy(item, want);
      if (t == Truth::kTrue) return t;
      if (t == Truth::kUnknown) out = t;
    }
    return out;
  }
  return Truth::kFalse;
}

// Condition operators split into their set qualifier, base name and IfExists suffix, all lower case.
struct Operator {
  std::string base;  // "stringequals", "bool", "numericlessthan" ...
  bool if_exists = false;
  bool for_all_values = false;
};

Operator parse_operator(std::string_view name) {
  Operator op;
  std::string text = lower(name);
  if (text.rfind("forallvalues:", 0) == 0) {
    op.for_all_values = true;
    text.erase(0, 13);
  } else if (text.rfind("foranyvalue:", 0) == 0) {
    text.erase(0, 12);
  }
  constexpr std::string_view kIfExists = "ifexists";
  if (text.size() > kIfExists.size() &&
      text.compare(text.size() - kIfExists.size(), kIfExists.size(), kIfExists) == 0) {
    op.if_exists = true;
    text.resize(text.size() - kIfExists.size());
  }
  op.base = std::move(text);
  return op;
}

// Calls `visit(op, key, value)` for every {Operator: {Key: Value}} entry; returns unknown when the condition or an
// operator block is unknown.
template <typename Visit>
Truth for_each_condition(const model::Value* condition, Visit visit) {
  if (condition == nullptr || condition->is_null()) return Truth::kFalse;
  if (condition->is_unknown()) return Truth::kUnknown;
  if (!condition->is_map()) return Truth::kFalse;
  bool unknown = false;
  for (const auto& block : condition->entries) {
    if (block.value.is_unknown()) {
      unknown = true;
      continue;
    }
    if (!block.value.is_map()) continue;
    Operator op = parse_operator(block.key);
    for (const auto& entry : block.value.entries) {
      Truth t = visit(op, lower(entry.key), entry.value);
      if (t == Truth::kTrue) return t;
      if (t == Truth::kUnknown) unknown = true;
    }
  }
  return unknown ? Truth::kUnknown : Truth::kFalse;
}

// Expressions that always name the scanning account or its organisation: the caller identity's account, the
// organisation's ID, CloudFormation's AWS::AccountId.
bool names_own_account(std::string_view expression) {
  static const RE2 kOwn(
      "^(?:module\\.[^.]+\\.)*(?:data\\.aws_caller_identity\\.[^.]+\\.account_id|"
      "data\\.aws_organizations_organization\\.[^.]+\\.id|aws_organizations_organization\\.[^.]+\\.id)$|"
      "^AWS::AccountId$");
  return RE2::FullMatch(expression, kOwn);
}

// One condition value pins a fixed set: no wildcard and no request-dependent IAM policy variable (${aws:...});
// "${expr}" placeholders of unknown Terraform values are unknown unless they name the own account.
Truth fixed_value(const model::Value& v, std::string_view key) {
  if (v.is_unknown()) return names_own_account(v.text) ? Truth::kTrue : Truth::kUnknown;
  if (!v.is_string() || v.text.empty()) return Truth::kFalse;
  // aws:userid "AROAEXAMPLEID:*" names one role's sessions (S3's "meaning of public" accepts it).
  if (key == "aws:userid") {
    static const RE2 kRoleSessions("^[A-Za-z0-9]+:\\*$");
    if (RE2::FullMatch(v.text, kRoleSessions)) return Truth::kTrue;
  }
  std::string literal;
  bool unknown = false;
  std::string_view text = v.text;
  while (!text.empty()) {
    size_t open = text.find("${");
    size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      literal += text;
      break;
    }
    literal += text.substr(0, open);
    std::string_view inner = text.substr(open + 2, close - open - 2);
    if (!names_own_account(inner)) {
      // A policy variable (${aws:username}) varies per request; a Terraform placeholder is not known.
      if (inner.find(':') != std::string_view::npos) return Truth::kFalse;
      unknown = true;
    }
    text.remove_prefix(close + 1);
  }
  if (literal.find_first_of("*?") != std::string::npos) return Truth::kFalse;
  return unknown ? Truth::kUnknown : Truth::kTrue;
}

}  // namespace

std::vector<PolicyDocument> policy_documents(const PredicateContext& context, std::string& unknown) {
  std::vector<PolicyDocument> out;
  std::vector<const model::Value*> roots;
  const model::Value* path_arg = context.args.get("path");
  if (path_arg != nullptr && path_arg->is_string()) {
    std::string error;
    auto path = parse_attribute_path(path_arg->text, error);
    if (path) collect_path_values(*path, context.current, roots);
  } else {
    roots.push_back(&context.current);
  }
  for (const model::Value* root : roots) {
    size_t before = out.size();
    gather(*root, 0, out, unknown);
    for (size_t i = before; i < out.size(); ++i) {
      if (path_arg != nullptr && path_arg->is_string()) out[i].attribute = path_arg->text;
    }
  }
  return out;
}

std::vector<const model::Value*> policy_statements(const model::Value& document) {
  std::vector<const model::Value*> out;
  const model::Value* statement = document.get("Statement");
  if (statement == nullptr) return out;
  if (statement->is_list()) {
    for (const auto& item : statement->items) out.push_back(&item);
  } else {
    out.push_back(statement);
  }
  return out;
}

bool policy_value_has(const model::Value* value, std::string_view text, bool& unknown) {
  if (value == nullptr) return false;
  if (value->is_unknown()) {
    unknown = true;
    return false;
  }
  if (value->is_string()) return iequals(value->text, text);
  if (value->is_list()) {
    for (const auto& item : value->items) {
      if (policy_value_has(&item, text, unknown)) return true;
    }
  }
  return false;
}

std::vector<std::string_view> policy_strings(const model::Value* value, bool& unknown) {
  std::vector<std::string_view> out;
  if (value == nullptr) return out;
  if (value->is_unknown()) {
    unknown = true;
  } else if (value->is_string()) {
    out.push_back(value->text);
  } else if (value->is_list()) {
    for (const auto& item : value->items) {
      if (item.is_unknown()) {
        unknown = true;
      } else if (item.is_string()) {
        out.push_back(item.text);
      }
    }
  }
  return out;
}

bool iam_glob_match(std::string_view pattern, std::string_view text) {
  // Iterative wildcard matching with single-star backtracking: linear in practice, no recursion.
  size_t p = 0;
  size_t t = 0;
  size_t star = std::string_view::npos;
  size_t mark = 0;
  auto same = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  };
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || (pattern[p] != '*' && same(pattern[p], text[t])))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

model::Span statement_span(const PolicyDocument& document, const model::Value& statement) {
  return statement.span.valid() ? statement.span : document.span;
}

Truth statement_allows(const model::Value& statement) {
  bool unknown = false;
  if (policy_value_has(statement.get("Effect"), "Allow", unknown)) return Truth::kTrue;
  return unknown ? Truth::kUnknown : Truth::kFalse;
}

Truth principal_is_public(const model::Value& statement) {
  if (const model::Value* not_principal = statement.get("NotPrincipal"); not_principal && !not_principal->is_null()) {
    return Truth::kTrue;  // Allow to everyone except the listed
  }
  const model::Value* principal = statement.get("Principal");
  if (principal == nullptr || principal->is_null()) return Truth::kFalse;
  if (principal->is_unknown()) return Truth::kUnknown;
  bool unknown = false;
  if (principal->is_string()) return principal->text == "*" ? Truth::kTrue : Truth::kFalse;
  if (principal->is_map()) {
    if (policy_value_has(principal->get("AWS"), "*", unknown)) return Truth::kTrue;
  }
  return unknown ? Truth::kUnknown : Truth::kFalse;
}

Truth condition_restricts_principal(const model::Value* condition) {
  static constexpr std::array<std::string_view, 14> kKeys = {
      "aws:sourcevpce",       "aws:sourcevpc",    "aws:sourceip",       "aws:sourcearn",      "aws:sourceaccount",
      "aws:sourceowner",      "aws:sourceorgid",  "aws:sourceorgpaths", "aws:principalorgid", "aws:principalorgpaths",
      "aws:principalaccount", "aws:principalarn", "aws:userid",         "kms:calleraccount"};
  return for_each_condition(condition, [](const Operator& op, const std::string& key, const model::Value& value) {
    if (op.if_exists || op.for_all_values) return Truth::kFalse;  // true when the key is absent
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) return Truth::kFalse;
    bool ip = key == "aws:sourceip";
    bool positive = ip ? op.base == "ipaddress"
                       : op.base == "stringequals" || op.base == "stringequalsignorecase" || op.base == "stringlike" ||
                             op.base == "arnequals" || op.base == "arnlike";
    if (!positive) return Truth::kFalse;
    std::vector<const model::Value*> values;
    if (value.is_list()) {
      for (const auto& item : value.items) values.push_back(&item);
    } else {
      values.push_back(&value);
    }
    if (values.empty()) return Truth::kFalse;
    Truth out = Truth::kTrue;
    for (const model::Value* item : values) {
      if (ip) {
        if (item->is_unknown()) {
          out = Truth::kUnknown;
          continue;
        }
        auto cidr = item->is_string() ? parse_cidr(item->text) : std::nullopt;
        if (!cidr || cidr_is_any(*cidr)) return Truth::kFalse;
        continue;
      }
      Truth fixed = fixed_value(*item, key);
      if (fixed == Truth::kFalse) return fixed;
      if (fixed == Truth::kUnknown) out = fixed;
    }
    return out;
  });
}

Truth allow_condition_requires_mfa(const model::Value* condition) {
  return for_each_condition(condition, [](const Operator& op, const std::string& key, const model::Value& value) {
    if (op.if_exists) return Truth::kFalse;
    if (key == "aws:multifactorauthpresent" && op.base == "bool") return truthy(value, true);
    // The age key exists only when MFA was used, so any bound on it (or demanding it exists) requires MFA.
    if (key == "aws:multifactorauthage") {
      if (op.base == "numericlessthan" || op.base == "numericlessthanequals") return Truth::kTrue;
      if (op.base == "null") return truthy(value, false);
    }
    return Truth::kFalse;
  });
}

Truth deny_condition_without_mfa(const model::Value* condition) {
  return for_each_condition(condition, [](const Operator& op, const std::string& key, const model::Value& value) {
    if (key == "aws:multifactorauthpresent" && op.base == "bool" && op.if_exists) return truthy(value, false);
    if (key == "aws:multifactorauthage" && op.base == "null" && !op.if_exists) return truthy(value, true);
    return Truth::kFalse;
  });
}

Truth statement_covers_action(const model::Value& statement, std::string_view action) {
  bool unknown = false;
  if (const model::Value* actions = statement.get("Action"); actions && !actions->is_null()) {
    for (std::string_view pattern : policy_strings(actions, unknown)) {
      if (iam_glob_match(pattern, action)) return Truth::kTrue;
    }
    return unknown ? Truth::kUnknown : Truth::kFalse;
  }
  if (const model::Value* not_actions = statement.get("NotAction"); not_actions && !not_actions->is_null()) {
    for (std::string_view pattern : policy_strings(not_actions, unknown)) {
      if (iam_glob_match(pattern, action)) return Truth::kFalse;
    }
    return unknown ? Truth::kUnknown : Truth::kTrue;
  }
  return Truth::kFalse;
}

}  // namespace gclint::engine::predicates
