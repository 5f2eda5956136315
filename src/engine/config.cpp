#include "engine/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "engine/bounded_yaml.h"
#include "engine/cidr.h"
#include "engine/spelling.h"
#include "engine/yaml_node_value.h"

namespace gclint::engine {
namespace {

const std::vector<std::string_view> kKeys = {"default_tier",
                                             "tier_tag_key",
                                             "zone_tag_key",
                                             "placements",
                                             "allowed_regions",
                                             "allowed_egress_cidrs",
                                             "allowed_egress_prefix_lists",
                                             "allowed_vpc_endpoint_services",
                                             "severity_threshold",
                                             "enabled_checks",
                                             "disabled_checks",
                                             "checks",
                                             "lang",
                                             "region",
                                             "limits"};
const std::vector<std::string_view> kPlacementKeys = {"path", "module", "tier", "zone"};
const std::vector<std::string_view> kTiers = {"mynumber", "lgwan", "internet"};
const std::vector<std::string_view> kLangs = {"ja", "en"};

class ConfigParser {
 public:
  ConfigParser(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  std::optional<Config> parse() {
    Config config;
    config.path = file_.path();
    std::optional<YAML::Node> loaded = load_bounded_yaml(file_, diagnostics_);
    if (!loaded) return std::nullopt;
    YAML::Node root = *loaded;
    if (root.IsNull()) return config;
    if (!root.IsMap()) {
      error(model::Span{file_.id(), 0, 0}, "the configuration must be a mapping");
      return std::nullopt;
    }
    try {
      for (const auto& entry : root) read_key(entry.first, entry.second, config);
    } catch (const YAML::Exception& e) {
      uint32_t pos = e.mark.pos >= 0 ? static_cast<uint32_t>(e.mark.pos) : 0;
      error(model::Span{file_.id(), pos, pos + 1}, e.msg);
    }
    if (failed_) return std::nullopt;
    return config;
  }

 private:
  void error(model::Span span, std::string message) {
    failed_ = true;
    diagnostics_.push_back({model::Diagnostic::Level::kError, span, std::move(message)});
  }
  void error(const YAML::Node& node, std::string message) {
    error(yaml_span(node, file_.id(), file_.content().size()), std::move(message));
  }

  std::string scalar(const YAML::Node& node, std::string_view key) {
    if (!node.IsScalar()) {
      error(node, std::string(key) + " must be a string");
      return "";
    }
    return node.Scalar();
  }

  std::vector<std::string> strings(const YAML::Node& node, std::string_view key) {
    std::vector<std::string> out;
    if (node.IsNull()) return out;
    if (!node.IsSequence()) {
      error(node, std::string(key) + " must be a list of strings");
      return out;
    }
    for (const auto& item : node) out.push_back(scalar(item, key));
    return out;
  }

  std::string tier(const YAML::Node& node, std::string_view key) {
    std::string value = scalar(node, key);
    if (!value.empty() && std::find(kTiers.begin(), kTiers.end(), value) == kTiers.end()) {
      error(node, unknown_word_message("tier", value, kTiers));
    }
    return value;
  }

  void read_key(const YAML::Node& key_node, const YAML::Node& value, Config& config) {
    std::string key = key_node.Scalar();
    if (key == "default_tier") {
      config.default_tier = tier(value, key);
    } else if (key == "tier_tag_key") {
      config.tier_tag_key = scalar(value, key);
    } else if (key == "zone_tag_key") {
      config.zone_tag_key = scalar(value, key);
    } else if (key == "placements") {
      read_placements(value, config);
    } else if (key == "allowed_regions") {
      config.allowed_regions = strings(value, key);
    } else if (key == "allowed_egress_cidrs") {
      config.allowed_egress_cidrs = strings(value, key);
      size_t i = 0;
      for (const auto& item : value) {
        if (i < config.allowed_egress_cidrs.size() && !parse_cidr(config.allowed_egress_cidrs[i])) {
          error(item, "invalid CIDR '" + config.allowed_egress_cidrs[i] + "'");
        }
        ++i;
      }
    } else if (key == "allowed_egress_prefix_lists") {
      config.allowed_egress_prefix_lists = strings(value, key);
    } else if (key == "allowed_vpc_endpoint_services") {
      config.allowed_vpc_endpoint_services = strings(value, key);
    } else if (key == "severity_threshold") {
      std::string text = scalar(value, key);
      auto severity = model::parse_severity(text);
      if (!severity) {
        error(value, unknown_word_message("severity", text, {"CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"}));
      } else {
        config.severity_threshold = severity;
      }
    } else if (key == "enabled_checks") {
      config.enabled_checks = strings(value, key);
    } else if (key == "disabled_checks") {
      config.disabled_checks = strings(value, key);
    } else if (key == "checks") {
      read_checks(value, config);
    } else if (key == "lang") {
      std::string lang = scalar(value, key);
      if (std::find(kLangs.begin(), kLangs.end(), lang) == kLangs.end()) {
        error(value, unknown_word_message("language", lang, kLangs));
      } else {
        config.lang = lang;
      }
    } else if (key == "region") {
      config.region = scalar(value, key);
    } else if (key == "limits") {
      read_limits(value, config);
    } else {
      error(key_node, unknown_word_message("key", key, kKeys));
    }
  }

  void read_placements(const YAML::Node& node, Config& config) {
    if (node.IsNull()) return;
    if (!node.IsSequence()) {
      error(node, "placements must be a list of {path | module, tier, zone}");
      return;
    }
    for (const auto& item : node) {
      if (!item.IsMap()) {
        error(item, "a placement is a mapping {path | module, tier, zone}");
        continue;
      }
      PlacementRule rule;
      for (const auto& entry : item) {
        std::string key = entry.first.Scalar();
        if (key == "path") {
          rule.path_glob = scalar(entry.second, key);
        } else if (key == "module") {
          rule.module_address = scalar(entry.second, key);
        } else if (key == "tier") {
          rule.tier = tier(entry.second, key);
        } else if (key == "zone") {
          rule.zone = scalar(entry.second, key);
        } else {
          error(entry.first, unknown_word_message("placement key", key, kPlacementKeys));
        }
      }
      if (rule.path_glob.empty() == rule.module_address.empty()) {
        error(item, "a placement needs exactly one of 'path' and 'module'");
      }
      if (rule.tier.empty() && rule.zone.empty()) error(item, "a placement needs 'tier' or 'zone'");
      config.placements.push_back(std::move(rule));
    }
  }

  void read_limits(const YAML::Node& node, Config& config) {
    if (node.IsNull()) return;
    if (!node.IsMap()) {
      error(node, "limits must be a mapping {NAME: VALUE}");
      return;
    }
    std::vector<std::string_view> names;
    for (const auto& spec : model::limit_specs()) names.push_back(spec.name);
    for (const auto& entry : node) {
      std::string name = entry.first.Scalar();
      if (model::find_limit(name) == nullptr) {
        error(entry.first, unknown_word_message("limit", name, names));
        continue;
      }
      if (!entry.second.IsScalar()) {
        error(entry.second, "limits." + name + " must be a number or a size");
        continue;
      }
      if (auto problem = model::set_limit(config.limits, name, entry.second.Scalar())) error(entry.second, *problem);
    }
  }

  void read_checks(const YAML::Node& node, Config& config) {
    if (node.IsNull()) return;
    if (!node.IsMap()) {
      error(node, "checks must be a mapping {CHECK-ID: {params: {...}}}");
      return;
    }
    for (const auto& entry : node) {
      std::string id = entry.first.Scalar();
      if (!entry.second.IsMap()) {
        error(entry.second, "checks." + id + " must be a mapping {params: {...}}");
        continue;
      }
      config.check_spans[id] = yaml_span(entry.first, file_.id(), file_.content().size());
      auto& params = config.check_params[id];
      for (const auto& setting : entry.second) {
        std::string key = setting.first.Scalar();
        if (key != "params") {
          error(setting.first, unknown_word_message("key", key, {"params"}));
          continue;
        }
        if (!setting.second.IsMap()) {
          error(setting.second, "checks." + id + ".params must be a mapping");
          continue;
        }
        for (const auto& param : setting.second) {
          params[param.first.Scalar()] = yaml_to_value(param.second, file_.id());
        }
      }
    }
  }

  const model::SourceFile& file_;
  std::vector<model::Diagnostic>& diagnostics_;
  bool failed_ = false;
};

}  // namespace

std::optional<Config> load_config(const model::SourceFile& file, std::vector<model::Diagnostic>& diagnostics) {
  return ConfigParser(file, diagnostics).parse();
}

std::string starter_config_text() {
  return R"(# gclint の設定ファイル / gclint configuration (docs/configuration.md)
# gclint はスキャンしたパスから上方向に .gclint.yaml を探します（--config で指定も可）。
# gclint looks for .gclint.yaml upward from the scanned path (or use --config).

# 分類されないリソースの区分: mynumber（マイナンバー利用事務系）| lgwan（LGWAN接続系）| internet（インターネット接続系）
# Tier for resources nothing else classifies; the strictest by default.
default_tier: mynumber

# 区分・ゾーンを示すタグ（ラベル）のキー / Tag (label) keys that carry the tier and the zone.
tier_tag_key: gc-tier
zone_tag_key: gc-zone

# パス（** 可）またはモジュールアドレスで区分とゾーンを割り当てます。最初に一致したものが優先されます。
# Assign tiers and zones by path glob (** allowed) or Terraform module address; the first match wins.
placements: []
#  - {path: "envs/juki/**", tier: mynumber}
#  - {path: "envs/portal/**", tier: internet}
#  - {module: "module.patch_relay*", tier: internet, zone: dmz}

# 利用を認めるリージョン（既定: 国内リージョン） / Allowed regions (default: the Japanese regions).
allowed_regions: [ap-northeast-1, ap-northeast-3, japaneast, japanwest, asia-northeast1, asia-northeast2,
                  ap-tokyo-1, ap-osaka-1]

# インターネットへの通信を許可する宛先（プロキシ等） / Allowed egress destinations (proxies, endpoints).
allowed_egress_cidrs: []
allowed_egress_prefix_lists: []
allowed_vpc_endpoint_services: []

# この重大度以上の指摘で終了コード 1 / Exit 1 on findings at or above this severity.
# severity_threshold: LOW

# 実行するチェック（ID または分類名。空 = すべて）と除外するチェック
# Checks to run (IDs or family words; empty = all) and checks to skip.
enabled_checks: []
disabled_checks: []

# チェックごとのパラメータ / Per-check parameters.
checks: {}
#  GC-LOG-003:
#    params: {min_retention_days: 400}

# 出力言語 / Output language: ja | en
# lang: ja

# CloudFormation の AWS::Region に使うリージョン / Region for CloudFormation's AWS::Region.
# region: ap-northeast-1
)";
}

}  // namespace gclint::engine
