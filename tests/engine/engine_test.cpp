#include "engine/engine.h"

#include <gtest/gtest.h>

#include "engine_test_support.h"

namespace gclint::engine {
namespace {

using testing::make_resource;

std::string rule_text(const std::string& id, const std::string& match, const std::string& extra = "") {
  return "id: " + id + "\nname: rule\nseverity: HIGH\n" + extra +
         "title: {ja: t, en: t}\ndescription: {ja: d, en: d}\nremediation: {ja: 直す, en: fix it}\n"
         "message: {ja: '{resource} の {attribute} が {value}（{tier}）', en: '{resource} has {attribute} = {value} "
         "({tier}, {type})'}\nmatch:\n" +
         match;
}

class EngineTest : public ::testing::Test {
 protected:
  void add_rule(const std::string& id, const std::string& match, const std::string& extra = "") {
    std::vector<model::Diagnostic> diagnostics;
    pack_.load_file(sources_.add("rules/test/" + id + ".yaml", rule_text(id, match, extra)), false, sources_,
                    diagnostics);
    for (const auto& d : diagnostics) ADD_FAILURE() << d.message;
  }

  std::vector<model::Finding> run(EngineOptions options = {}) {
    if (options.today.empty()) options.today = "2026-11-22";
    Engine engine(pack_, config_, sources_, options);
    diagnostics_.clear();
    return engine.run(resources_, diagnostics_);
  }

  uint32_t line_of(const model::Finding& f) const { return sources_.begin_of(f.span).line; }

  model::SourceSet sources_;
  RulePack pack_;
  Config config_;
  std::vector<model::Resource> resources_;
  std::vector<model::Diagnostic> diagnostics_;
};

const char* kEncrypted = "  - {format: terraform, types: [bucket], assert: {path: sse.alg, equals: 'aws:kms'}}\n";

TEST_F(EngineTest, FindingPointsAtTheFailingValueWithRenderedMessages) {
  add_rule("T-ENC-001", kEncrypted);
  resources_.push_back(make_resource(sources_, "bucket", "bucket.a", "name: a\nsse:\n  alg: AES256\n"));
  resources_.push_back(make_resource(sources_, "bucket", "bucket.b", "name: b\nsse:\n  alg: 'aws:kms'\n"));
  auto findings = run();
  ASSERT_EQ(findings.size(), 1u);
  const auto& f = findings[0];
  EXPECT_EQ(f.check_id, "T-ENC-001");
  EXPECT_EQ(f.resource(), "bucket.a");
  EXPECT_EQ(line_of(f), 3u);
  EXPECT_EQ(f.attribute(), "sse.alg");
  EXPECT_EQ(f.evidence(), "AES256");
  EXPECT_EQ(f.tier(), "mynumber");
  EXPECT_EQ(f.message().en, "bucket.a has sse.alg = AES256 (mynumber, bucket)");
  EXPECT_EQ(f.message().ja, "bucket.a の sse.alg が AES256（mynumber）");
  ASSERT_NE(f.remediation, nullptr);
  EXPECT_EQ(f.remediation->en, "fix it");
  EXPECT_EQ(f.fingerprint().size(), 16u);
  EXPECT_FALSE(f.suppressed);
}

// A scan that knows its report language renders each message once.
TEST_F(EngineTest, OneReportLanguageRendersOnlyThatMessage) {
  add_rule("T-ENC-001", kEncrypted);
  resources_.push_back(make_resource(sources_, "bucket", "bucket.a", "name: a\nsse:\n  alg: AES256\n"));
  EngineOptions japanese;
  japanese.language = "ja";
  auto ja = run(japanese);
  ASSERT_EQ(ja.size(), 1u);
  EXPECT_EQ(ja[0].message().ja, "bucket.a の sse.alg が AES256（mynumber）");
  EXPECT_EQ(ja[0].message().en, "");
  EngineOptions english;
  english.language = "en";
  auto en = run(english);
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].message().ja, "");
  EXPECT_EQ(en[0].message().en, "bucket.a has sse.alg = AES256 (mynumber, bucket)");
  EXPECT_EQ(en[0].fingerprint(), ja[0].fingerprint());
}

