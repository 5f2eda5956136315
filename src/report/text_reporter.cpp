#include "report/text_reporter.h"

#include <map>
#include <span>
#include <string>

#include "report/code_frame.h"
#include "report/span_location.h"

namespace gclint::report {
namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kCyan = "\x1b[36m";

const char* severity_color(model::Severity severity) {
  switch (severity) {
    case model::Severity::kCritical:
      return "\x1b[1;31m";
    case model::Severity::kHigh:
      return "\x1b[31m";
    case model::Severity::kMedium:
      return "\x1b[33m";
    case model::Severity::kLow:
      return "\x1b[36m";
    case model::Severity::kInfo:
      return "\x1b[34m";
  }
  return "";
}

struct Texts {
  const char* fix;
  const char* see;
  const char* scenario;
  const char* origin;
  const char* error;
  const char* warning;
};

const Texts& texts(const std::string& lang) {
  static const Texts en{"fix", "see", "when", "value set at", "error", "warning"};
  static const Texts ja{"修正", "参照", "条件", "値の設定箇所", "エラー", "警告"};
  return lang == "ja" ? ja : en;
}

std::string where(const SpanLocation& at) {
  if (!at.valid) return "<unknown>";
  return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::string join(std::span<const std::string> items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string summary_line(const ReportInput& input, const std::map<model::Severity, size_t>& by_severity,
                         size_t findings, size_t suppressed, size_t errors) {
  std::vector<std::string> parts;
  for (auto it = by_severity.rbegin(); it != by_severity.rend(); ++it) {
    parts.push_back(std::string(model::severity_name(it->first)) + " " + std::to_string(it->second));
  }
  std::string files = std::to_string(input.files_scanned);
  std::string resources = std::to_string(input.resources_evaluated);
  if (input.lang == "ja") {
    std::string line = files + " ファイル (リソース " + resources + " 件) を検査: ";
    line += findings == 0 ? std::string("指摘なし")
                          : "指摘 " + std::to_string(findings) + " 件 (" + join(parts, ", ") + ")";
    if (suppressed) line += "、抑止 " + std::to_string(suppressed) + " 件";
    if (errors) line += "、エラー " + std::to_string(errors) + " 件";
    return line;
  }
  std::string line = "Scanned " + files + (input.files_scanned == 1 ? " file" : " files") + " (" + resources +
                     (input.resources_evaluated == 1 ? " resource" : " resources") + "): ";
  line += findings == 0
              ? std::string("no findings")
              : std::to_string(findings) + (findings == 1 ? " finding" : " findings") + " (" + join(parts, ", ") + ")";
  if (suppressed) line += ", " + std::to_string(suppressed) + " suppressed";
  if (errors) line += ", " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
  return line;
}

}  // namespace

void TextReporter::write(const ReportInput& input, std::ostream& out) const {
  const Texts& t = texts(input.lang);
  auto paint = [&input](const char* code, std::string_view text) {
    return input.color ? std::string(code).append(text) + kReset : std::string(text);
  };
  std::map<model::Severity, size_t> by_severity;
  size_t shown = 0;
  size_t suppressed = 0;
  for (const auto& f : input.findings) {
    if (f.suppressed) {
      ++suppressed;
      continue;
    }
    ++shown;
    ++by_severity[f.severity];
    SpanLocation at = locate(input.sources, f.span);
    std::string_view message = f.message().in(input.lang);
    out << paint(kBold, where(at)) << ": " << paint(severity_color(f.severity), model::severity_name(f.severity)) << " "
        << paint(kBold, f.check_id) << " ";
    // Check messages usually name the resource themselves ({resource}); say it only when they do not.
    if (!f.resource().empty() && message.find(f.resource()) == std::string::npos) out << f.resource() << " ";
    out << message;
    if (!f.requirements.empty()) out << " [" << join(f.requirements, ", ") << "]";
    out << "\n";
    FrameStyle style;
    if (input.color) style = {severity_color(f.severity), kReset};
    std::string frame = render_code_frame(input.sources, f.span, style, f.evidence_redacted);
    out << frame;
    std::string indent(frame.empty() ? 2 : frame.find(" | "), ' ');
    if (!f.scenario().empty()) out << indent << " = " << t.scenario << ": " << f.scenario() << "\n";
    SpanLocation origin = locate(input.sources, f.origin);
    if (origin.valid) out << indent << " = " << t.origin << ": " << origin.file << ":" << origin.line << "\n";
    const std::string& fix = model::text_in(f.remediation, input.lang);
    if (!fix.empty()) out << indent << " = " << paint(kCyan, t.fix) << ": " << fix << "\n";
    out << indent << " = " << paint(kCyan, t.see) << ": docs/checks/" << f.check_id << ".md\n";
  }
  size_t errors = 0;
  for (const auto& d : input.diagnostics) {
    if (d.level == model::Diagnostic::Level::kNotEvaluated) continue;
    bool is_error = d.level == model::Diagnostic::Level::kError;
    if (is_error) ++errors;
    SpanLocation at = locate(input.sources, d.span);
    out << paint(kBold, where(at)) << ": "
        << paint(is_error ? "\x1b[1;31m" : "\x1b[33m", is_error ? t.error : t.warning) << ": " << d.message << "\n";
    out << render_code_frame(input.sources, d.span, input.color ? FrameStyle{"\x1b[1;31m", kReset} : FrameStyle{});
  }
  out << summary_line(input, by_severity, shown, suppressed, errors) << "\n";
}

}  // namespace gclint::report
