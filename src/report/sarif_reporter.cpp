#include "report/sarif_reporter.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "report/span_location.h"
#include "report/streamed_json.h"

namespace gclint::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kSrcRoot = "%SRCROOT%";

const char* sarif_level(model::Severity severity) {
  switch (severity) {
    case model::Severity::kCritical:
    case model::Severity::kHigh:
      return "error";
    case model::Severity::kMedium:
      return "warning";
    case model::Severity::kLow:
    case model::Severity::kInfo:
      return "note";
  }
  return "warning";
}

// GitHub code scanning maps security-severity > 9 to critical, 7-8.9 high, 4-6.9 medium, else low.
const char* security_severity(model::Severity severity) {
  switch (severity) {
    case model::Severity::kCritical:
      return "9.5";
    case model::Severity::kHigh:
      return "8.0";
    case model::Severity::kMedium:
      return "5.5";
    case model::Severity::kLow:
      return "3.0";
    case model::Severity::kInfo:
      return "0.0";
  }
  return "5.5";
}

std::string doc_path(const std::string& id) { return "docs/checks/" + id + ".md"; }

Json rule_json(const engine::Check& check, const std::string& lang) {
  const std::string& title = check.title.in(lang);
  const std::string& description = check.description.in(lang);
  const std::string& remediation = check.remediation.in(lang);
  std::string requirements;
  for (const auto& r : check.requirements) requirements += (requirements.empty() ? "" : ", ") + r;
  std::string help_text = remediation;
  std::string help_markdown = "**" + title + "**\n\n" + description + "\n\n";
  if (!remediation.empty()) help_markdown += (lang == "ja" ? "**修正:** " : "**Fix:** ") + remediation + "\n\n";
  if (!requirements.empty()) {
    help_text += (help_text.empty() ? "" : " ") + std::string("[") + requirements + "]";
    help_markdown += (lang == "ja" ? "**要件:** " : "**Requirements:** ") + requirements + "\n\n";
  }
  help_markdown += "[" + doc_path(check.id) + "](" + doc_path(check.id) + ")";
  Json tags = Json::array({"security"});
  if (!check.family.empty()) tags.push_back(check.family);
  Json rule;
  rule["id"] = check.id;
  if (!check.name.empty()) rule["name"] = check.name;
  rule["shortDescription"] = Json{{"text", title.empty() ? check.id : title}};
  rule["fullDescription"] = Json{{"text", description.empty() ? title : description}};
  rule["help"] = Json{{"text", help_text.empty() ? doc_path(check.id) : help_text}, {"markdown", help_markdown}};
  rule["helpUri"] = doc_path(check.id);
  rule["defaultConfiguration"] = Json{{"level", sarif_level(check.severity)}};
  rule["properties"] = Json{{"requirements", check.requirements},
                            {"tags", std::move(tags)},
                            {"precision", "high"},
                            {"security-severity", security_severity(check.severity)}};
  return rule;
}

// A finding whose check is not in the pack (should not happen) still gets a minimal rule.
Json fallback_rule_json(const model::Finding& f, const std::string& lang) {
  Json rule;
  rule["id"] = f.check_id;
  if (!f.check_name.empty()) rule["name"] = f.check_name;
  rule["shortDescription"] = Json{{"text", f.check_id}};
  rule["fullDescription"] = Json{{"text", f.message.in(lang)}};
  rule["help"] = Json{{"text", model::text_in(f.remediation, lang)}, {"markdown", model::text_in(f.remediation, lang)}};
  rule["helpUri"] = doc_path(f.check_id);
  rule["defaultConfiguration"] = Json{{"level", sarif_level(f.severity)}};
  rule["properties"] = Json{{"requirements", f.requirements},
                            {"tags", Json::array({"security"})},
                            {"security-severity", security_severity(f.severity)}};
  return rule;
}

// artifactLocation.uri is a URI reference: percent-encode everything but unreserved characters and '/'
// ("<stdin>", spaces, Japanese file names).
std::string uri_reference(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 0xF]};
    }
  }
  return out;
}

Json physical_location(const SpanLocation& at) {
  Json region;
  region["startLine"] = at.line;
  region["startColumn"] = at.column;
  region["endLine"] = at.end_line;
  region["endColumn"] = at.end_column;
  return Json{{"physicalLocation",
               {{"artifactLocation", {{"uri", uri_reference(at.file)}, {"uriBaseId", kSrcRoot}}},
                {"region", std::move(region)}}}};
}

}  // namespace