// A check about secrets never copies what it found into the finding, nor into its message.
TEST_F(EngineTest, RedactedEvidenceKeepsTheValueOutOfTheFinding) {
  add_rule("T-ENC-002", "  - {format: terraform, types: [db], deny: {path: password, type: string}}\n",
           "evidence: redacted\n");
  resources_.push_back(make_resource(sources_, "db", "db.a", "password: 'Juki-Passw0rd!'\n"));
  auto findings = run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].attribute(), "password");
  EXPECT_EQ(findings[0].evidence(), "(redacted)");
  EXPECT_EQ(findings[0].message().en.find("Passw0rd"), std::string::npos) << findings[0].message().en;
  EXPECT_EQ(findings[0].message().ja.find("Passw0rd"), std::string::npos) << findings[0].message().ja;
}

TEST_F(EngineTest, EvidenceKeyTakesShownOrRedacted) {
  std::vector<model::Diagnostic> diagnostics;
  pack_.load_file(sources_.add("rules/test/T-ENC-003.yaml", rule_text("T-ENC-003", kEncrypted, "evidence: hidden\n")),
                  false, sources_, diagnostics);
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_NE(diagnostics[0].message.find("evidence"), std::string::npos) << diagnostics[0].message;
}

TEST_F(EngineTest, MissingAttributePointsAtTheResource) {
  add_rule("T-ENC-001", kEncrypted);
  resources_.push_back(make_resource(sources_, "bucket", "bucket.a", "name: a\n"));
  auto findings = run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(line_of(findings[0]), 1u);
  EXPECT_EQ(findings[0].attribute(), "sse.alg");
  EXPECT_EQ(findings[0].evidence(), "(not set)");
}

TEST_F(EngineTest, UnknownValuesAreNotEvaluated) {
  add_rule("T-ENC-001", kEncrypted);
  resources_.push_back(make_resource(sources_, "bucket", "bucket.a", "sse:\n  alg: 'unknown:var.alg'\n"));
  EXPECT_TRUE(run().empty());
  ASSERT_EQ(diagnostics_.size(), 1u);
  EXPECT_EQ(diagnostics_[0].level, model::Diagnostic::Level::kNotEvaluated);
  EXPECT_EQ(diagnostics_[0].message, "var.alg has no value; T-ENC-001 not evaluated");
  EngineOptions strict;
  strict.strict_unknown = true;
  auto findings = run(strict);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, model::Severity::kInfo);
  EXPECT_EQ(findings[0].message().en, "var.alg has no value; T-ENC-001 not evaluated");
}

TEST_F(EngineTest, TiersFromPlacementTagsAndSubnets) {
  add_rule("T-NET-001", "  - {format: terraform, types: [instance], deny: {path: public, equals: true}}\n",
           "tiers: [mynumber, lgwan]\nseverity_by_tier: {mynumber: CRITICAL}\n");
  config_.placements.push_back(PlacementRule{"envs/web/**", "", "internet", ""});
  resources_.push_back(make_resource(sources_, "instance", "instance.default", "public: true"));
  resources_.push_back(make_resource(sources_, "instance", "instance.tagged", "public: true"));
  resources_.back().tags = {{"gc-tier", "lgwan"}};
  resources_.push_back(
      make_resource(sources_, "instance", "instance.in_subnet", "public: true\nsubnet_id: 'ref:subnet.s#id'"));
  resources_.push_back(make_resource(sources_, "subnet", "subnet.s", "vpc_id: 'ref:vpc.v#id'"));
  resources_.push_back(make_resource(sources_, "vpc", "vpc.v", "cidr: 10.0.0.0/16"));
  resources_.back().tags = {{"gc-tier", "internet"}, {"gc-zone", "dmz"}};
  uint32_t web = sources_.add("envs/web/main.tf", "x");
  resources_.push_back(make_resource(sources_, "instance", "instance.web", "public: true"));
  resources_.back().span = model::Span{web, 0, 1};
  auto findings = run();
  EXPECT_EQ(resources_[2].tier, "internet");
  EXPECT_EQ(resources_[2].zone, "dmz");
  EXPECT_EQ(resources_[5].tier, "internet");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].resource(), "instance.default");
  EXPECT_EQ(findings[0].severity, model::Severity::kCritical);
  EXPECT_EQ(findings[1].resource(), "instance.tagged");
  EXPECT_EQ(findings[1].severity, model::Severity::kHigh);
}

