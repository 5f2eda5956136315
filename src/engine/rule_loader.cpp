#include "engine/rule_loader.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "engine/bounded_yaml.h"
#include "engine/condition_evaluator.h"
#include "engine/config.h"
#include "engine/embedded_checks.h"
#include "engine/match_program.h"
#include "engine/rule_node.h"
#include "engine/rule_pack.h"
#include "engine/spelling.h"
#include "engine/yaml_node_value.h"
#include "model/parallel.h"

namespace gclint::engine {
namespace {

using Op = Condition::Op;

const std::vector<std::string_view> kTopKeys = {
    "id",       "name",       "status", "severity", "severity_by_tier", "tiers",       "requirements",
    "aliases",  "references", "links",  "title",    "description",      "remediation", "message",
    "evidence", "params",     "match"};
const std::vector<std::string_view> kBlockKeys = {"format", "types",  "view", "each",
                                                  "where",  "assert", "deny", "message"};
// A predicate decides one condition, so it goes where conditions go (rule-format.md "Predicates").
constexpr std::string_view kPredicateIsACondition =
    "'predicate' is a condition, not a key of its own: write it under assert:, deny: or where: "
    "(for example deny: {predicate: NAME, args: {...}})";
const std::vector<std::string_view> kTiers = {"mynumber", "lgwan", "internet"};
const std::vector<std::string_view> kFormats = {"terraform", "cloudformation", "kubernetes"};
const std::vector<std::string_view> kStatuses = {"preview", "stable", "deprecated"};
const std::vector<std::string_view> kTypeNames = {"string", "number", "bool", "list", "map", "null"};
const std::vector<std::string_view> kConfigOperands = {"allowed_regions", "allowed_egress_cidrs",
                                                       "allowed_egress_prefix_lists", "allowed_vpc_endpoint_services"};

struct OperatorInfo {
  std::string_view name;
  Op op;
  bool negated;
};

const std::vector<OperatorInfo>& attribute_operators() {
  static const std::vector<OperatorInfo> ops = {
      {"exists", Op::kExists, false},
      {"equals", Op::kEquals, false},
      {"not_equals", Op::kEquals, true},
      {"one_of", Op::kOneOf, false},
      {"not_one_of", Op::kOneOf, true},
      {"matches", Op::kMatches, false},
      {"not_matches", Op::kMatches, true},
      {"contains", Op::kContains, false},
      {"gt", Op::kGt, false},
      {"gte", Op::kGte, false},
      {"lt", Op::kLt, false},
      {"lte", Op::kLte, false},
      {"empty", Op::kEmpty, false},
      {"cidr_is_any", Op::kCidrIsAny, false},
      {"cidr_is_public", Op::kCidrIsPublic, false},
      {"cidr_overlaps", Op::kCidrOverlaps, false},
      {"cidr_within", Op::kCidrWithin, false},
      {"cidr_prefix_at_most", Op::kCidrPrefixAtMost, false},
      {"type", Op::kType, false},
  };
  return ops;
}

const std::vector<std::string_view>& operator_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& info : attribute_operators()) out.push_back(info.name);
    for (std::string_view s :
         {"all", "any", "not", "some", "every", "none", "references", "referenced_by", "predicate", "ports"}) {
      out.push_back(s);
    }
    return out;
  }();
  return names;
}

bool contains(const std::vector<std::string_view>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool prefix_in_range(const model::Value& v, double max) {
  return v.is_number() && v.number >= 0 && v.number <= max && v.number == static_cast<int>(v.number);
}

}  // namespace

std::string prefix_limit_problem(const model::Value& limit) {
  if (prefix_in_range(limit, 128)) return "";
  if (!limit.is_map() || limit.entries.empty()) {
    return "takes a prefix length (8) or one per family ({ipv4: 8, ipv6: 32})";
  }
  for (const auto& entry : limit.entries) {
    if (entry.key != "ipv4" && entry.key != "ipv6") return "takes the families ipv4 and ipv6, not '" + entry.key + "'";
    if (!prefix_in_range(entry.value, entry.key == "ipv4" ? 32 : 128)) {
      return "needs a whole prefix length for " + entry.key + " (0-" + (entry.key == "ipv4" ? "32" : "128") + ")";
    }
  }
  return "";
}

namespace {

const RuleNode kAbsent;

class RuleParser {
 public:
  RuleParser(const model::SourceFile& file, bool builtin, std::vector<model::Diagnostic>& diagnostics)
      : file_(file), builtin_(builtin), diagnostics_(diagnostics) {}

  /// Reads the file with yaml-cpp (user rule files): YAML errors keep their exact position.
  std::optional<Check> parse() {
    std::optional<YAML::Node> root = load_bounded_yaml(file_, diagnostics_);
    if (!root) return std::nullopt;
    return parse(rule_node_from_yaml(*root, file_.id(), file_.content().size()));
  }