void SarifReporter::write(const ReportInput& input, std::ostream& out) const {
  Json rules = Json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& check : input.pack.checks()) {
    if (rule_index.count(check.id)) continue;
    rule_index[check.id] = rules.size();
    rules.push_back(rule_json(check, input.lang));
  }
  for (const auto& f : input.findings) {
    if (rule_index.count(f.check_id)) continue;
    rule_index[f.check_id] = rules.size();
    rules.push_back(fallback_rule_json(f, input.lang));
  }

  auto result_json = [&](const model::Finding& f) {
    Json result;
    result["ruleId"] = f.check_id;
    result["ruleIndex"] = rule_index[f.check_id];
    result["level"] = sarif_level(f.severity);
    std::string text = f.message.in(input.lang);
    if (!f.requirements.empty()) {
      text += " [";
      for (size_t i = 0; i < f.requirements.size(); ++i) text += (i ? ", " : "") + f.requirements[i];
      text += "]";
    }
    result["message"] = Json{{"text", text}};
    SpanLocation at = locate(input.sources, f.span);
    if (at.valid) result["locations"] = Json::array({physical_location(at)});
    // Where a value that came through a variable or parameter was set (terraform.tfvars:2), as the text report's
    // "value set at" line.
    if (SpanLocation origin = locate(input.sources, f.origin); origin.valid) {
      Json related = physical_location(origin);
      related["id"] = 1;
      related["message"] = Json{{"text", input.lang == "ja" ? "値の設定箇所" : "value set at"}};
      result["relatedLocations"] = Json::array({std::move(related)});
    }
    if (!f.fingerprint.empty()) result["partialFingerprints"] = Json{{"gclint/v1", f.fingerprint}};
    if (f.suppressed) {
      Json suppression{{"kind", "inSource"}, {"status", "accepted"}};
      if (!f.suppression_reason.empty()) suppression["justification"] = f.suppression_reason;
      result["suppressions"] = Json::array({std::move(suppression)});
    }
    Json properties{{"severity", model::severity_name(f.severity)},
                    {"resource", f.resource},
                    {"resourceType", f.resource_type},
                    {"tier", f.tier}};
    if (!f.scenario.empty()) properties["scenario"] = f.scenario;
    result["properties"] = std::move(properties);
    return result;
  };
  auto notification_json = [&](const model::Diagnostic& d) {
    const char* level = d.level == model::Diagnostic::Level::kError     ? "error"
                        : d.level == model::Diagnostic::Level::kWarning ? "warning"
                                                                        : "note";
    Json notification{{"level", level}, {"message", {{"text", d.message}}}};
    SpanLocation at = locate(input.sources, d.span);
    if (at.valid) notification["locations"] = Json::array({physical_location(at)});
    return notification;
  };
  bool successful = std::none_of(input.diagnostics.begin(), input.diagnostics.end(), [](const model::Diagnostic& d) {
    return d.level == model::Diagnostic::Level::kError;
  });

  // Results and notifications are written one at a time (streamed_json.h); the skeleton holds placeholders.
  const std::string kResults("\0gclint:results\0", 16);
  const std::string kNotifications("\0gclint:notifications\0", 22);
  Json driver;
  driver["name"] = "gclint";
  driver["version"] = input.tool_version;
  driver["semanticVersion"] = input.tool_version;
  driver["rules"] = std::move(rules);

  Json run;
  run["tool"] = Json{{"driver", std::move(driver)}};
  run["invocations"] =
      Json::array({Json{{"executionSuccessful", successful}, {"toolExecutionNotifications", kNotifications}}});
  run["originalUriBaseIds"] = Json{{kSrcRoot, {{"description", {{"text", "The scan root"}}}}}};
  run["results"] = kResults;
  run["columnKind"] = "unicodeCodePoints";
  run["language"] = input.lang == "ja" ? "ja-JP" : "en-US";

  Json root;
  root["$schema"] = kSchemaUri;
  root["version"] = "2.1.0";
  root["runs"] = Json::array({std::move(run)});
  write_streamed(
      out, root,
      {{kResults, input.findings.size(), [&](size_t i) { return result_json(input.findings[i]); }},
       {kNotifications, input.diagnostics.size(), [&](size_t i) { return notification_json(input.diagnostics[i]); }}});
}

}  // namespace gclint::report