TEST_F(EngineTest, ModuleAddressPlacementAndZoneOnly) {
  add_rule("T-EGR-001",
           "  - {format: terraform, types: [nat], where: {not: {path: $zone, equals: dmz}}, "
           "deny: {path: $type, equals: nat}}\n");
  config_.placements.push_back(PlacementRule{"", "module.relay*", "", "dmz"});
  resources_.push_back(make_resource(sources_, "nat", "module.relay_a.nat.x", "a: 1"));
  resources_.back().module_address = "module.relay_a";
  resources_.push_back(make_resource(sources_, "nat", "module.app.nat.y", "a: 1"));
  resources_.back().module_address = "module.app";
  auto findings = run();
  EXPECT_EQ(resources_[0].zone, "dmz");
  EXPECT_EQ(resources_[0].tier, "mynumber");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].resource(), "module.app.nat.y");
}

TEST_F(EngineTest, EachWithWhereGivesOneFindingPerElement) {
  add_rule("T-NET-002",
           "  - format: terraform\n    types: [sg]\n    each: ingress\n    where: {path: protocol, not_equals: icmp}\n"
           "    deny: {path: cidr, cidr_is_any: true}\n");
  resources_.push_back(
      make_resource(sources_, "sg", "sg.a",
                    "ingress:\n  - {protocol: tcp, cidr: 0.0.0.0/0}\n  - {protocol: icmp, cidr: 0.0.0.0/0}\n"
                    "  - {protocol: udp, cidr: ::/0}\n"));
  auto findings = run();
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(line_of(findings[0]), 2u);
  EXPECT_EQ(findings[0].attribute(), "ingress[0].cidr");
  EXPECT_EQ(line_of(findings[1]), 4u);
}

TEST_F(EngineTest, EnabledAndDisabledChecks) {
  add_rule("T-ENC-001", kEncrypted);
  resources_.push_back(make_resource(sources_, "bucket", "bucket.a", "sse:\n  alg: AES256\n"));
  config_.disabled_checks = {"test"};  // the family (directory word)
  EXPECT_TRUE(run().empty());
  config_.disabled_checks = {};
  config_.enabled_checks = {"T-OTHER-001"};
  EXPECT_TRUE(run().empty());
  EngineOptions only;
  only.only_checks = {"T-ENC-001"};
  EXPECT_EQ(run(only).size(), 1u);
}

TEST_F(EngineTest, ParamOverridesFromConfig) {
  add_rule("T-LOG-001", "  - {format: terraform, types: [log], assert: {path: days, gte: {param: min}}}\n",
           "params: {min: 365}\n");
  resources_.push_back(make_resource(sources_, "log", "log.a", "days: 400"));
  EXPECT_TRUE(run().empty());
  config_.check_params["T-LOG-001"]["min"] = model::Value::of_number(500);
  EXPECT_EQ(run().size(), 1u);
}

