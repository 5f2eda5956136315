#include "engine/rule_loader.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "engine/config.h"
#include "engine/embedded_checks.h"
#include "engine/match_program.h"
#include "engine/rule_node.h"
#include "engine/rule_pack.h"

namespace gclint::engine {
namespace {

const char* kHeader =
    "id: GC-NET-003\nname: test-rule\nseverity: HIGH\ntitle: {ja: t, en: t}\ndescription: {ja: d, en: d}\n"
    "remediation: {ja: r, en: r}\nmessage: {ja: m, en: m}\n";

struct Loaded {
  model::SourceSet sources;
  std::vector<model::Diagnostic> diagnostics;
  std::optional<Check> check;

  std::string first_error() const {
    if (diagnostics.empty()) return "";
    auto pos = sources.begin_of(diagnostics.front().span);
    return sources.path_of(diagnostics.front().span) + ":" + std::to_string(pos.line) + ":" +
           std::to_string(pos.column) + ": " + diagnostics.front().message;
  }
};

std::unique_ptr<Loaded> load(const std::string& text, bool builtin = true,
                             const std::string& path = "checks/network/GC-NET-003.yaml") {
  auto loaded = std::make_unique<Loaded>();
  uint32_t id = loaded->sources.add(path, text);
  loaded->check = load_rule(loaded->sources.file(id), builtin, loaded->diagnostics);
  return loaded;
}

TEST(RuleLoader, LoadsAValidRule) {
  auto l = load(std::string(kHeader) +
                "tiers: [mynumber, lgwan]\nseverity_by_tier: {mynumber: CRITICAL}\nparams: {days: 365}\n"
                "match:\n"
                "  - format: terraform\n    types: [aws_security_group]\n    each: ingress\n"
                "    where: {path: protocol, not_equals: icmp}\n"
                "    deny: {all: [{path: cidr_blocks, cidr_is_any: true}, "
                "{ports: {from: from_port, to: to_port, protocol: protocol}, overlaps: [22]}]}\n"
                "  - format: kubernetes\n    types: ['@workload']\n    view: pod_spec\n"
                "    assert: {path: containers, every: {path: securityContext.privileged, not_equals: true}}\n");
  ASSERT_TRUE(l->check) << l->first_error();
  const Check& c = *l->check;
  EXPECT_EQ(c.id, "GC-NET-003");
  EXPECT_EQ(c.family, "network");
  EXPECT_EQ(c.severity_for_tier("mynumber"), model::Severity::kCritical);
  EXPECT_EQ(c.severity_for_tier("lgwan"), model::Severity::kHigh);
  ASSERT_EQ(c.program->blocks.size(), 2u);
  EXPECT_TRUE(c.program->blocks[0].deny);
  EXPECT_TRUE(c.program->blocks[0].each.has_value());
  EXPECT_EQ(c.resource_types.at("terraform"), std::vector<std::string>{"aws_security_group"});
  EXPECT_EQ(c.resource_types.at("kubernetes").size(), 8u);
  EXPECT_EQ(c.params.at("days").number, 365);
}

TEST(RuleLoader, UnknownOperatorSuggestsTheClosest) {
  auto l = load(std::string(kHeader) +
                "match:\n  - format: terraform\n    types: [t]\n"
                "    assert: {path: a, equal: 1}\n");
  EXPECT_FALSE(l->check);
  EXPECT_EQ(l->first_error(), "checks/network/GC-NET-003.yaml:11:23: unknown operator 'equal'; did you mean 'equals'?");
}

TEST(RuleLoader, UnknownKeysAndValues) {
  EXPECT_EQ(load(std::string(kHeader) + "severty: HIGH\nmatch: []\n")->first_error(),
            "checks/network/GC-NET-003.yaml:8:1: unknown key 'severty'; did you mean 'severity'?");
  auto tiers = load(std::string(kHeader) +
                    "tiers: [lgwam]\nmatch:\n  - {format: terraform, types: [t], "
                    "assert: {path: a, exists: true}}\n");
  EXPECT_EQ(tiers->first_error(), "checks/network/GC-NET-003.yaml:8:9: unknown tier 'lgwam'; did you mean 'lgwan'?");
  auto format = load(std::string(kHeader) +
                     "match:\n  - {format: terraforn, types: [t], "
                     "assert: {path: a, exists: true}}\n");
  EXPECT_NE(format->first_error().find("unknown format 'terraforn'; did you mean 'terraform'?"), std::string::npos);
}

TEST(RuleLoader, ValidatesOperands) {
  auto regex =
      load(std::string(kHeader) + "match:\n  - {format: terraform, types: [t], assert: {path: a, matches: '('}}\n");
  EXPECT_NE(regex->first_error().find("invalid RE2 pattern"), std::string::npos);
  auto cidr = load(std::string(kHeader) +
                   "match:\n  - {format: terraform, types: [t], assert: {path: a, cidr_within: [10.0.0.0/33]}}\n");
  EXPECT_NE(cidr->first_error().find("invalid CIDR '10.0.0.0/33'"), std::string::npos);
  auto param = load(std::string(kHeader) +
                    "params: {days: 1}\n"
                    "match:\n  - {format: terraform, types: [t], assert: {path: a, gte: {param: dayz}}}\n");
  EXPECT_NE(param->first_error().find("unknown parameter 'dayz'; did you mean 'days'?"), std::string::npos);
  auto two = load(std::string(kHeader) +
                  "match:\n  - {format: terraform, types: [t], assert: {path: a, exists: true, equals: 1}}\n");
  EXPECT_NE(two->first_error().find("one operator per condition"), std::string::npos);
  auto both = load(std::string(kHeader) +
                   "match:\n  - {format: terraform, types: [t], "
                   "assert: {path: a, exists: true}, deny: {path: a, exists: true}}\n");
  EXPECT_NE(both->first_error().find("exactly one of 'assert' and 'deny'"), std::string::npos);
  auto predicate = load(std::string(kHeader) +
                        "match:\n  - {format: terraform, types: [t], assert: {predicate: no_such_predicate}}\n");
  EXPECT_NE(predicate->first_error().find("unknown predicate 'no_such_predicate'"), std::string::npos);
}

TEST(RuleLoader, NewOperatorsAndPredicateArguments) {
  auto prefix =
      load(std::string(kHeader) +
           "match:\n  - {format: terraform, types: [t], assert: {path: a, cidr_prefix_at_most: {ipv4: 40}}}\n");
  EXPECT_NE(prefix->first_error().find("needs a whole prefix length for ipv4 (0-32)"), std::string::npos);
  auto family = load(std::string(kHeader) +
                     "match:\n  - {format: terraform, types: [t], assert: {path: a, cidr_prefix_at_most: {v4: 8}}}\n");
  EXPECT_NE(family->first_error().find("not 'v4'"), std::string::npos);
  auto good = load(std::string(kHeader) +
                   "match:\n  - {format: terraform, types: [t], assert: {path: a, cidr_prefix_at_most: 16}}\n");
  EXPECT_TRUE(good->check) << good->first_error();
  auto args = load(std::string(kHeader) +
                   "match:\n  - {format: terraform, types: [t], "
                   "deny: {predicate: route_reachability, args: {targets: [internet]}}}\n");
  EXPECT_NE(args->first_error().find("predicate route_reachability: unknown gateway kind 'internet'"),
            std::string::npos);
  auto relation = load(std::string(kHeader) +
                       "match:\n  - {format: kubernetes, types: [Pod], "
                       "assert: {references: {via: uses_service_account, path: a}}}\n");
  EXPECT_NE(relation->first_error().find("exactly one of path: (an attribute) and via: (a relation kind)"),
            std::string::npos);
}

TEST(RuleLoader, PredicateIsAConditionNotAKey) {
  auto in_block =
      load(std::string(kHeader) + "match:\n  - format: terraform\n    types: [t]\n    predicate: iam_policy_admin\n");
  EXPECT_NE(in_block->first_error().find("GC-NET-003.yaml:11:5: 'predicate' is a condition"), std::string::npos)
      << in_block->first_error();
  auto top = load(std::string(kHeader) + "predicate: iam_policy_admin\nmatch: []\n");
  EXPECT_NE(top->first_error().find(":8:1: 'predicate' is a condition"), std::string::npos) << top->first_error();
}

TEST(RuleLoader, IdRules) {
  auto user =
      load(std::string(kHeader) + "match:\n  - {format: terraform, types: [t], assert: {path: a, exists: true}}\n",
           false, "mychecks/net/GC-NET-003.yaml");
  EXPECT_NE(user->first_error().find("GC- prefix is reserved"), std::string::npos);
  auto misnamed =
      load(std::string(kHeader) + "match:\n  - {format: terraform, types: [t], assert: {path: a, exists: true}}\n",
           true, "checks/network/GC-NET-004.yaml");
  EXPECT_NE(misnamed->first_error().find("does not match the file name"), std::string::npos);
  auto missing = load("id: GC-NET-003\n");
  EXPECT_NE(missing->first_error().find("missing required key 'name'"), std::string::npos);
}

TEST(RuleLoader, SyntaxErrorHasAPosition) {
  auto l = load("id: [unclosed\n");
  EXPECT_FALSE(l->check);
  EXPECT_NE(l->first_error().find("YAML syntax error"), std::string::npos);
}

TEST(RulePack, DuplicateIdsAreRefused) {
  model::SourceSet sources;
  std::vector<model::Diagnostic> diagnostics;
  std::string rule =
      "id: ORG-NET-001\nname: a\nseverity: LOW\ntitle: {ja: t, en: t}\ndescription: {ja: d, en: d}\n"
      "remediation: {ja: r, en: r}\nmessage: {ja: m, en: m}\n"
      "match:\n  - {format: terraform, types: [t], assert: {path: a, exists: true}}\n";
  RulePack pack;
  pack.load_file(sources.add("a/net/ORG-NET-001.yaml", rule), false, sources, diagnostics);
  pack.load_file(sources.add("b/net/ORG-NET-001.yaml", rule), false, sources, diagnostics);
  EXPECT_EQ(pack.checks().size(), 1u);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_NE(diagnostics[0].message.find("already used by a/net/ORG-NET-001.yaml"), std::string::npos);
  EXPECT_NE(pack.find("ORG-NET-001"), nullptr);
}

TEST(RulePack, UserDirectory) {
  model::SourceSet sources;
  std::vector<model::Diagnostic> diagnostics;
  RulePack pack;
  pack.load_directory(GCLINT_SOURCE_DIR "/tests/data/engine/user_checks", sources, diagnostics);
  for (const auto& d : diagnostics) ADD_FAILURE() << d.message;
  ASSERT_EQ(pack.checks().size(), 2u);
  EXPECT_EQ(pack.checks()[0].id, "ORG-LOG-001");
  EXPECT_EQ(pack.checks()[1].id, "ORG-TST-001");
  EXPECT_EQ(pack.checks()[0].family, "logging");
  EXPECT_FALSE(pack.checks()[0].builtin);
}

// The embedded pack (checks/) must load without a single error.
TEST(RulePack, ConfigParamOverridesAreChecked) {
  model::SourceSet sources;
  std::vector<model::Diagnostic> diagnostics;
  uint32_t rule = sources.add(
      "rules/logs/T-LOG-001.yaml",
      "id: T-LOG-001\nname: t\nseverity: HIGH\ntitle: {ja: t, en: t}\ndescription: {ja: d, en: d}\n"
      "remediation: {ja: r, en: r}\nmessage: {ja: m, en: m}\nparams: {pattern: 'a+', days: 365, broad: 16, label: x}\n"
      "match:\n  - {format: terraform, types: [t], assert: {all: [{path: a, matches: {param: pattern}}, "
      "{path: d, gte: {param: days}}, {path: c, cidr_prefix_at_most: {param: broad}}]}}\n");
  RulePack pack;
  pack.load_file(rule, false, sources, diagnostics);
  ASSERT_TRUE(diagnostics.empty()) << diagnostics.front().message;
  uint32_t file =
      sources.add(".gclint.yaml",
                  "checks:\n  T-LOG-001:\n    params:\n      pattern: '('\n      days: many\n"
                  "      broad: {ipv4: 99}\n      dayz: 1\n      label: [a]\n  T-LOG-002:\n    params: {}\n");
  auto config = load_config(sources.file(file), diagnostics);
  ASSERT_TRUE(config);
  check_config_params(pack, *config, diagnostics);
  std::vector<std::string> errors;
  for (const auto& d : diagnostics) {
    auto pos = sources.begin_of(d.span);
    errors.push_back(sources.path_of(d.span) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
                     ": " + d.message);
  }
  ASSERT_EQ(errors.size(), 6u);
  EXPECT_EQ(errors[0], ".gclint.yaml:6:14: checks.T-LOG-001.params.broad needs a whole prefix length for ipv4 (0-32)");
  EXPECT_EQ(errors[1], ".gclint.yaml:5:13: checks.T-LOG-001.params.days takes a number");
  EXPECT_EQ(errors[2], ".gclint.yaml:7:13: checks.T-LOG-001.params: unknown parameter 'dayz'; did you mean 'days'?");
  EXPECT_EQ(errors[3], ".gclint.yaml:8:14: checks.T-LOG-001.params.label takes a string like its default x");
  EXPECT_EQ(errors[4].rfind(".gclint.yaml:4:16: checks.T-LOG-001.params.pattern is not a valid RE2 pattern: ", 0), 0u)
      << errors[4];
  EXPECT_EQ(errors[5], ".gclint.yaml:9:3: checks: unknown check 'T-LOG-002'; did you mean 'T-LOG-001'?");
}

TEST(RulePack, EmbeddedPackLoadsCleanly) {
  model::SourceSet sources;
  std::vector<model::Diagnostic> diagnostics;
  RulePack pack = RulePack::embedded(sources, diagnostics);
  for (const auto& d : diagnostics) {
    auto pos = sources.begin_of(d.span);
    ADD_FAILURE() << sources.path_of(d.span) << ":" << pos.line << ":" << pos.column << ": " << d.message;
  }
  EXPECT_EQ(pack.checks().size(), embedded_check_files().size());
}

bool same_tree(const RuleNode& a, const RuleNode& b) {
  if (a.kind != b.kind || a.plain != b.plain || a.text != b.text || a.span.file != b.span.file ||
      a.span.begin != b.span.begin || a.span.end != b.span.end || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size()) {
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!same_tree(a.items[i], b.items[i])) return false;
  }
  for (size_t i = 0; i < a.entries.size(); ++i) {
    if (!same_tree(a.entries[i].first, b.entries[i].first) || !same_tree(a.entries[i].second, b.entries[i].second))
      return false;
  }
  return true;
}

TEST(RuleNode, CompactFormRoundTripsAndRejectsDamage) {
  RuleNode tree = rule_node_from_yaml(YAML::Load("a: [1, 'x', {b: ~}]\nc: \"quoted\"\nd:\n"), 7);
  std::string compact = encode_rule_node(tree);
  auto back = decode_rule_node(compact, 7);
  ASSERT_TRUE(back);
  EXPECT_TRUE(same_tree(tree, *back));
  EXPECT_FALSE(back->entries[1].second.plain);
  EXPECT_EQ(rule_node_value(*back).to_json(), "{\"a\":[1,\"x\",{\"b\":null}],\"c\":\"quoted\",\"d\":null}");
  for (size_t cut = 0; cut < compact.size(); ++cut) EXPECT_FALSE(decode_rule_node(compact.substr(0, cut), 7)) << cut;
  EXPECT_FALSE(decode_rule_node(compact + "x", 7));
  EXPECT_FALSE(decode_rule_node("m\x01\x01\xff\xff\xff\xff\x0f", 7));  // a count larger than the data
}

TEST(RulePack, EmbeddedCompiledTreesMatchTheYaml) {
  for (const EmbeddedFile& file : embedded_check_files()) {
    auto compiled = decode_rule_node(file.compiled, 3);
    ASSERT_TRUE(compiled) << file.path;
    EXPECT_TRUE(same_tree(*compiled, rule_node_from_yaml(YAML::Load(std::string(file.content)), 3))) << file.path;
  }
}

TEST(RulePack, EmbeddedRulesLoadFromTheirYamlWithEveryPatternCompiled) {
  // RulePack::embedded compiles `matches` patterns on first use; the YAML path compiles and checks them all.
  model::SourceSet sources;
  for (const EmbeddedFile& file : embedded_check_files()) {
    uint32_t id = sources.add(std::string(file.path), std::string(file.content));
    std::vector<model::Diagnostic> diagnostics;
    EXPECT_TRUE(load_rule(sources.file(id), true, diagnostics)) << file.path;
    for (const auto& d : diagnostics) {
      auto pos = sources.begin_of(d.span);
      ADD_FAILURE() << file.path << ":" << pos.line << ":" << pos.column << ": " << d.message;
    }
  }
}

}  // namespace
}  // namespace gclint::engine
