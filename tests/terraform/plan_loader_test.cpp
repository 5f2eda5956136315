#include "terraform/plan_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "terraform/plan_address.h"
#include "terraform_test_support.h"

namespace gclint::terraform {
namespace {

namespace fs = std::filesystem;
using model::Reference;
using model::Resource;
using model::Value;
using testing::TempDir;

const fs::path kPlans = fs::path(GCLINT_SOURCE_DIR) / "tests" / "data" / "terraform" / "plan";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A plan loaded on its own or with its configuration directory.
struct LoadedPlan {
  model::SourceSet sources;
  model::ParseResult result;
  uint32_t plan_id = 0;

  const Resource* find(const std::string& address) const {
    const Resource* found = nullptr;
    for (const auto& r : result.resources) {
      if (r.address != address) continue;
      EXPECT_EQ(found, nullptr) << address << " appears twice";
      found = &r;
    }
    return found;
  }
  std::string path(const model::Span& s) const { return s.valid() ? sources.path_of(s) : "(none)"; }
  uint32_t line(const model::Span& s) const { return sources.begin_of(s).line; }
  std::string where(const model::Span& s) const { return path(s) + ":" + std::to_string(line(s)); }
  // 1-based line of the first occurrence of `needle` in a registered file.
  uint32_t line_of(const std::string& file, const std::string& needle) const {
    const std::string& text = sources.file(sources.find(file)).content();
    size_t at = text.find(needle);
    EXPECT_NE(at, std::string::npos) << needle;
    return sources.file(sources.find(file)).position(static_cast<uint32_t>(at)).line;
  }
  std::string diagnostics() const {
    std::string out;
    for (const auto& d : result.diagnostics) out += d.message + "\n";
    return out;
  }
};

std::unique_ptr<LoadedPlan> load_plan_text(const std::string& text, std::optional<fs::path> config = std::nullopt,
                                           LoadOptions options = {}, const std::string& name = "plan.json") {
  auto out = std::make_unique<LoadedPlan>();
  out->plan_id = out->sources.add(name, text);
  if (config && options.scan_root.empty()) options.scan_root = *config;
  out->result = load_plan(out->sources, out->plan_id, config, options);
  return out;
}

std::unique_ptr<LoadedPlan> load_plan_file(const fs::path& file, std::optional<fs::path> config = std::nullopt,
                                           LoadOptions options = {}) {
  return load_plan_text(slurp(file), config, options, config ? "plan.json" : file.filename().string());
}

const Value* at(const Resource* r, std::initializer_list<std::string_view> path) {
  if (r == nullptr) return nullptr;
  const Value* v = &r->attributes;
  for (std::string_view step : path) {
    if (v == nullptr) return nullptr;
    if (!step.empty() && step[0] == '#') {
      size_t i = std::stoul(std::string(step.substr(1)));
      v = v->is_list() && i < v->items.size() ? &v->items[i] : nullptr;
    } else {
      v = v->get(step);
    }
  }
  return v;
}

bool has_ref(const Value* v, const std::string& address, const std::string& attribute) {
  if (v == nullptr) return false;
  return std::find(v->refs.begin(), v->refs.end(), Reference{address, attribute}) != v->refs.end();
}

const fs::path kTenant = kPlans / "tenant";

TEST(PlanLoader, RecognisesPlansByTopLevelKeys) {
  EXPECT_TRUE(looks_like_plan(slurp(kTenant / "plan.json")));
  EXPECT_TRUE(looks_like_plan(slurp(kPlans / "changes-only.json")));
  EXPECT_TRUE(looks_like_plan("\xEF\xBB\xBF {\"format_version\":\"1.0\",\"planned_values\":{}}"));
  EXPECT_TRUE(looks_like_plan(R"({"variables": {"x": {"value": "}]\"{["}}, "format_version": "1.1",
                                  "resource_changes": []})"));
  // A state file, provider schemas, a template or a manifest is not a plan; nor is a plan nested in something.
  EXPECT_FALSE(looks_like_plan(R"({"format_version": "1.0", "values": {"root_module": {}}})"));
  EXPECT_FALSE(looks_like_plan(R"({"format_version": "1.0", "provider_schemas": {}})"));
  EXPECT_FALSE(looks_like_plan(R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}})"));
  EXPECT_FALSE(looks_like_plan(R"({"apiVersion": "v1", "kind": "Pod"})"));
  EXPECT_FALSE(looks_like_plan(R"({"wrapper": {"format_version": "1.0", "planned_values": {}}})"));
  EXPECT_FALSE(looks_like_plan(R"([{"format_version": "1.0", "planned_values": {}}])"));
  EXPECT_FALSE(looks_like_plan("format_version: '1.0'\nplanned_values: {}\n"));
  EXPECT_FALSE(looks_like_plan(R"({"format_version": "1.0", "planned_values)"));
  EXPECT_FALSE(looks_like_plan(""));
}