TEST_F(EngineTest, InlineSuppressions) {
  add_rule("T-ENC-001", kEncrypted);
  // On the flagged line.
  resources_.push_back(
      make_resource(sources_, "bucket", "bucket.a",
                    "sse:\n  alg: AES256  # gclint:ignore T-ENC-001 reason=\"legacy\" until=2027-03-31\n"));
  // Above the resource's first line (the resource starts at line 2 here).
  resources_.push_back(make_resource(sources_, "bucket", "bucket.b",
                                     "# gclint:ignore T-ENC-001 reason=\"shared key\"\nsse:\n  alg: AES256\n"));
  resources_.back().span.begin = resources_.back().span.end = 48;
  // Without a reason: reported and not suppressing.
  resources_.push_back(
      make_resource(sources_, "bucket", "bucket.c", "sse:\n  alg: AES256  # gclint:ignore T-ENC-001\n"));
  // Expired.
  resources_.push_back(make_resource(sources_, "bucket", "bucket.d",
                                     "sse:\n  alg: AES256  # gclint:ignore T-ENC-001 reason=\"x\" until=2020-01-01\n"));
  auto findings = run();
  std::map<std::string, std::vector<const model::Finding*>> by_resource;
  for (const auto& f : findings) by_resource[std::string(f.resource())].push_back(&f);
  ASSERT_EQ(by_resource["bucket.a"].size(), 1u);
  EXPECT_TRUE(by_resource["bucket.a"][0]->suppressed);
  EXPECT_EQ(by_resource["bucket.a"][0]->suppression_reason(), "legacy");
  ASSERT_EQ(by_resource["bucket.b"].size(), 1u);
  EXPECT_TRUE(by_resource["bucket.b"][0]->suppressed);
  ASSERT_EQ(by_resource["bucket.c"].size(), 2u);
  for (const auto* f : by_resource["bucket.c"]) {
    EXPECT_FALSE(f->suppressed);
    if (f->check_id == "GC-SUP-001") {
      EXPECT_EQ(f->severity, model::Severity::kLow);
      EXPECT_EQ(f->message().en, "gclint:ignore T-ENC-001 has no reason, so it suppresses nothing");
    }
  }
  ASSERT_EQ(by_resource["bucket.d"].size(), 2u);
  for (const auto* f : by_resource["bucket.d"]) {
    EXPECT_FALSE(f->suppressed);
    if (f->check_id == "GC-SUP-001") {
      EXPECT_NE(f->message().en.find("expired on 2020-01-01"), std::string::npos);
    }
  }
}

TEST_F(EngineTest, MetadataSuppressions) {
  add_rule("T-ENC-001",
           "  - {format: cloudformation, types: [bucket], assert: {path: sse.alg, equals: 'aws:kms'}}\n"
           "  - {format: kubernetes, types: [bucket], assert: {path: sse.alg, equals: 'aws:kms'}}\n");
  resources_.push_back(make_resource(sources_, "bucket", "A", "sse: {alg: AES256}", model::Format::kCloudFormation));
  resources_.back().metadata =
      testing::make_resource(sources_, "m", "m", "gclint:\n  ignore:\n    - {id: T-ENC-001, reason: ok}\n").attributes;
  resources_.push_back(make_resource(sources_, "bucket", "B", "sse: {alg: AES256}", model::Format::kCloudFormation));
  resources_.back().metadata =
      testing::make_resource(sources_, "m", "m2", "gclint:\n  ignore:\n    - {id: T-ENC-001}\n").attributes;
  resources_.push_back(
      make_resource(sources_, "bucket", "bucket/default/c", "sse: {alg: AES256}", model::Format::kKubernetes));
  resources_.back().metadata =
      testing::make_resource(sources_, "m", "m3", "gclint.io/ignore: 'T-ENC-001 reason=needed by vendor'").attributes;
  auto findings = run();
  int suppressed = 0;
  int sup = 0;
  for (const auto& f : findings) {
    if (f.check_id == "GC-SUP-001") ++sup;
    if (f.suppressed) ++suppressed;
    if (f.resource() == "bucket/default/c") {
      EXPECT_EQ(f.suppression_reason(), "needed by vendor");
    }
  }
  EXPECT_EQ(suppressed, 2);
  EXPECT_EQ(sup, 1);
}

