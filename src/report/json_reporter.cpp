#include "report/json_reporter.h"

#include <nlohmann/json.hpp>

#include "report/exit_status.h"
#include "report/span_location.h"
#include "report/streamed_json.h"

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
  j["remediation"] = model::text_in(f.remediation, input.lang);
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
  Json by_severity = Json::object();
  for (auto severity : {model::Severity::kCritical, model::Severity::kHigh, model::Severity::kMedium,
                        model::Severity::kLow, model::Severity::kInfo}) {
    by_severity[model::severity_name(severity)] = 0;
  }
  size_t suppressed = 0;
  size_t active = 0;
  for (const auto& f : input.findings) {
    if (f.suppressed) {
      ++suppressed;
    } else {
      ++active;
      auto& count = by_severity[model::severity_name(f.severity)];
      count = count.get<size_t>() + 1;
    }
  }
  std::vector<const model::Diagnostic*> errors;
  std::vector<const model::Diagnostic*> not_evaluated;
  size_t error_count = 0;
  size_t warning_count = 0;
  for (const auto& d : input.diagnostics) {
    if (d.level == model::Diagnostic::Level::kNotEvaluated) {
      not_evaluated.push_back(&d);
      continue;
    }
    errors.push_back(&d);
    (d.level == model::Diagnostic::Level::kError ? error_count : warning_count)++;
  }

  // Findings, errors and notes are written one at a time (streamed_json.h); the skeleton holds placeholders.
  const std::string kFindings("\0gclint:findings\0", 17);
  const std::string kErrors("\0gclint:errors\0", 15);
  const std::string kNotEvaluated("\0gclint:not_evaluated\0", 22);
  Json root;
  root["schema_version"] = kSchemaVersion;
  root["tool"] = Json{{"name", "gclint"}, {"version", input.tool_version}};
  root["lang"] = input.lang;
  root["threshold"] = model::severity_name(input.threshold);
  root["findings"] = kFindings;
  root["errors"] = kErrors;
  root["not_evaluated"] = kNotEvaluated;
  root["summary"] = Json{{"files_scanned", input.files_scanned},
                         {"resources", input.resources_evaluated},
                         {"findings", active},
                         {"findings_by_severity", std::move(by_severity)},
                         {"suppressed", suppressed},
                         {"errors", error_count},
                         {"warnings", warning_count},
                         {"exit_code", exit_code(input.findings, input.diagnostics)}};
  write_streamed(out, root,
                 {{kFindings, input.findings.size(), [&](size_t i) { return finding_json(input, input.findings[i]); }},
                  {kErrors, errors.size(), [&](size_t i) { return diagnostic_json(input, *errors[i], true); }},
                  {kNotEvaluated, not_evaluated.size(),
                   [&](size_t i) { return diagnostic_json(input, *not_evaluated[i], false); }}});
}

}  // namespace gclint::report