TEST(PlanLoader, ResourcesFromPlannedValuesWithPlanAddresses) {
  auto p = load_plan_file(kTenant / "plan.json");
  EXPECT_EQ(p->diagnostics(), "");
  std::set<std::string> addresses;
  for (const auto& r : p->result.resources) addresses.insert(r.address);
  std::set<std::string> expected = {
      "aws_db_instance.main",
      "aws_kms_key.data",
      "aws_s3_bucket.docs",
      "aws_s3_bucket_public_access_block.zeimu_archive",
      "aws_s3_bucket_server_side_encryption_configuration.docs",
      "aws_subnet.app[0]",
      "aws_subnet.app[1]",
      "module.buckets[\"juki\"].aws_s3_bucket.this",
      "module.buckets[\"juki\"].aws_s3_bucket_server_side_encryption_configuration.this",
      "module.buckets[\"zeimu\"].aws_s3_bucket.this",
      "module.buckets[\"zeimu\"].aws_s3_bucket_server_side_encryption_configuration.this",
      "module.dr.aws_s3_bucket.this",
      "module.dr.aws_s3_bucket_server_side_encryption_configuration.this",
      "data.aws_caller_identity.current",
  };
  EXPECT_EQ(addresses, expected);
  const Resource* subnet = p->find("aws_subnet.app[1]");
  ASSERT_NE(subnet, nullptr);
  EXPECT_EQ(subnet->format, model::Format::kTerraformPlan);
  EXPECT_EQ(subnet->type, "aws_subnet");
  EXPECT_EQ(subnet->name, "app");
  EXPECT_EQ(subnet->module_address, "");
  EXPECT_EQ(at(subnet, {"cidr_block"})->text, "10.20.1.0/24");
  // Spans are in the plan file: the resource at its "address" member, an attribute at its key.
  EXPECT_EQ(p->where(subnet->span), "plan.json:" + std::to_string(p->line_of("plan.json", "\"aws_subnet.app[1]\"")));
  const Value* cidr = at(subnet, {"cidr_block"});
  EXPECT_EQ(p->path(cidr->span), "plan.json");
  EXPECT_EQ(p->line(cidr->span), p->line_of("plan.json", "\"10.20.1.0/24\""));

  const Resource* child = p->find("module.buckets[\"zeimu\"].aws_s3_bucket.this");
  ASSERT_NE(child, nullptr);
  EXPECT_EQ(child->module_address, "module.buckets[\"zeimu\"]");
  EXPECT_EQ(at(child, {"bucket"})->text, "kishiwada-zeimu-archive");
}