  /// Validates and compiles a tree read from this file. With `lazy_regexes`, `matches` patterns are compiled
  /// on first use (the embedded pack, whose patterns the tests compile).
  std::optional<Check> parse(const RuleNode& root, bool lazy_regexes = false) {
    lazy_regexes_ = lazy_regexes;
    if (!root.is_map()) {
      error(model::Span{file_.id(), 0, 0}, "a rule file must be a mapping with the keys of docs/rule-format.md");
      return std::nullopt;
    }
    Check check;
    check.source_path = file_.path();
    check.builtin = builtin_;
    std::filesystem::path path(file_.path());
    check.family = path.parent_path().filename().string();
    parse_check(root, check);
    if (failed_) return std::nullopt;
    return check;
  }

 private:
  model::Span span(const RuleNode& node) const { return node.span.valid() ? node.span : model::Span{file_.id(), 0, 0}; }

  void error(model::Span where, std::string message) {
    failed_ = true;
    diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError, where, std::move(message)});
  }
  void error(const RuleNode& node, std::string message) { error(span(node), std::move(message)); }

  std::optional<std::string> string_of(const RuleNode& node, std::string_view what) {
    if (!node.is_scalar()) {
      error(node, std::string(what) + " must be a string");
      return std::nullopt;
    }
    return node.text;
  }

  std::vector<std::string> strings_of(const RuleNode& node, std::string_view what) {
    std::vector<std::string> out;
    if (!node.is_sequence()) {
      error(node, std::string(what) + " must be a list of strings");
      return out;
    }
    for (const auto& item : node.items) {
      if (auto s = string_of(item, what)) out.push_back(*s);
    }
    return out;
  }

  model::LocalizedText text_of(const RuleNode& node, std::string_view what) {
    model::LocalizedText text;
    if (!node.is_map()) {
      error(node, std::string(what) + " must be a mapping {ja: ..., en: ...}");
      return text;
    }
    for (const auto& entry : node.entries) {
      std::string key = entry.first.text;
      if (key == "ja") {
        if (auto s = string_of(entry.second, what)) text.ja = *s;
      } else if (key == "en") {
        if (auto s = string_of(entry.second, what)) text.en = *s;
      } else {
        error(entry.first, unknown_word_message("language", key, {"ja", "en"}));
      }
    }
    if (text.ja.empty()) error(node, std::string(what) + " needs a Japanese text (ja)");
    if (text.en.empty()) error(node, std::string(what) + " needs an English text (en)");
    return text;
  }

  void parse_check(const RuleNode& root, Check& check) {
    std::set<std::string> seen;
    const RuleNode* match_node = &kAbsent;
    bool has_match = false;
    for (const auto& entry : root.entries) {
      std::string key = entry.first.text;
      const RuleNode& value = entry.second;
      if (!contains(kTopKeys, key)) {
        error(entry.first,
              key == "predicate" ? std::string(kPredicateIsACondition) : unknown_word_message("key", key, kTopKeys));
        continue;
      }
      seen.insert(key);
      if (key == "id") {
        if (auto s = string_of(value, "id")) check.id = *s;
        id_node_ = &value;
      } else if (key == "name") {
        if (auto s = string_of(value, "name")) check.name = *s;
        static const RE2 kSlug("^[a-z0-9]+(-[a-z0-9]+)*$");
        if (!RE2::FullMatch(check.name, kSlug))
          error(value, "name must be a lowercase slug like 's3-bucket-encryption'");
      } else if (key == "status") {
        if (auto s = string_of(value, "status")) {
          if (!contains(kStatuses, *s)) error(value, unknown_word_message("status", *s, kStatuses));
          check.status = *s;
        }
      } else if (key == "severity") {
        check.severity = severity_of(value);
      } else if (key == "severity_by_tier") {
        if (!value.is_map()) {
          error(value, "severity_by_tier must be a mapping {tier: SEVERITY}");
          continue;
        }
        for (const auto& item : value.entries) {
          std::string tier = item.first.text;
          if (!contains(kTiers, tier)) error(item.first, unknown_word_message("tier", tier, kTiers));
          check.severity_by_tier[tier] = severity_of(item.second);
        }
      } else if (key == "tiers") {
        check.tiers = strings_of(value, "tiers");
        size_t i = 0;
        for (const auto& item : value.items) {
          if (i < check.tiers.size() && !contains(kTiers, check.tiers[i])) {
            error(item, unknown_word_message("tier", check.tiers[i], kTiers));
          }
          ++i;
        }
      } else if (key == "requirements") {
        check.requirements = strings_of(value, "requirements");
      } else if (key == "aliases") {
        check.aliases = strings_of(value, "aliases");
      } else if (key == "references") {
        if (!value.is_map()) {
          error(value, "references must be a mapping {source: [ids]}");
          continue;
        }
        for (const auto& item : value.entries)
          check.references[item.first.text] = strings_of(item.second, "references");
      } else if (key == "links") {
        check.links = strings_of(value, "links");
      } else if (key == "evidence") {
        // Checks about secrets never copy the value they found into a report (SARIF is uploaded elsewhere).
        if (auto s = string_of(value, "evidence")) {
          static const std::vector<std::string_view> kEvidence = {"shown", "redacted"};
          if (!contains(kEvidence, *s)) error(value, unknown_word_message("evidence", *s, kEvidence));
          check.redact_evidence = *s == "redacted";
        }
      } else if (key == "title") {
        check.title = text_of(value, "title");
      } else if (key == "description") {
        check.description = text_of(value, "description");
      } else if (key == "remediation") {
        check.remediation = text_of(value, "remediation");
      } else if (key == "message") {
        check.message = text_of(value, "message");
      } else if (key == "params") {
        if (!value.is_map()) {
          error(value, "params must be a mapping {name: default}");
          continue;
        }
        for (const auto& item : value.entries) check.params[item.first.text] = rule_node_value(item.second);
      } else if (key == "match") {
        match_node = &value;
        has_match = true;
      }
    }
    for (std::string_view required :
         {"id", "name", "severity", "title", "description", "remediation", "message", "match"}) {
      if (!seen.count(std::string(required))) {
        error(model::Span{file_.id(), 0, 0}, "missing required key '" + std::string(required) + "'");
      }
    }
    validate_id(check);
    if (has_match) check.program = parse_match(*match_node, check);
  }

  model::Severity severity_of(const RuleNode& node) {
    if (!node.is_scalar()) {
      error(node, "severity must be one of CRITICAL, HIGH, MEDIUM, LOW");
      return model::Severity::kMedium;
    }
    auto severity = model::parse_severity(node.text);
    if (!severity || *severity == model::Severity::kInfo || node.text != model::severity_name(*severity)) {
      error(node, unknown_word_message("severity", node.text, {"CRITICAL", "HIGH", "MEDIUM", "LOW"}));
      return model::Severity::kMedium;
    }
    return *severity;
  }

  void validate_id(const Check& check) {
    if (check.id.empty()) return;
    static const RE2 kId("^[A-Z][A-Z0-9]*-[A-Z0-9]+-[0-9]{3}$");
    if (!RE2::FullMatch(check.id, kId)) {
      error(*id_node_, "id '" + check.id + "' must look like PREFIX-FAM-NNN (e.g. GC-ENC-002)");
      return;
    }
    bool gc = check.id.rfind("GC-", 0) == 0;
    if (builtin_) {
      if (!gc) error(*id_node_, "checks of the built-in pack use the GC- prefix");
      std::string stem = std::filesystem::path(file_.path()).stem().string();
      if (stem != check.id) error(*id_node_, "id '" + check.id + "' does not match the file name '" + stem + ".yaml'");
    } else if (gc) {
      error(*id_node_, "the GC- prefix is reserved for the built-in pack; give user checks their own prefix");
    }
  }

  std::shared_ptr<const MatchProgram> parse_match(const RuleNode& node, Check& check) {
    auto program = std::make_shared<MatchProgram>();
    if (!node.is_sequence() || node.size() == 0) {
      error(node, "match must be a non-empty list of match blocks");
      return program;
    }
    for (const auto& block_node : node.items) {
      if (auto block = parse_block(block_node, check)) program->blocks.push_back(std::move(*block));
    }
    return program;
  }

  std::optional<MatchBlock> parse_block(const RuleNode& node, Check& check) {
    if (!node.is_map()) {
      error(node, "a match block must be a mapping");
      return std::nullopt;
    }
    MatchBlock block;
    block.span = span(node);
    std::string format;
    bool have_condition = false;
    for (const auto& entry : node.entries) {
      std::string key = entry.first.text;
      const RuleNode& value = entry.second;
      if (!contains(kBlockKeys, key)) {
        error(entry.first, key == "predicate" ? std::string(kPredicateIsACondition)
                                              : unknown_word_message("match key", key, kBlockKeys));
        continue;
      }
      if (key == "format") {
        if (auto s = string_of(value, "format")) {
          format = *s;
          if (format == "terraform") {
            block.format = model::Format::kTerraform;
          } else if (format == "cloudformation") {
            block.format = model::Format::kCloudFormation;
          } else if (format == "kubernetes") {
            block.format = model::Format::kKubernetes;
          } else {
            error(value, unknown_word_message("format", format, kFormats));
          }
        }
      } else if (key == "types") {
        for (const std::string& type : strings_of(value, "types")) {
          if (type == "@workload") {
            for (const auto& kind : workload_kinds()) block.types.push_back(kind);
          } else if (!type.empty() && type[0] == '@') {
            error(value, unknown_word_message("type group", type, {"@workload"}));
          } else {
            block.types.push_back(type);
          }
        }
      } else if (key == "view") {
        if (auto s = string_of(value, "view")) block.view = *s;
      } else if (key == "each") {
        block.each = path_of(value);
      } else if (key == "where") {
        block.where = parse_condition(value, check, 0);
      } else if (key == "assert" || key == "deny") {
        if (have_condition) {
          error(entry.first, "a match block has exactly one of 'assert' and 'deny'");
          continue;
        }
        have_condition = true;
        block.deny = key == "deny";
        if (auto c = parse_condition(value, check, 0)) block.condition = std::move(*c);
      } else if (key == "message") {
        block.message = text_of(value, "message");
      }
    }
    if (format.empty()) error(node, "match block needs 'format'");
    if (block.types.empty()) error(node, "match block needs 'types'");
    if (!have_condition) error(node, "match block needs 'assert' or 'deny'");
    if (!block.types.empty() && block.types.front() == "Pod" && format != "kubernetes") {
      error(node, "@workload is a Kubernetes type group");
    }
    auto& types = check.resource_types[format];
    for (const auto& type : block.types) {
      if (std::find(types.begin(), types.end(), type) == types.end()) types.push_back(type);
    }
    return block;
  }

  std::optional<AttributePath> path_of(const RuleNode& node) {
    if (!node.is_scalar()) {
      error(node, "a path must be a string");
      return std::nullopt;
    }
    std::string problem;
    auto path = parse_attribute_path(node.text, problem);
    if (!path) error(node, problem);
    return path;
  }

  std::optional<Operand> operand_of(const RuleNode& node, const Check& check) {
    Operand operand;
    if (node.is_map() && node.size() == 1) {
      const auto& entry = node.entries.front();
      std::string key = entry.first.text;
      if (key == "param" || key == "config") {
        auto name = string_of(entry.second, key);
        if (!name) return std::nullopt;
        operand.name = *name;
        if (key == "param") {
          operand.kind = Operand::Kind::kParam;
          if (!check.params.count(*name)) {
            std::vector<std::string_view> names;
            for (const auto& [n, v] : check.params) names.push_back(n);
            error(entry.second, unknown_word_message("parameter", *name, names) + " (declare it under params:)");
            return std::nullopt;
          }
        } else {
          operand.kind = Operand::Kind::kConfig;
          if (!contains(kConfigOperands, *name)) {
            error(entry.second, unknown_word_message("config operand", *name, kConfigOperands));
            return std::nullopt;
          }
        }
        return operand;
      }
    }
    operand.literal = rule_node_value(node);
    return operand;
  }

  std::optional<Condition> parse_condition(const RuleNode& node, const Check& check, int depth) {
    if (depth > 32) {
      error(node, "conditions nest too deeply");
      return std::nullopt;
    }
    if (!node.is_map()) {
      error(node, "a condition must be a mapping with one operator");
      return std::nullopt;
    }
    Condition c;
    c.span = span(node);
    const RuleNode* op_key_at = &kAbsent;
    const RuleNode* op_value_at = &kAbsent;
    const RuleNode* path_at = &kAbsent;
    const RuleNode* args_at = &kAbsent;
    const RuleNode* overlaps_at = &kAbsent;
    bool has_path = false;
    bool has_args = false;
    bool has_overlaps = false;
    std::string op_name;
    for (const auto& entry : node.entries) {
      std::string key = entry.first.text;
      if (key == "path") {
        path_at = &entry.second;
        has_path = true;
        continue;
      }
      if (key == "args") {
        args_at = &entry.second;
        has_args = true;
        continue;
      }
      if (key == "overlaps") {
        overlaps_at = &entry.second;
        has_overlaps = true;
        continue;
      }
      if (!contains(operator_names(), key)) {
        error(entry.first, unknown_word_message("operator", key, operator_names()));
        return std::nullopt;
      }
      if (!op_name.empty()) {
        error(entry.first,
              "one operator per condition ('" + op_name + "' and '" + key + "'); combine them with all: or any:");
        return std::nullopt;
      }
      op_name = key;
      op_key_at = &entry.first;
      op_value_at = &entry.second;
    }
    const RuleNode& op_key = *op_key_at;
    const RuleNode& op_value = *op_value_at;
    const RuleNode& path_node = *path_at;
    const RuleNode& args_node = *args_at;
    const RuleNode& overlaps_node = *overlaps_at;
    if (op_name.empty()) {
      error(node, "condition has no operator");
      return std::nullopt;
    }
    auto reject = [&](const RuleNode& n, bool present, std::string_view key) {
      if (present) error(n, "'" + std::string(key) + "' does not go with '" + op_name + "'");
    };
    if (op_name != "predicate") reject(args_node, has_args, "args");
    if (op_name != "ports") reject(overlaps_node, has_overlaps, "overlaps");

    if (op_name == "all" || op_name == "any") {
      reject(path_node, has_path, "path");
      c.op = op_name == "all" ? Op::kAll : Op::kAny;
      if (!op_value.is_sequence() || op_value.size() == 0) {
        error(op_value, op_name + " takes a non-empty list of conditions");
        return std::nullopt;
      }
      for (const auto& child : op_value.items) {
        auto parsed = parse_condition(child, check, depth + 1);
        if (!parsed) return std::nullopt;
        c.children.push_back(std::move(*parsed));
      }
      return c;
    }
    if (op_name == "not") {
      reject(path_node, has_path, "path");
      c.op = Op::kNot;
      auto parsed = parse_condition(op_value, check, depth + 1);
      if (!parsed) return std::nullopt;
      c.children.push_back(std::move(*parsed));
      return c;
    }
    if (op_name == "some" || op_name == "every" || op_name == "none") {
      c.op = op_name == "some" ? Op::kSome : op_name == "every" ? Op::kEvery : Op::kNone;
      if (!has_path) {
        error(op_key, op_name + " needs a path:");
        return std::nullopt;
      }
      auto path = path_of(path_node);
      auto parsed = parse_condition(op_value, check, depth + 1);
      if (!path || !parsed) return std::nullopt;
      c.path = std::move(*path);
      c.children.push_back(std::move(*parsed));
      return c;
    }
    if (op_name == "references" || op_name == "referenced_by") {
      reject(path_node, has_path, "path");
      c.op = op_name == "references" ? Op::kReferences : Op::kReferencedBy;
      return parse_relation(c, op_value, check, depth) ? std::optional<Condition>(std::move(c)) : std::nullopt;
    }
    if (op_name == "predicate") {
      reject(path_node, has_path, "path");
      c.op = Op::kPredicate;
      auto name = string_of(op_value, "predicate");
      if (!name) return std::nullopt;
      const PredicateEntry* entry = find_predicate(*name);
      if (entry == nullptr) {
        std::vector<std::string_view> names;
        for (const auto& p : predicate_registry()) names.push_back(p.name);
        error(op_value, unknown_word_message("predicate", *name, names));
        return std::nullopt;
      }
      c.predicate = entry->fn;
      c.predicate_name = *name;
      if (has_args) {
        if (!args_node.is_map()) {
          error(args_node, "args must be a mapping");
          return std::nullopt;
        }
        for (const auto& arg : args_node.entries) {
          std::string key = arg.first.text;
          if (!contains(entry->arg_names, key)) {
            error(arg.first, unknown_word_message("argument of predicate " + *name, key, entry->arg_names));
            return std::nullopt;
          }
        }
        c.args = rule_node_value(args_node);
      }
      if (entry->check_args != nullptr) {
        std::string problem = entry->check_args(c.args);
        if (!problem.empty()) {
          error(has_args ? args_node : op_value, "predicate " + *name + ": " + problem);
          return std::nullopt;
        }
      }
      return c;
    }
    if (op_name == "ports") {
      reject(path_node, has_path, "path");
      c.op = Op::kPorts;
      return parse_ports(c, op_value, has_overlaps ? &overlaps_node : nullptr) ? std::optional<Condition>(std::move(c))
                                                                               : std::nullopt;
    }
    // Attribute operators.
    const OperatorInfo* info = nullptr;
    for (const auto& candidate : attribute_operators()) {
      if (candidate.name == op_name) info = &candidate;
    }
    c.op = info->op;
    c.negated = info->negated;
    if (!has_path) {
      error(op_key, "'" + op_name + "' needs a path:");
      return std::nullopt;
    }
    auto path = path_of(path_node);
    if (!path) return std::nullopt;
    c.path = std::move(*path);
    bool boolean_flag =
        c.op == Op::kExists || c.op == Op::kEmpty || c.op == Op::kCidrIsAny || c.op == Op::kCidrIsPublic;
    if (boolean_flag) {
      if (!op_value.is_scalar() || !op_value.plain || (op_value.text != "true" && op_value.text != "false")) {
        error(op_value, "'" + op_name + "' takes true or false");
        return std::nullopt;
      }
      if (op_value.text == "false") c.negated = !c.negated;
      return c;
    }
    auto operand = operand_of(op_value, check);
    if (!operand) return std::nullopt;
    c.operand = std::move(*operand);
    const model::Value& literal = c.operand.literal;
    bool is_literal = c.operand.kind == Operand::Kind::kLiteral;
    switch (c.op) {
      case Op::kOneOf:
        if (is_literal && !literal.is_list()) {
          error(op_value, "'" + op_name + "' takes a list");
          return std::nullopt;
        }
        break;
      case Op::kMatches: {
        const model::Value* pattern = is_literal ? &literal : nullptr;
        if (c.operand.kind == Operand::Kind::kParam) pattern = &check.params.at(c.operand.name);
        if (pattern == nullptr || !pattern->is_string()) {
          error(op_value, "'" + op_name + "' takes an RE2 pattern string or a string parameter");
          return std::nullopt;
        }
        if (lazy_regexes_) {
          c.regex = std::make_shared<const LazyRegex>(pattern->text);
          break;
        }
        auto regex = std::make_unique<const RE2>(pattern->text, RE2::Quiet);
        if (!regex->ok()) {
          error(op_value, "invalid RE2 pattern: " + regex->error());
          return std::nullopt;
        }
        c.regex = std::make_shared<const LazyRegex>(std::move(regex));
        break;
      }
      case Op::kGt:
      case Op::kGte:
      case Op::kLt:
      case Op::kLte:
        if (is_literal && !literal.is_number()) {
          error(op_value, "'" + op_name + "' takes a number");
          return std::nullopt;
        }
        break;
      case Op::kCidrPrefixAtMost: {
        // A prefix length for both families, or one per family: {ipv4: 8, ipv6: 32}.
        if (c.operand.kind == Operand::Kind::kConfig) {
          error(op_value, "'" + op_name + "' takes a prefix length or a parameter");
          return std::nullopt;
        }
        const model::Value* limit = is_literal ? &literal : &check.params.at(c.operand.name);
        if (std::string problem = prefix_limit_problem(*limit); !problem.empty()) {
          error(op_value, "'" + op_name + "' " + problem);
          return std::nullopt;
        }
        break;
      }
      case Op::kType:
        if (!is_literal || !literal.is_string() || !contains(kTypeNames, literal.text)) {
          error(op_value, unknown_word_message("type", literal.is_string() ? literal.text : op_value.text, kTypeNames));
          return std::nullopt;
        }
        break;
      case Op::kCidrOverlaps:
      case Op::kCidrWithin:
        if (is_literal) {
          if (!literal.is_list()) {
            error(op_value, "'" + op_name + "' takes a list of CIDRs");
            return std::nullopt;
          }
          for (const auto& item : literal.items) {
            auto cidr = item.is_string() ? parse_cidr(item.text) : std::nullopt;
            if (!cidr) {
              error(item.span, "invalid CIDR '" + item.to_display() + "'");
              return std::nullopt;
            }
            c.operand.cidrs.push_back(*cidr);
          }
        }
        break;
      default:
        break;
    }
    return c;
  }

  bool parse_relation(Condition& c, const RuleNode& node, const Check& check, int depth) {
    if (!node.is_map()) {
      error(node, "'" + std::string(c.op == Op::kReferences ? "references" : "referenced_by") + "' takes a mapping");
      return false;
    }
    bool references = c.op == Op::kReferences;
    std::vector<std::string_view> keys = references ? std::vector<std::string_view>{"path", "via", "types", "where"}
                                                    : std::vector<std::string_view>{"types", "via", "where"};
    bool have_path = false;
    for (const auto& entry : node.entries) {
      std::string key = entry.first.text;
      if (!contains(keys, key)) {
        error(entry.first, unknown_word_message("key", key, keys));
        return false;
      }
      if (key == "path") {
        auto path = path_of(entry.second);
        if (!path) return false;
        c.path = std::move(*path);
        have_path = true;
      } else if (key == "types") {
        c.types = strings_of(entry.second, "types");
      } else if (key == "via") {
        auto via = string_of(entry.second, "via");
        if (!via) return false;
        c.via = *via;
      } else if (key == "where") {
        auto where = parse_condition(entry.second, check, depth + 1);
        if (!where) return false;
        c.children.push_back(std::move(*where));
      }
    }
    if (references && have_path == !c.via.empty()) {
      error(node, "references needs exactly one of path: (an attribute) and via: (a relation kind)");
      return false;
    }
    if (!references && c.types.empty()) {
      error(node, "referenced_by needs types:");
      return false;
    }
    return true;
  }

  bool parse_ports(Condition& c, const RuleNode& node, const RuleNode* overlaps_ptr) {
    if (!node.is_map()) {
      error(node, "ports takes a mapping {from: PATH, to: PATH, protocol: PATH}");
      return false;
    }
    for (const auto& entry : node.entries) {
      std::string key = entry.first.text;
      auto path = path_of(entry.second);
      if (!path) return false;
      if (key == "from") {
        c.from_path = std::move(*path);
      } else if (key == "to") {
        c.to_path = std::move(*path);
      } else if (key == "protocol") {
        c.protocol_path = std::move(*path);
      } else {
        error(entry.first, unknown_word_message("ports key", key, {"from", "to", "protocol"}));
        return false;
      }
    }
    if (!c.from_path) {
      error(node, "ports needs from:");
      return false;
    }
    if (overlaps_ptr == nullptr || !overlaps_ptr->is_sequence() || overlaps_ptr->size() == 0) {
      error(overlaps_ptr ? *overlaps_ptr : node, "ports needs overlaps: [ports or \"from-to\" ranges]");
      return false;
    }
    for (const auto& item : overlaps_ptr->items) {
      model::Value v = rule_node_value(item);
      PortRange range;
      bool ok = false;
      if (v.is_number() && v.number >= 0 && v.number <= 65535) {
        range = {static_cast<int32_t>(v.number), static_cast<int32_t>(v.number)};
        ok = true;
      } else if (v.is_string()) {
        static const RE2 kRange("^([0-9]{1,5})-([0-9]{1,5})$");
        int a = 0;
        int b = 0;
        if (RE2::FullMatch(v.text, kRange, &a, &b) && a <= b && b <= 65535) {
          range = {a, b};
          ok = true;
        }
      }
      if (!ok) {
        error(item, "overlaps entries are ports (22) or ranges (\"5985-5986\")");
        return false;
      }
      c.ports.push_back(range);
    }
    return true;
  }

  const model::SourceFile& file_;
  bool builtin_;
  std::vector<model::Diagnostic>& diagnostics_;
  const RuleNode* id_node_ = &kAbsent;
  bool lazy_regexes_ = false;
  bool failed_ = false;
};

