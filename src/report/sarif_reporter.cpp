#include "report/sarif_reporter.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "report/json_text.h"
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

std::string doc_path(std::string_view id) { return "docs/checks/" + std::string(id) + ".md"; }

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
  rule["fullDescription"] = Json{{"text", f.message().in(lang)}};
  rule["help"] = Json{{"text", model::text_in(f.remediation, lang)}, {"markdown", model::text_in(f.remediation, lang)}};
  rule["helpUri"] = doc_path(f.check_id);
  rule["defaultConfiguration"] = Json{{"level", sarif_level(f.severity)}};
  rule["properties"] = Json{{"requirements", std::vector<std::string>(f.requirements.begin(), f.requirements.end())},
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

// A location object's physicalLocation member (artifact URI relative to %SRCROOT% and the region).
void write_physical_location(JsonObjectText& location, const SpanLocation& at) {
  JsonObjectText physical = location.object("physicalLocation");
  JsonObjectText artifact = physical.object("artifactLocation");
  artifact.string("uri", uri_reference(at.file)).string("uriBaseId", kSrcRoot);
  artifact.close();
  JsonObjectText region = physical.object("region");
  region.number("startLine", at.line)
      .number("startColumn", at.column)
      .number("endLine", at.end_line)
      .number("endColumn", at.end_column);
  region.close();
  physical.close();
}

// A result's or notification's message and, when the span has a place, its one location.
void write_message_and_location(JsonObjectText& object, const std::string& text, const model::SourceSet& sources,
                                const model::Span& span) {
  JsonObjectText message = object.object("message");
  message.string("text", text);
  message.close();
  if (SpanLocation at = locate(sources, span); at.valid) {
    JsonArrayText locations = object.objects("locations");
    JsonObjectText location = locations.object();
    write_physical_location(location, at);
    location.close();
    locations.close();
  }
}

}  // namespace

void SarifReporter::write(const ReportInput& input, std::ostream& out) const {
  Json rules = Json::array();
  std::map<std::string, size_t, std::less<>> rule_index;
  for (const auto& check : input.pack.checks()) {
    if (rule_index.count(check.id)) continue;
    rule_index[check.id] = rules.size();
    rules.push_back(rule_json(check, input.lang));
  }
  for (const auto& f : input.findings) {
    if (rule_index.count(f.check_id)) continue;
    rule_index[std::string(f.check_id)] = rules.size();
    rules.push_back(fallback_rule_json(f, input.lang));
  }

  // Results and notifications are written as text, one at a time, laid out as dump(2) would (json_text.h).
  auto write_result = [&](const model::Finding& f, std::string& text_out) {
    JsonObjectText result(text_out);
    result.string("ruleId", f.check_id)
        .number("ruleIndex", rule_index.find(f.check_id)->second)
        .string("level", sarif_level(f.severity));
    std::string text(f.message().in(input.lang));
    if (!f.requirements.empty()) {
      text += " [";
      for (size_t i = 0; i < f.requirements.size(); ++i) text += (i ? ", " : "") + f.requirements[i];
      text += "]";
    }
    write_message_and_location(result, text, input.sources, f.span);
    // Where a value that came through a variable or parameter was set (terraform.tfvars:2), as the text report's
    // "value set at" line.
    if (SpanLocation origin = locate(input.sources, f.origin); origin.valid) {
      JsonArrayText related = result.objects("relatedLocations");
      JsonObjectText location = related.object();
      write_physical_location(location, origin);
      location.number("id", 1);
      JsonObjectText note = location.object("message");
      note.string("text", input.lang == "ja" ? "値の設定箇所" : "value set at");
      note.close();
      location.close();
      related.close();
    }
    if (!f.fingerprint().empty()) {
      JsonObjectText fingerprints = result.object("partialFingerprints");
      fingerprints.string("gclint/v1", f.fingerprint());
      fingerprints.close();
    }
    if (f.suppressed) {
      JsonArrayText suppressions = result.objects("suppressions");
      JsonObjectText suppression = suppressions.object();
      suppression.string("kind", "inSource").string("status", "accepted");
      if (!f.suppression_reason().empty()) suppression.string("justification", f.suppression_reason());
      suppression.close();
      suppressions.close();
    }
    JsonObjectText properties = result.object("properties");
    properties.string("severity", model::severity_name(f.severity))
        .string("resource", f.resource())
        .string("resourceType", f.resource_type())
        .string("tier", f.tier());
    if (!f.scenario().empty()) properties.string("scenario", f.scenario());
    properties.close();
    result.close();
  };
  auto write_notification = [&](const model::Diagnostic& d, std::string& text_out) {
    const char* level = d.level == model::Diagnostic::Level::kError     ? "error"
                        : d.level == model::Diagnostic::Level::kWarning ? "warning"
                                                                        : "note";
    JsonObjectText notification(text_out);
    notification.string("level", level);
    write_message_and_location(notification, d.message, input.sources, d.span);
    notification.close();
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
  write_streamed(out, root,
                 {{kResults, input.findings.size(), nullptr,
                   [&](size_t i, std::string& text) { write_result(input.findings[i], text); }},
                  {kNotifications, input.diagnostics.size(), nullptr,
                   [&](size_t i, std::string& text) { write_notification(input.diagnostics[i], text); }}},
                 input.threads);
}

}  // namespace gclint::report