TEST(PlanLoader, AfterUnknownLeavesAreUnknownNeverGuessed) {
  auto p = load_plan_file(kTenant / "plan.json");
  const Resource* bucket = p->find("aws_s3_bucket.docs");
  ASSERT_NE(bucket, nullptr);
  // The provider computes a default encryption configuration; the plan does not know it, neither do we.
  const Value* sse = at(bucket, {"server_side_encryption_configuration"});
  ASSERT_NE(sse, nullptr);
  EXPECT_TRUE(sse->is_unknown());
  EXPECT_EQ(at(bucket, {"arn"})->text, "aws_s3_bucket.docs.arn (known after apply)");
  EXPECT_TRUE(at(bucket, {"force_destroy"})->is_bool());

  // An unknown nested argument (missing from the values) is created as unknown, with the configuration's reference.
  const Resource* enc = p->find("aws_s3_bucket_server_side_encryption_configuration.docs");
  const Value* key = at(enc, {"rule", "#0", "apply_server_side_encryption_by_default", "#0", "kms_master_key_id"});
  ASSERT_NE(key, nullptr);
  EXPECT_TRUE(key->is_unknown());
  EXPECT_EQ(key->text, "aws_kms_key.data.arn");
  EXPECT_TRUE(has_ref(key, "aws_kms_key.data", "arn"));
  EXPECT_EQ(at(enc, {"rule", "#0", "apply_server_side_encryption_by_default", "#0", "sse_algorithm"})->text, "aws:kms");

  // A null inside a list that after_unknown marks is an unknown element; its neighbour stays known.
  auto legacy = load_plan_file(kPlans / "legacy-modules.json");
  EXPECT_EQ(legacy->diagnostics(), "");
  const Resource* web = legacy->find("aws_security_group.web");
  const Value* cidrs = at(web, {"ingress", "#0", "cidr_blocks"});
  ASSERT_TRUE(cidrs && cidrs->is_list());
  ASSERT_EQ(cidrs->items.size(), 2u);
  EXPECT_EQ(cidrs->items[0].text, "10.0.0.0/8");
  EXPECT_TRUE(cidrs->items[1].is_unknown());
  EXPECT_TRUE(at(web, {"ingress", "#1", "security_groups"})->is_unknown());
  // A deposed object's change does not leak into the resource.
  EXPECT_EQ(at(web, {"name"})->text, "web");
}

TEST(PlanLoader, ReferencesComeFromConfigurationExpressions) {
  auto p = load_plan_file(kTenant / "plan.json");
  const Resource* enc = p->find("aws_s3_bucket_server_side_encryption_configuration.docs");
  EXPECT_TRUE(has_ref(at(enc, {"bucket"}), "aws_s3_bucket.docs", "id"));
  EXPECT_TRUE(has_ref(at(p->find("aws_db_instance.main"), {"kms_key_id"}), "aws_kms_key.data", "arn"));
  // Through a module input: var.kms_key_arn in module.buckets["juki"] is aws_kms_key.data.arn in the root.
  const Resource* juki = p->find("module.buckets[\"juki\"].aws_s3_bucket_server_side_encryption_configuration.this");
  const Value* juki_key =
      at(juki, {"rule", "#0", "apply_server_side_encryption_by_default", "#0", "kms_master_key_id"});
  EXPECT_TRUE(has_ref(juki_key, "aws_kms_key.data", "arn"));
  EXPECT_TRUE(has_ref(at(juki, {"bucket"}), "module.buckets[\"juki\"].aws_s3_bucket.this", "id"));
  // Through a module output of one instance.
  const Value* pab = at(p->find("aws_s3_bucket_public_access_block.zeimu_archive"), {"bucket"});
  ASSERT_NE(pab, nullptr);
  EXPECT_TRUE(has_ref(pab, "module.buckets[\"zeimu\"].aws_s3_bucket.this", "id"));
  EXPECT_EQ(pab->refs.size(), 1u);
  // module.dr has no key: its argument is a known null, with no reference.
  const Resource* dr = p->find("module.dr.aws_s3_bucket_server_side_encryption_configuration.this");
  const Value* dr_key = at(dr, {"rule", "#0", "apply_server_side_encryption_by_default", "#0", "kms_master_key_id"});
  ASSERT_NE(dr_key, nullptr);
  EXPECT_TRUE(dr_key->is_null());
  EXPECT_TRUE(dr_key->refs.empty());

  auto legacy = load_plan_file(kPlans / "legacy-modules.json");
  const Resource* web = legacy->find("aws_security_group.web");
  EXPECT_TRUE(has_ref(at(web, {"ingress"}), "aws_security_group.lb", "id"));
  ASSERT_EQ(web->relations.size(), 1u);
  EXPECT_EQ(web->relations[0].kind, "depends_on");
  EXPECT_EQ(web->relations[0].target, "aws_security_group.lb");
  // A deferred data source: what the configuration knows, and the rest unknown with its references.
  const Resource* doc = legacy->find("data.aws_iam_policy_document.logs");
  ASSERT_NE(doc, nullptr);
  EXPECT_TRUE(doc->is_data);
  EXPECT_TRUE(at(doc, {"json"})->is_unknown());
  const Value* resources = at(doc, {"statement", "#0", "resources"});
  ASSERT_NE(resources, nullptr);
  EXPECT_TRUE(resources->is_unknown());
  EXPECT_TRUE(has_ref(resources, "module.legacy.aws_cloudwatch_log_group.app", "arn"));
  EXPECT_EQ(at(doc, {"statement", "#0", "effect"})->text, "Allow");
  // A data source scoped to a check block (in the state, not in the configuration's resources) is not a resource.
  EXPECT_EQ(legacy->find("data.http.site"), nullptr);
}

