#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/resource.h"
#include "model/severity.h"
#include "model/span.h"

namespace gclint::model {

/// Text in both languages; reporters pick one with --lang.
struct LocalizedText {
  std::string ja;
  std::string en;

  const std::string& in(std::string_view lang) const { return lang == "ja" && !ja.empty() ? ja : en; }
};

/// `text->in(lang)`, or an empty string when there is no text.
inline const std::string& text_in(const LocalizedText* text, std::string_view lang) {
  static const std::string kNone;
  return text == nullptr ? kNone : text->in(lang);
}

/// One violation of one check by one resource (design brief §1).
struct Finding {
  std::string check_id;
  /// The check's slug ("storage-customer-managed-key") and requirement IDs ("GC-ENC-02"). Like `remediation`, they
  /// point into the rule pack (or static storage), which outlives the findings: a scan holds tens of thousands.
  std::string_view check_name;
  Severity severity = Severity::kMedium;
  /// The most specific place: the failing attribute, else the nearest enclosing block.
  Span span;
  std::string resource;  // Resource::address
  std::string resource_type;
  Format format = Format::kTerraform;
  std::string tier;
  std::span<const std::string> requirements;
  /// A scan that knows its report language (ScanOptions::lang) renders only that one; the other is empty.
  LocalizedText message;
  /// The check's fix, shared by all its findings: it points into the rule pack (or static storage), which
  /// outlives the findings. Null when there is none.
  const LocalizedText* remediation = nullptr;
  /// Attribute path that failed ("server_side_encryption_configuration.rule") and the value seen, if any.
  std::string attribute;
  std::string evidence;
  /// The value found is a secret (a check with `evidence: redacted`, Kubernetes Secret/ConfigMap data): reports show
  /// neither it nor the source text under the span.
  bool evidence_redacted = false;
  /// Where the offending value was set when it came through a variable or parameter.
  Span origin;
  /// CloudFormation condition assumptions under which the violation occurs.
  std::string scenario;
  /// Stable across line moves: hash of check id, file, resource address and attribute path.
  std::string fingerprint;
  bool suppressed = false;
  std::string suppression_reason;
};

}  // namespace gclint::model