TEST_F(EngineTest, CloudFormationScenarioCopies) {
  add_rule("T-ENC-001", "  - {format: cloudformation, types: [bucket], assert: {path: sse.alg, equals: 'aws:kms'}}\n");
  uint32_t file = sources_.add("template.yaml", "Resources:\n  A:\n    sse: {alg: AES256}\n  B:\n    sse: {alg: x}\n");
  auto copy = [&](const std::string& address, const std::string& scenario, const std::string& alg, uint32_t at) {
    model::Resource r;
    r.format = model::Format::kCloudFormation;
    r.type = "bucket";
    r.address = address;
    r.scenario = scenario;
    r.span = model::Span{file, at, at + 1};
    r.attributes = model::Value::map(r.span);
    model::Value sse = model::Value::map(r.span);
    sse.set("alg", model::Value::of_string(alg, model::Span{file, at + 10, at + 16}));
    r.attributes.set("sse", std::move(sse));
    resources_.push_back(std::move(r));
  };
  copy("A", "IsProd=true", "AES256", 13);
  copy("A", "IsProd=false", "AES256", 13);
  copy("B", "IsProd=true", "aws:kms", 40);
  copy("B", "IsProd=false", "x", 40);
  auto findings = run();
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].resource(), "A");
  EXPECT_EQ(findings[0].scenario(), "");
  EXPECT_EQ(findings[1].resource(), "B");
  EXPECT_EQ(findings[1].scenario(), "IsProd=false");
  EXPECT_NE(findings[1].message().en.find("(when IsProd=false)"), std::string::npos);
  EXPECT_NE(findings[1].message().ja.find("（IsProd=false の場合）"), std::string::npos);
}

TEST_F(EngineTest, FindingsAreSortedAndFingerprintsStable) {
  add_rule("T-ENC-001", kEncrypted);
  add_rule("T-ENC-002", "  - {format: terraform, types: [bucket], assert: {path: name, equals: ok}}\n");
  resources_.push_back(make_resource(sources_, "bucket", "bucket.z", "name: a\nsse:\n  alg: AES256\n"));
  resources_.push_back(make_resource(sources_, "bucket", "bucket.a", "name: a\nsse:\n  alg: AES256\n"));
  auto findings = run();
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].resource(), "bucket.a");
  EXPECT_EQ(findings[0].check_id, "T-ENC-002");
  EXPECT_EQ(findings[1].check_id, "T-ENC-001");
  EXPECT_EQ(findings[2].resource(), "bucket.z");
  auto again = run();
  for (size_t i = 0; i < findings.size(); ++i) EXPECT_EQ(findings[i].fingerprint(), again[i].fingerprint());
  EXPECT_NE(findings[0].fingerprint(), findings[1].fingerprint());
}

TEST_F(EngineTest, PlanResourcesRunTerraformBlocksAndSecretsAreRedacted) {
  add_rule("T-ENC-001",
           kEncrypted +
               std::string("  - {format: kubernetes, types: [Secret], deny: {path: data.password, exists: true}}\n"));
  resources_.push_back(
      make_resource(sources_, "bucket", "bucket.p", "sse:\n  alg: AES256\n", model::Format::kTerraformPlan));
  resources_.push_back(make_resource(sources_, "Secret", "Secret/default/s", "data:\n  password: hunter2\n",
                                     model::Format::kKubernetes));
  auto findings = run();
  ASSERT_EQ(findings.size(), 2u);
  for (const auto& f : findings) {
    EXPECT_EQ(f.message().en.find("hunter2"), std::string::npos);
  }
}

TEST_F(EngineTest, BackupCopyRegionFollowsAllowedRegions) {
  std::vector<model::Diagnostic> diagnostics;
  pack_ = RulePack::embedded(sources_, diagnostics);
  ASSERT_TRUE(diagnostics.empty());
  resources_.push_back(make_resource(sources_, "aws_backup_plan", "aws_backup_plan.juki",
                                     "rule:\n  - copy_action:\n      - destination_vault_arn: "
                                     "'arn:aws:backup:ap-northeast-3:123456789012:backup-vault:dr'\n"));
  auto count = [&] {
    size_t n = 0;
    for (const auto& f : run()) n += f.check_id == "GC-LOC-005";
    return n;
  };
  EXPECT_EQ(count(), 0u);  // default allowed_regions: Tokyo and Osaka
  config_.allowed_regions = {"ap-northeast-1"};
  EXPECT_EQ(count(), 1u);
  config_.allowed_regions = {"ap-northeast-1", "ap-northeast-3"};
  EXPECT_EQ(count(), 0u);
}

}  // namespace
}  // namespace gclint::engine