// A plan written by hand in the shape terraform show -json gives for `count = 2` buckets, their encryption
// configurations (`bucket = aws_s3_bucket.b[<index>].id`) and a policy over all of them (`aws_s3_bucket.b[*].arn`).
std::string counted_plan() {
  std::string resources;
  for (const char* i : {"0", "1"}) {
    resources += std::string(R"({"address": "aws_s3_bucket.b[)") + i +
                 R"(]", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": )" + i +
                 R"(, "values": {"bucket": "kishiwada-)" + i + R"("}},
      {"address": "aws_s3_bucket_server_side_encryption_configuration.e[)" +
                 i + R"(]", "mode": "managed", "type": "aws_s3_bucket_server_side_encryption_configuration",
       "name": "e", "index": )" +
                 i + R"(, "values": {}},
)";
  }
  return R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
      )" +
         resources +
         R"(      {"address": "aws_iam_policy.all", "mode": "managed", "type": "aws_iam_policy", "name": "all", "values": {}}]}},
  "resource_changes": [
    {"address": "aws_s3_bucket_server_side_encryption_configuration.e[0]", "change": {"after_unknown": {"bucket": true}}},
    {"address": "aws_s3_bucket_server_side_encryption_configuration.e[1]", "change": {"after_unknown": {"bucket": true}}},
    {"address": "aws_iam_policy.all", "change": {"after_unknown": {"policy": true}}}],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_s3_bucket_server_side_encryption_configuration.e", "mode": "managed",
     "type": "aws_s3_bucket_server_side_encryption_configuration", "name": "e",
     "expressions": {"bucket": {"references": ["aws_s3_bucket.b", "count.index"]}}},
    {"address": "aws_iam_policy.all", "mode": "managed", "type": "aws_iam_policy", "name": "all",
     "expressions": {"policy": {"references": ["aws_s3_bucket.b"]}}}]}}})";
}

// Terraform records `aws_s3_bucket.b[count.index].id` as `aws_s3_bucket.b` and `count.index`.
TEST(PlanLoader, ReferencesThroughAComputedIndex) {
  auto p = load_plan_text(counted_plan());
  EXPECT_EQ(p->diagnostics(), "");
  // With count.index in the expression and the referring instance's key present: that instance (the idiom).
  const Value* first = at(p->find("aws_s3_bucket_server_side_encryption_configuration.e[0]"), {"bucket"});
  const Value* second = at(p->find("aws_s3_bucket_server_side_encryption_configuration.e[1]"), {"bucket"});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->refs, (model::References{{"aws_s3_bucket.b[0]", ""}}));
  EXPECT_EQ(second->refs, (model::References{{"aws_s3_bucket.b[1]", ""}}));
  // Without an index from the referring instance: the resource, every instance of it.
  EXPECT_EQ(at(p->find("aws_iam_policy.all"), {"policy"})->refs, (model::References{{"aws_s3_bucket.b", ""}}));

  // Next to the configuration, the evaluated index decides, also where it is not the idiom.
  TempDir dir;
  dir.write("main.tf", R"(resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "kishiwada-${count.index}"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  count  = 2
  bucket = aws_s3_bucket.b[1 - count.index].id
}
resource "aws_iam_policy" "all" {
  policy = jsonencode(aws_s3_bucket.b[*].arn)
}
)");
  auto paired = load_plan_text(counted_plan(), dir.path());
  const Value* swapped = at(paired->find("aws_s3_bucket_server_side_encryption_configuration.e[0]"), {"bucket"});
  ASSERT_NE(swapped, nullptr);
  EXPECT_EQ(swapped->refs, (model::References{{"aws_s3_bucket.b[1]", "id"}}));
}

