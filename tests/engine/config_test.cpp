#include "engine/config.h"

#include <gtest/gtest.h>

namespace gclint::engine {
namespace {

struct Loaded {
  model::SourceSet sources;
  std::vector<model::Diagnostic> diagnostics;
  std::optional<Config> config;

  std::string first_error() const {
    if (diagnostics.empty()) return "";
    auto pos = sources.begin_of(diagnostics.front().span);
    return std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + diagnostics.front().message;
  }
};

std::unique_ptr<Loaded> load(const std::string& text) {
  auto l = std::make_unique<Loaded>();
  uint32_t id = l->sources.add(".gclint.yaml", text);
  l->config = load_config(l->sources.file(id), l->diagnostics);
  return l;
}

TEST(Config, EmptyFileGivesDefaults) {
  auto l = load("");
  ASSERT_TRUE(l->config);
  EXPECT_EQ(l->config->default_tier, "mynumber");
  EXPECT_EQ(l->config->tier_tag_key, "gc-tier");
  EXPECT_EQ(l->config->allowed_regions.size(), 8u);
  EXPECT_EQ(l->config->path, ".gclint.yaml");
}

TEST(Config, ReadsEveryField) {
  auto l = load(
      "default_tier: lgwan\ntier_tag_key: tier\nzone_tag_key: zone\n"
      "placements:\n  - {path: 'envs/juki/**', tier: mynumber}\n  - {module: 'module.relay*', tier: internet, zone: "
      "dmz}\n"
      "allowed_regions: [ap-northeast-1]\nallowed_egress_cidrs: [10.0.0.0/8]\nallowed_egress_prefix_lists: [pl-1]\n"
      "allowed_vpc_endpoint_services: [com.amazonaws.vpce.x]\nseverity_threshold: HIGH\n"
      "enabled_checks: [GC-NET-001]\ndisabled_checks: [logging]\n"
      "checks:\n  GC-LOG-003:\n    params: {min_retention_days: 400}\nlang: ja\nregion: ap-northeast-3\n");
  ASSERT_TRUE(l->config) << l->first_error();
  const Config& c = *l->config;
  EXPECT_EQ(c.default_tier, "lgwan");
  EXPECT_EQ(c.tier_tag_key, "tier");
  EXPECT_EQ(c.zone_tag_key, "zone");
  ASSERT_EQ(c.placements.size(), 2u);
  EXPECT_EQ(c.placements[0].path_glob, "envs/juki/**");
  EXPECT_EQ(c.placements[1].module_address, "module.relay*");
  EXPECT_EQ(c.placements[1].zone, "dmz");
  EXPECT_EQ(c.allowed_regions, std::vector<std::string>{"ap-northeast-1"});
  EXPECT_EQ(c.allowed_egress_cidrs, std::vector<std::string>{"10.0.0.0/8"});
  EXPECT_EQ(c.allowed_egress_prefix_lists, std::vector<std::string>{"pl-1"});
  EXPECT_EQ(c.allowed_vpc_endpoint_services, std::vector<std::string>{"com.amazonaws.vpce.x"});
  EXPECT_EQ(c.severity_threshold, model::Severity::kHigh);
  EXPECT_EQ(c.enabled_checks, std::vector<std::string>{"GC-NET-001"});
  EXPECT_EQ(c.disabled_checks, std::vector<std::string>{"logging"});
  EXPECT_EQ(c.check_params.at("GC-LOG-003").at("min_retention_days").number, 400);
  EXPECT_EQ(c.lang, "ja");
  EXPECT_EQ(c.region, "ap-northeast-3");
}

TEST(Config, UnknownKeysSuggest) {
  EXPECT_EQ(load("default_teir: lgwan\n")->first_error(),
            "1:1: unknown key 'default_teir'; did you mean 'default_tier'?");
  EXPECT_EQ(load("default_tier: lgwam\n")->first_error(), "1:15: unknown tier 'lgwam'; did you mean 'lgwan'?");
  EXPECT_EQ(load("placements:\n  - {paths: a, tier: lgwan}\n")->first_error(),
            "2:6: unknown placement key 'paths'; did you mean 'path'?");
  EXPECT_EQ(load("checks:\n  GC-LOG-003: {param: {a: 1}}\n")->first_error(),
            "2:16: unknown key 'param'; did you mean 'params'?");
  EXPECT_EQ(load("lang: jp\n")->first_error(), "1:7: unknown language 'jp'; did you mean 'ja'?");
}

TEST(Config, WrongTypesAndValues) {
  EXPECT_NE(load("allowed_regions: ap-northeast-1\n")->first_error().find("must be a list"), std::string::npos);
  EXPECT_NE(load("allowed_egress_cidrs: [10.0.0.0/40]\n")->first_error().find("invalid CIDR"), std::string::npos);
  EXPECT_NE(load("placements:\n  - {tier: lgwan}\n")->first_error().find("exactly one of 'path' and 'module'"),
            std::string::npos);
  EXPECT_NE(load("a: [\n")->first_error().find("YAML syntax error"), std::string::npos);
  EXPECT_FALSE(load("- 1\n")->config);
}

TEST(Config, StarterFileLoadsAndIsBilingual) {
  std::string text = starter_config_text();
  auto l = load(text);
  ASSERT_TRUE(l->config) << l->first_error();
  EXPECT_EQ(l->config->default_tier, "mynumber");
  EXPECT_NE(text.find("マイナンバー利用事務系"), std::string::npos);
  EXPECT_NE(text.find("Allowed regions"), std::string::npos);
}

}  // namespace
}  // namespace gclint::engine
