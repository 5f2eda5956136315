#include "report/json_reporter.h"

#include <nlohmann/json.hpp>

#include "report/exit_status.h"
#include "report/json_text.h"
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

void write_finding(const ReportInput& input, const model::Finding& f, std::string& out) {
  SpanLocation at = locate(input.sources, f.span);
  JsonObjectText j(out);
  j.string("check_id", f.check_id)
      .string("check_name", f.check_name)
      .string("severity", model::severity_name(f.severity))
      .string("file", at.file)
      .number("line", at.line)
      .number("column", at.column)
      .number("end_line", at.end_line)
      .number("end_column", at.end_column)
      .string("resource", f.resource())
      .string("resource_type", f.resource_type())
      .string("format", model::format_name(f.format))
      .string("tier", f.tier())
      .strings("requirements", f.requirements)
      .string("message", f.message().in(input.lang))
      .string("remediation", model::text_in(f.remediation, input.lang))
      .string("attribute", f.attribute())
      .string("evidence", f.evidence())
      .string("fingerprint", f.fingerprint())
      .boolean("suppressed", f.suppressed)
      .string("suppression_reason", f.suppression_reason());
  if (!f.scenario().empty()) j.string("scenario", f.scenario());
  SpanLocation origin = locate(input.sources, f.origin);
  if (origin.valid) {
    JsonObjectText o = j.object("origin");
    o.string("file", origin.file).number("line", origin.line);
    o.close();
  }
  j.close();
}

void write_diagnostic(const ReportInput& input, const model::Diagnostic& d, bool with_level, std::string& out) {
  SpanLocation at = locate(input.sources, d.span);
  JsonObjectText j(out);
  j.string("file", at.file).number("line", at.line).number("column", at.column);
  if (with_level) j.string("level", level_name(d.level));
  j.string("message", d.message);
  j.close();
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
                 {{kFindings, input.findings.size(), nullptr,
                   [&](size_t i, std::string& text) { write_finding(input, input.findings[i], text); }},
                  {kErrors, errors.size(), nullptr,
                   [&](size_t i, std::string& text) { write_diagnostic(input, *errors[i], true, text); }},
                  {kNotEvaluated, not_evaluated.size(), nullptr,
                   [&](size_t i, std::string& text) { write_diagnostic(input, *not_evaluated[i], false, text); }}},
                 input.threads);
}

}  // namespace gclint::report