TEST(PlanLoader, ProvidersAndRegionsFromProviderConfig) {
  auto p = load_plan_file(kTenant / "plan.json");
  const Resource* docs = p->find("aws_s3_bucket.docs");
  EXPECT_EQ(docs->provider, "aws");
  EXPECT_EQ(docs->region.text, "ap-northeast-1");
  // At the provider's `region` expression, the line before its value.
  EXPECT_EQ(p->line(docs->region.span), p->line_of("plan.json", "\"constant_value\": \"ap-northeast-1\"") - 1);
  const Resource* osaka = p->find("module.buckets[\"zeimu\"].aws_s3_bucket.this");
  EXPECT_EQ(osaka->provider, "aws.osaka");
  EXPECT_EQ(osaka->region.text, "ap-northeast-3");
  // A region set by an expression is not in the plan: unknown, naming the expression.
  const Resource* dr = p->find("module.dr.aws_s3_bucket.this");
  EXPECT_EQ(dr->provider, "aws.dr");
  EXPECT_TRUE(dr->region.is_unknown());
  EXPECT_EQ(dr->region.text, "var.dr_region");
  EXPECT_EQ(p->find("data.aws_caller_identity.current")->region.text, "ap-northeast-1");

  auto legacy = load_plan_file(kPlans / "legacy-modules.json");
  EXPECT_EQ(legacy->find("aws_acm_certificate.cdn")->provider, "aws.us");
  EXPECT_EQ(legacy->find("aws_acm_certificate.cdn")->region.text, "us-east-1");
  // A provider block inside a module, and a nested module that inherits it under an unrewritten key.
  const Resource* group = legacy->find("module.legacy.aws_cloudwatch_log_group.app");
  EXPECT_EQ(group->provider, "module.legacy.aws");
  EXPECT_EQ(group->region.text, "ap-northeast-1");
  const Resource* queue = legacy->find("module.legacy.module.inner[0].aws_sqs_queue.jobs");
  ASSERT_NE(queue, nullptr);
  EXPECT_EQ(queue->module_address, "module.legacy.module.inner[0]");
  EXPECT_EQ(queue->provider, "module.legacy.aws");
  EXPECT_EQ(queue->region.text, "ap-northeast-1");
  // No region at all: unknown, or --region.
  EXPECT_TRUE(legacy->find("aws_security_group.lb")->region.is_unknown());
  EXPECT_EQ(legacy->find("aws_security_group.lb")->region.text, "provider aws has no region");
  LoadOptions with_region;
  with_region.default_region = "ap-northeast-1";
  auto defaulted = load_plan_file(kPlans / "legacy-modules.json", std::nullopt, with_region);
  EXPECT_EQ(defaulted->find("aws_security_group.lb")->region.text, "ap-northeast-1");
  EXPECT_EQ(defaulted->find("aws_acm_certificate.cdn")->region.text, "us-east-1");
}

TEST(PlanLoader, TagsSensitiveValuesAndDataSources) {
  auto p = load_plan_file(kTenant / "plan.json");
  const Resource* docs = p->find("aws_s3_bucket.docs");
  std::vector<std::pair<std::string, std::string>> tags = {{"gc-system", "zeimu"}, {"gc-tier", "mynumber"}};
  EXPECT_EQ(docs->tags, tags);
  // The plan holds secrets in clear; one that the configuration does not write as a literal is withheld.
  const Value* password = at(p->find("aws_db_instance.main"), {"password"});
  ASSERT_NE(password, nullptr);
  EXPECT_TRUE(password->is_unknown());
  EXPECT_EQ(password->text, "aws_db_instance.main.password (sensitive)");
  EXPECT_EQ(p->line(password->span), p->line_of("plan.json", "\"password\": \"Zeimu"));
  auto legacy = load_plan_file(kPlans / "legacy-modules.json");
  EXPECT_EQ(at(legacy->find("aws_db_instance.legacy"), {"password"})->text, "Legacy-Pa55word");  // in the code
  // A data source read while planning is in the prior state only, with what the provider returned.
  const Resource* me = p->find("data.aws_caller_identity.current");
  ASSERT_NE(me, nullptr);
  EXPECT_TRUE(me->is_data);
  EXPECT_EQ(at(me, {"account_id"})->text, "123456789012");
}

