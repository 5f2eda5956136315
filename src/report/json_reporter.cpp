#include "report/json_reporter.h"

#include <nlohmann/json.hpp>

#include "report/exit_status.h"
#include "report/span_location.h"

namespace gclint::report {
namespace {

using Json = nlohmann::ordered_json;

const char* level_name(model::Diagnostic::Level level) {
  switch (level) {
    case model::Diagnostic::Level::kError:
      return "error";
    case model::Diagnostic::Level::kWarning:
      return "warning";
    case model::Diagnostic::Level::kNotEvaluated:
      return "not_evaluated";
  }
  return "error";
}

Json finding_json(const ReportInput& input, const model::Finding& f) {
  SpanLocation at = locate(input.sources, f.span);
  Json j;
  j["check_id"] = f.check_id;
  j["check_name"] = f.check_name;
  j["severity"] = model::severity_name(f.severity);
  j["file"] = at.file;
  j["line"] = at.line;
  j["column"] = at.column;
  j["end_line"] = at.end_line;
  j["end_column"] = at.end_column;
  j["resource"] = f.resource;
  j["resource_type"] = f.resource_type;
  j["format"] = model::format_name(f.format);
  j["tier"] = f.tier;
  j["requirements"] = f.requirements;
  j["message"] = f.message.in(input.lang);
  j["remediation"] = f.remediation.in(input.lang);
  j["attribute"] = f.attribute;
  j["evidence"] = f.evidence;
  j["fingerprint"] = f.fingerprint;
  j["suppressed"] = f.suppressed;
  j["suppression_reason"] = f.suppression_reason;
  if (!f.scenario.empty()) j["scenario"] = f.scenario;
  SpanLocation origin = locate(input.sources, f.origin);
  if (origin.valid) j["origin"] = Json{{"file", origin.file}, {"line", origin.line}};
  return j;
}

Json diagnostic_json(const ReportInput& input, const model::Diagnostic& d, bool with_level) {
  SpanLocation at = locate(input.sources, d.span);
  Json j;
  j["file"] = at.file;
  j["line"] = at.line;
  j["column"] = at.column;
  if (with_level) j["level"] = level_name(d.level);
  j["message"] = d.message;
  return j;
}

}  // namespace

void JsonReporter::write(const ReportInput& input, std::ostream& out) const {
  Json root;
  root["schema_version"] = kSchemaVersion;
  root["tool"] = Json{{"name", "gclint"}, {"version", input.tool_version}};
  root["lang"] = input.lang;
  root["threshold"] = model::severity_name(input.threshold);
  Json findings = Json::array();
  Json by_severity = Json::object();
  for (auto severity : {model::Severity::kCritical, model::Severity::kHigh, model::Severity::kMedium,
                        model::Severity::kLow, model::Severity::kInfo}) {
    by_severity[model::severity_name(severity)] = 0;
  }
  size_t suppressed = 0;
  size_t active = 0;
  for (const auto& f : input.findings) {
    findings.push_back(finding_json(input, f));
    if (f.suppressed) {
      ++suppressed;
    } else {
      ++active;
      by_severity[model::severity_name(f.severity)] = by_severity[model::severity_name(f.severity)].get<size_t>() + 1;
    }
  }
  Json errors = Json::array();
  Json not_evaluated = Json::array();
  size_t error_count = 0;
  size_t warning_count = 0;
  for (const auto& d : input.diagnostics) {
    if (d.level == model::Diagnostic::Level::kNotEvaluated) {
      not_evaluated.push_back(diagnostic_json(input, d, false));
      continue;
    }
    errors.push_back(diagnostic_json(input, d, true));
    (d.level == model::Diagnostic::Level::kError ? error_count : warning_count)++;
  }
  root["findings"] = std::move(findings);
  root["errors"] = std::move(errors);
  root["not_evaluated"] = std::move(not_evaluated);
  root["summary"] = Json{{"files_scanned", input.files_scanned},
                         {"resources", input.resources_evaluated},
                         {"findings", active},
                         {"findings_by_severity", std::move(by_severity)},
                         {"suppressed", suppressed},
                         {"errors", error_count},
                         {"warnings", warning_count},
                         {"exit_code", exit_code(input.findings, input.diagnostics)}};
  out << root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace gclint::report