std::string read_file(const std::filesystem::path& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

namespace {

enum class ParamUse : uint8_t { kRegex, kPrefix, kNumber, kCidrs };

void param_uses(const Condition& c, std::map<std::string, ParamUse>& out, int depth) {
  if (depth > 64) return;
  if (c.operand.kind == Operand::Kind::kParam) {
    switch (c.op) {
      case Op::kMatches:
        out[c.operand.name] = ParamUse::kRegex;
        break;
      case Op::kCidrPrefixAtMost:
        out[c.operand.name] = ParamUse::kPrefix;
        break;
      case Op::kGt:
      case Op::kGte:
      case Op::kLt:
      case Op::kLte:
        out[c.operand.name] = ParamUse::kNumber;
        break;
      case Op::kCidrOverlaps:
      case Op::kCidrWithin:
        out[c.operand.name] = ParamUse::kCidrs;
        break;
      default:
        break;
    }
  }
  for (const Condition& child : c.children) param_uses(child, out, depth + 1);
}

const char* kind_name(const model::Value& v) {
  switch (v.kind) {
    case model::Value::Kind::kBool:
      return "true or false";
    case model::Value::Kind::kNumber:
      return "a number";
    case model::Value::Kind::kString:
      return "a string";
    case model::Value::Kind::kList:
      return "a list";
    case model::Value::Kind::kMap:
      return "a mapping";
    default:
      return "a value";
  }
}

// The problem with `value` as an override of parameter `name` (default `fallback`), or "".
std::string override_problem(const model::Value& value, const model::Value& fallback, std::optional<ParamUse> use) {
  if (use == ParamUse::kRegex) {
    if (!value.is_string()) return "takes an RE2 pattern string";
    RE2 regex(value.text, RE2::Quiet);
    return regex.ok() ? "" : "is not a valid RE2 pattern: " + regex.error();
  }
  if (use == ParamUse::kPrefix) return prefix_limit_problem(value);
  if (use == ParamUse::kNumber) return numeric_value(value) ? "" : "takes a number";
  if (use == ParamUse::kCidrs) {
    std::vector<const model::Value*> items;
    if (value.is_list()) {
      for (const auto& item : value.items) items.push_back(&item);
    } else {
      items.push_back(&value);
    }
    for (const model::Value* item : items) {
      if (!item->is_string() || !parse_cidr(item->text)) return "takes CIDRs; '" + item->to_display() + "' is not one";
    }
    return "";
  }
  bool same = value.kind == fallback.kind || (fallback.is_number() && numeric_value(value));
  return same ? "" : std::string("takes ") + kind_name(fallback) + " like its default " + fallback.to_display();
}

}  // namespace

void check_config_params(const RulePack& pack, const Config& config, std::vector<model::Diagnostic>& diagnostics) {
  auto error = [&](model::Span span, std::string message) {
    diagnostics.push_back(model::Diagnostic{model::Diagnostic::Level::kError, span, std::move(message)});
  };
  for (const auto& [id, overrides] : config.check_params) {
    auto where = config.check_spans.find(id);
    model::Span id_span = where != config.check_spans.end() ? where->second : model::Span{};
    const Check* check = pack.find(id);
    if (check == nullptr) {
      std::vector<std::string_view> ids;
      for (const Check& c : pack.checks()) ids.push_back(c.id);
      error(id_span, "checks: " + unknown_word_message("check", id, ids));
      continue;
    }
    std::map<std::string, ParamUse> uses;
    if (check->program) {
      for (const MatchBlock& block : check->program->blocks) {
        param_uses(block.condition, uses, 0);
        if (block.where) param_uses(*block.where, uses, 0);
      }
    }
    for (const auto& [name, value] : overrides) {
      model::Span span = value.span.valid() ? value.span : id_span;
      auto fallback = check->params.find(name);
      if (fallback == check->params.end()) {
        std::vector<std::string_view> names;
        for (const auto& [n, v] : check->params) names.push_back(n);
        error(span, "checks." + id + ".params: " + unknown_word_message("parameter", name, names));
        continue;
      }
      auto use = uses.find(name);
      std::string problem = override_problem(value, fallback->second,
                                             use == uses.end() ? std::nullopt : std::optional<ParamUse>(use->second));
      if (!problem.empty()) error(span, "checks." + id + ".params." + name + " " + problem);
    }
  }
}

std::optional<Check> load_rule(const model::SourceFile& file, bool builtin,
                               std::vector<model::Diagnostic>& diagnostics) {
  return RuleParser(file, builtin, diagnostics).parse();
}

std::optional<Check> load_rule_tree(const model::SourceFile& file, const RuleNode& root, bool builtin,
                                    std::vector<model::Diagnostic>& diagnostics) {
  return RuleParser(file, builtin, diagnostics).parse(root, builtin);
}

RulePack RulePack::embedded(model::SourceSet& sources, std::vector<model::Diagnostic>& diagnostics) {
  const auto& files = embedded_check_files();
  std::vector<uint32_t> ids(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    ids[i] = sources.find(files[i].path);
    if (ids[i] == model::Span::kNoFile) ids[i] = sources.add(std::string(files[i].path), std::string(files[i].content));
  }
  // The build compiled the YAML into a tree with yaml-cpp's positions; reading that skips the YAML scanner,
  // which costs far more than everything else at start-up. Each check is decoded and compiled on its own, so the
  // checks are shared among a few threads (the start-up of every command) and added in their order afterwards.
  struct Loaded {
    bool compiled = false;
    std::optional<Check> check;
    std::vector<model::Diagnostic> diagnostics;
  };
  std::vector<Loaded> loaded(files.size());
  auto load = [&](size_t i) {
    std::optional<RuleNode> tree = decode_rule_node(files[i].compiled, ids[i]);
    if (!tree) return;
    loaded[i].compiled = true;
    loaded[i].check = load_rule_tree(sources.file(ids[i]), *tree, true, loaded[i].diagnostics);
  };
  model::parallel_for(files.size(), std::min(4u, std::thread::hardware_concurrency()), load);

  RulePack pack;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!loaded[i].compiled) {
      pack.load_file(ids[i], true, sources, diagnostics);
      continue;
    }
    for (auto& d : loaded[i].diagnostics) diagnostics.push_back(std::move(d));
    pack.add(std::move(loaded[i].check), ids[i], diagnostics);
  }
  return pack;
}