TEST(PlanLoader, ResourceChangesAloneGiveTheAfterValues) {
  auto p = load_plan_file(kPlans / "changes-only.json");
  EXPECT_EQ(p->diagnostics(), "");
  ASSERT_EQ(p->result.resources.size(), 1u);  // the deleted bucket is gone after apply
  const Resource* logs = p->find("aws_s3_bucket.logs");
  ASSERT_NE(logs, nullptr);
  EXPECT_EQ(at(logs, {"server_side_encryption_configuration", "#0", "rule", "#0",
                      "apply_server_side_encryption_by_default", "#0", "sse_algorithm"})
                ->text,
            "AES256");
  EXPECT_TRUE(at(logs, {"arn"})->is_unknown());
  // One line of JSON, as terraform show -json writes it: positions are columns on line 1.
  model::Position pos = p->sources.begin_of(logs->span);
  EXPECT_EQ(pos.line, 1u);
  EXPECT_EQ(pos.column, p->sources.file(p->plan_id).content().find("\"address\":\"aws_s3_bucket.logs\"") + 1);
}

TEST(PlanLoader, CompactPlanKeepsColumns) {
  std::string compact = nlohmann::json::parse(slurp(kTenant / "plan.json")).dump();
  auto p = load_plan_text(compact);
  EXPECT_EQ(p->diagnostics(), "");
  const Resource* r = p->find("aws_subnet.app[1]");
  ASSERT_NE(r, nullptr);
  model::Position pos = p->sources.begin_of(at(r, {"cidr_block"})->span);
  EXPECT_EQ(pos.line, 1u);
  EXPECT_EQ(pos.column, compact.find("\"cidr_block\":\"10.20.1.0/24\"") + 1);
}

TEST(PlanLoader, BrokenPlansAreErrorsWithPositions) {
  auto bad_json = load_plan_text("{\n  \"format_version\": \"1.2\",\n  \"planned_values\": {,}\n}\n");
  ASSERT_FALSE(bad_json->result.diagnostics.empty());
  EXPECT_EQ(bad_json->result.diagnostics[0].level, model::Diagnostic::Level::kError);
  EXPECT_EQ(bad_json->line(bad_json->result.diagnostics[0].span), 3u);
  EXPECT_TRUE(bad_json->result.resources.empty());

  auto future = load_plan_text("{\n  \"format_version\": \"2.0\",\n  \"planned_values\": {}\n}\n");
  ASSERT_EQ(future->result.diagnostics.size(), 1u);
  EXPECT_NE(future->diagnostics().find("unsupported plan format_version 2.0"), std::string::npos);
  EXPECT_EQ(future->line(future->result.diagnostics[0].span), 2u);

  auto no_address = load_plan_text(R"({"format_version": "1.0", "planned_values": {"root_module": {"resources": [
    {"mode": "managed", "type": "aws_s3_bucket", "name": "x", "values": {}},
    {"address": "aws_s3_bucket.y", "mode": "managed", "type": "aws_s3_bucket", "name": "y", "values": {}}]}}})");
  ASSERT_EQ(no_address->result.diagnostics.size(), 1u);
  EXPECT_EQ(no_address->result.diagnostics[0].level, model::Diagnostic::Level::kWarning);
  EXPECT_EQ(no_address->line(no_address->result.diagnostics[0].span), 2u);
  ASSERT_EQ(no_address->result.resources.size(), 1u);

  // Wrong shapes everywhere are ignored, never a crash.
  auto odd = load_plan_text(R"({"format_version": "1.0", "planned_values": {"root_module": {"resources": {},
    "child_modules": [1, {"resources": [7, {"address": 3}]}]}}, "resource_changes": [null, {"change": 1}],
    "configuration": {"provider_config": [], "root_module": {"resources": "x", "module_calls": {"m": 5}}}})");
  EXPECT_TRUE(odd->result.resources.empty());

  auto failed = load_plan_text(R"({"format_version": "1.2", "planned_values": {}, "errored": true})");
  EXPECT_NE(failed->diagnostics().find("planning failed"), std::string::npos);
}