namespace gclint::engine {
namespace {

// What a caller may drop while it evaluates slices: only the kinds a relation condition reads through `where`.
TEST_F(EngineTest, CrossReadKindsNameWhatRelationConditionsRead) {
  add_rule("T-TST-101",
           "  - {format: kubernetes, types: [Deployment], assert: {references: {via: uses_service_account, types: "
           "[ServiceAccount], where: {path: automountServiceAccountToken, equals: false}}}}\n"
           "  - {format: kubernetes, types: [Service], assert: {references: {via: selects, types: [Pod]}}}\n");
  Engine engine(pack_, config_, sources_);
  auto kinds = engine.cross_read_kinds(model::Format::kKubernetes);
  ASSERT_TRUE(kinds);
  EXPECT_EQ(*kinds, (std::set<std::string>{"ServiceAccount"}));  // no `where`: the Pod is not read
  EXPECT_EQ(engine.cross_read_kinds(model::Format::kTerraform), std::set<std::string>{});

  add_rule("T-TST-102",
           "  - {format: kubernetes, types: [Service], assert: {references: {via: selects, where: {path: "
           "spec.replicas, gt: 1}}}}\n");
  EXPECT_FALSE(Engine(pack_, config_, sources_).cross_read_kinds(model::Format::kKubernetes));  // any kind
  Config without = config_;
  without.disabled_checks = {"T-TST-102"};
  EXPECT_TRUE(Engine(pack_, without, sources_).cross_read_kinds(model::Format::kKubernetes));
}

TEST_F(EngineTest, CrossReadKindsCountGraphPredicatesAsAnyKind) {
  add_rule("T-TST-103",
           "  - {format: terraform, types: [aws_subnet], deny: {predicate: route_reachability, args: {targets: "
           "[internet_gateway], destinations: ['0.0.0.0/0']}}}\n");
  EXPECT_FALSE(Engine(pack_, config_, sources_).cross_read_kinds(model::Format::kTerraform));
  EXPECT_TRUE(Engine(pack_, config_, sources_).cross_read_kinds(model::Format::kKubernetes));
}

// Slices of one prepared set give the findings one run over the whole set gives.
TEST_F(EngineTest, PreparedSlicesMatchOneRun) {
  add_rule("T-TST-104", kEncrypted);
  add_rule("T-TST-105",
           "  - {format: terraform, types: [bucket], assert: {references: {path: kms, types: [key], where: {path: "
           "rotate, equals: true}}}}\n");
  resources_.push_back(make_resource(sources_, "bucket", "bucket.a", "sse: {alg: AES256}\nkms: 'ref:key.k#arn'"));
  resources_.push_back(make_resource(sources_, "key", "key.k", "rotate: false"));
  resources_.push_back(make_resource(sources_, "bucket", "bucket.b", "sse: {alg: 'aws:kms'}\nkms: 'ref:key.k#arn'"));
  Engine engine(pack_, config_, sources_, EngineOptions{.today = "2026-11-22"});
  std::vector<model::Diagnostic> whole_notes;
  std::vector<model::Resource> copy = resources_;
  auto whole = engine.run(copy, whole_notes);
  ASSERT_EQ(whole.size(), 3u);

  auto graph = engine.prepare(resources_);
  std::vector<model::Diagnostic> notes;
  std::vector<model::Finding> sliced;
  for (uint32_t i = 0; i < resources_.size(); ++i) {
    for (auto& f : engine.run_prepared(resources_, *graph, i, i + 1, notes)) sliced.push_back(std::move(f));
  }
  ASSERT_EQ(sliced.size(), whole.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(sliced[i].check_id, whole[i].check_id);
    EXPECT_EQ(sliced[i].resource(), whole[i].resource());
    EXPECT_EQ(sliced[i].message().in("en"), whole[i].message().in("en"));
    EXPECT_EQ(sliced[i].tier(), whole[i].tier());
  }
}

}  // namespace
}  // namespace gclint::engine