void RulePack::load_directory(const std::string& dir, model::SourceSet& sources,
                              std::vector<model::Diagnostic>& diagnostics) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  std::filesystem::recursive_directory_iterator it(dir, std::filesystem::directory_options::skip_permission_denied, ec);
  if (ec) {
    diagnostics.push_back(
        {model::Diagnostic::Level::kError, {}, "cannot read check directory " + dir + ": " + ec.message()});
    return;
  }
  for (; it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const auto& path = it->path();
    if (it->is_regular_file(ec) && (path.extension() == ".yaml" || path.extension() == ".yml")) files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    bool ok = false;
    std::string content = read_file(path, ok);
    std::string display = path.lexically_normal().generic_string();
    if (!ok) {
      diagnostics.push_back({model::Diagnostic::Level::kError, {}, "cannot read rule file " + display});
      continue;
    }
    uint32_t id = sources.find(display);
    if (id == model::Span::kNoFile) id = sources.add(display, std::move(content));
    load_file(id, false, sources, diagnostics);
  }
}

void RulePack::load_file(uint32_t file_id, bool builtin, model::SourceSet& sources,
                         std::vector<model::Diagnostic>& diagnostics) {
  add(load_rule(sources.file(file_id), builtin, diagnostics), file_id, diagnostics);
}

void RulePack::add(std::optional<Check> check, uint32_t file_id, std::vector<model::Diagnostic>& diagnostics) {
  if (!check) return;
  for (const std::string& name : [&] {
         std::vector<std::string> names = check->aliases;
         names.insert(names.begin(), check->id);
         return names;
       }()) {
    if (const Check* other = find(name)) {
      diagnostics.push_back({model::Diagnostic::Level::kError, model::Span{file_id, 0, 0},
                             "check id '" + name + "' is already used by " + other->source_path});
      return;
    }
  }
  checks_.push_back(std::move(*check));
}

const Check* RulePack::find(std::string_view id) const {
  for (const Check& check : checks_) {
    if (check.id == id) return &check;
    for (const auto& alias : check.aliases) {
      if (alias == id) return &check;
    }
  }
  return nullptr;
}

}  // namespace gclint::engine