// With the configuration: the plan's values, the .tf file's places.
TEST(PlanLoader, PairedWithItsConfigurationPointsIntoTheTfFiles) {
  auto p = load_plan_file(kTenant / "plan.json", kTenant);
  EXPECT_EQ(p->diagnostics(), "");
  // Every plan resource once, nothing of the configuration twice.
  EXPECT_EQ(p->result.resources.size(), 14u);
  for (const auto& r : p->result.resources) EXPECT_EQ(r.format, model::Format::kTerraformPlan) << r.address;

  const Resource* enc = p->find("aws_s3_bucket_server_side_encryption_configuration.docs");
  ASSERT_NE(enc, nullptr);
  EXPECT_EQ(p->where(enc->span), "main.tf:" + std::to_string(p->line_of("main.tf", "resource \"aws_s3_bucket_server")));
  const Value* alg = at(enc, {"rule", "#0", "apply_server_side_encryption_by_default", "#0", "sse_algorithm"});
  EXPECT_EQ(alg->text, "aws:kms");
  EXPECT_EQ(p->where(alg->span), "main.tf:" + std::to_string(p->line_of("main.tf", "sse_algorithm     = \"aws:kms\"")));
  const Value* key = at(enc, {"rule", "#0", "apply_server_side_encryption_by_default", "#0", "kms_master_key_id"});
  EXPECT_TRUE(key->is_unknown());
  EXPECT_TRUE(has_ref(key, "aws_kms_key.data", "arn"));
  EXPECT_EQ(p->where(key->span), "main.tf:" + std::to_string(p->line_of("main.tf", "kms_master_key_id = aws_kms")));
  // An attribute only the provider writes: the resource block.
  const Resource* docs = p->find("aws_s3_bucket.docs");
  EXPECT_EQ(p->where(at(docs, {"arn"})->span), "main.tf:" + std::to_string(p->line_of("main.tf", "\"docs\" {")));
  EXPECT_EQ(p->where(docs->region.span),
            "main.tf:" + std::to_string(p->line_of("main.tf", "region = \"ap-northeast-1")));

  // A value that came through a variable: at the argument in the module, set in terraform.tfvars.
  const Resource* dr = p->find("module.dr.aws_s3_bucket_server_side_encryption_configuration.this");
  ASSERT_NE(dr, nullptr);
  const Value* dr_alg = at(dr, {"rule", "#0", "apply_server_side_encryption_by_default", "#0", "sse_algorithm"});
  EXPECT_EQ(dr_alg->text, "AES256");
  EXPECT_EQ(p->where(dr_alg->span), "modules/bucket/main.tf:23");
  EXPECT_EQ(p->where(dr_alg->origin), "terraform.tfvars:2");
  // A secret neither the plan (sensitive, from a variable) nor the configuration (no tfvars value) gives: unknown.
  const Value* password = at(p->find("aws_db_instance.main"), {"password"});
  EXPECT_TRUE(password->is_unknown());
  EXPECT_EQ(p->path(password->span), "main.tf");
  EXPECT_FALSE(password->origin.valid());
  // The plan's region rule holds: the provider's region is an expression, so unknown, at the provider's line.
  EXPECT_TRUE(p->find("module.dr.aws_s3_bucket.this")->region.is_unknown());
  // count instances map onto their block.
  EXPECT_EQ(p->where(p->find("aws_subnet.app[1]")->span),
            "main.tf:" + std::to_string(p->line_of("main.tf", "\"app\" {")));
}

// A secret the plan withholds but the configuration sets (tfvars): judged as a scan of the .tf files would.
TEST(PlanLoader, PairedSecretsFollowTheConfiguration) {
  TempDir dir;
  for (const auto& entry : fs::recursive_directory_iterator(kTenant)) {
    if (!entry.is_regular_file()) continue;
    dir.write(entry.path().lexically_relative(kTenant).string(), slurp(entry.path()));
  }
  dir.write("terraform.tfvars", slurp(kTenant / "terraform.tfvars") + "db_password      = \"from-tfvars\"\n");
  auto p = load_plan_file(dir.path() / "plan.json", dir.path());
  const Value* password = at(p->find("aws_db_instance.main"), {"password"});
  ASSERT_NE(password, nullptr);
  EXPECT_EQ(password->text, "from-tfvars");
  EXPECT_EQ(p->where(password->span), "main.tf:" + std::to_string(p->line_of("main.tf", "password            =")));
  EXPECT_EQ(p->where(password->origin), "terraform.tfvars:4");
}

TEST(PlanLoader, AnUnrelatedConfigurationIsNotPaired) {
  TempDir dir;
  dir.write("main.tf", "resource \"aws_s3_bucket\" \"other\" {\n  bucket = \"other\"\n}\n");
  auto p = load_plan_file(kTenant / "plan.json", dir.path());
  EXPECT_NE(p->diagnostics().find("no resource of this plan is declared"), std::string::npos) << p->diagnostics();
  ASSERT_NE(p->find("aws_s3_bucket.other"), nullptr);
  EXPECT_EQ(p->find("aws_s3_bucket.other")->format, model::Format::kTerraform);
  EXPECT_EQ(p->path(p->find("aws_s3_bucket.docs")->span), "plan.json");
}

TEST(PlanLoader, PartlyMatchingConfigurationKeepsTheRest) {
  TempDir dir;
  dir.write("main.tf",
            "resource \"aws_kms_key\" \"data\" {\n  description = \"zeimu document key\"\n}\n"
            "resource \"aws_sqs_queue\" \"extra\" {\n  name = \"extra\"\n}\n");
  auto p = load_plan_file(kTenant / "plan.json", dir.path());
  EXPECT_NE(p->diagnostics().find("13 resource(s) of this plan"), std::string::npos) << p->diagnostics();
  EXPECT_EQ(p->path(p->find("aws_kms_key.data")->span), "main.tf");
  EXPECT_EQ(p->path(p->find("aws_s3_bucket.docs")->span), "plan.json");
  ASSERT_NE(p->find("aws_sqs_queue.extra"), nullptr);  // not in the plan: checked as configured
  EXPECT_EQ(p->result.resources.size(), 15u);
}

TEST(PlanLoader, ConfigurationDirectoryIsTheDeepestRootHoldingThePlan) {
  std::vector<fs::path> roots = {"/t/infra", "/t/infra/envs/prod", "/t/infra2"};
  EXPECT_EQ(plan_configuration_dir("/t/infra/envs/prod/plan.json", roots), fs::path("/t/infra/envs/prod"));
  EXPECT_EQ(plan_configuration_dir("/t/infra/envs/prod/plans/x.json", roots), fs::path("/t/infra/envs/prod"));
  EXPECT_EQ(plan_configuration_dir("/t/infra/plan.json", roots), fs::path("/t/infra"));
  EXPECT_EQ(plan_configuration_dir("/t/infra/envs/plan.json", roots), fs::path("/t/infra"));
  EXPECT_EQ(plan_configuration_dir("/t/plan.json", roots), std::nullopt);
  EXPECT_EQ(plan_configuration_dir("/t/infra3/plan.json", roots), std::nullopt);
}

TEST(PlanAddress, SplitsAndStripsKeys) {
  auto steps = split_address("module.a[\"x.y]\\\"\"].aws_s3_bucket.b[0].arn");
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(steps[1].name, "a");
  EXPECT_EQ(steps[1].key, "[\"x.y]\\\"\"]");
  EXPECT_EQ(steps[3].key, "[0]");
  EXPECT_EQ(static_address("module.a[\"x.y\"].module.b[2].aws_s3_bucket.b[0]"), "module.a.module.b.aws_s3_bucket.b");
  EXPECT_EQ(parent_module_address("module.a[\"x\"].module.b[0]"), "module.a[\"x\"]");
  EXPECT_EQ(parent_module_address("module.a"), "");
  EXPECT_EQ(last_module_call("module.a[\"x\"].module.b[0]"), "b");
}

TEST(PlanAddress, ReferenceKinds) {
  PlanReference r = parse_plan_reference("aws_kms_key.data.arn");
  EXPECT_EQ(r.kind, PlanReference::Kind::kResource);
  EXPECT_EQ(r.address, "aws_kms_key.data");
  EXPECT_EQ(r.attribute, "arn");
  r = parse_plan_reference("data.aws_iam_policy_document.p[\"a\"].json");
  EXPECT_EQ(r.address, "data.aws_iam_policy_document.p[\"a\"]");
  EXPECT_EQ(r.attribute, "json");
  r = parse_plan_reference("module.buckets[\"zeimu\"].bucket_id");
  EXPECT_EQ(r.kind, PlanReference::Kind::kModule);
  EXPECT_EQ(r.name, "buckets");
  EXPECT_EQ(r.key, "[\"zeimu\"]");
  EXPECT_EQ(r.output, "bucket_id");
  EXPECT_EQ(parse_plan_reference("var.region").kind, PlanReference::Kind::kVariable);
  for (const char* other : {"local.x", "count.index", "each.value", "path.module", "self.arn", "terraform.workspace",
                            "aws_s3_bucket", ""}) {
    EXPECT_EQ(parse_plan_reference(other).kind, PlanReference::Kind::kOther) << other;
  }
}

}  // namespace
}  // namespace gclint::terraform
