#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
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

/// A finding's message as stored: both languages viewed, with LocalizedText's choice of one.
struct LocalizedView {
  std::string_view ja;
  std::string_view en;

  std::string_view in(std::string_view lang) const { return lang == "ja" && !ja.empty() ? ja : en; }
};

/// What a finding holds besides its own text: its check's fields, which point into the rule pack (or static
/// storage) that outlives the findings, and the places it names.
struct FindingBasics {
  /// The check's ID, slug ("storage-customer-managed-key") and requirement IDs ("GC-ENC-02").
  std::string_view check_id;
  std::string_view check_name;
  std::span<const std::string> requirements;
  /// The check's fix, shared by all its findings. Null when there is none.
  const LocalizedText* remediation = nullptr;
  /// The most specific place: the failing attribute, else the nearest enclosing block.
  Span span;
  /// Where the offending value was set when it came through a variable or parameter.
  Span origin;
  Severity severity = Severity::kMedium;
  Format format = Format::kTerraform;
  /// The value found is a secret (a check with `evidence: redacted`, Kubernetes Secret/ConfigMap data): reports show
  /// neither it nor the source text under the span.
  bool evidence_redacted = false;
  bool suppressed = false;
};

/// A finding while the engine builds it, each text in its own string so that it can still be edited (scenarios
/// named, suppressions applied, the fingerprint computed). `Finding` is what leaves the engine.
struct FindingDraft : FindingBasics {
  std::string resource;  // Resource::address
  std::string resource_type;
  std::string tier;
  /// A scan that knows its report language (ScanOptions::lang) renders only that one; the other is empty.
  LocalizedText message;
  /// Attribute path that failed ("server_side_encryption_configuration.rule") and the value seen, if any.
  std::string attribute;
  std::string evidence;
  /// CloudFormation condition assumptions under which the violation occurs.
  std::string scenario;
  /// Stable across line moves: hash of check id, file, resource address and attribute path.
  std::string fingerprint;
  std::string suppression_reason;
};

/// One violation of one check by one resource (design brief §1), as reports read it. A scan holds tens of
/// thousands, so a finding is small: what belongs to its check points into the rule pack, and its own text (the
/// FindingDraft's strings) sits in one allocation.
class Finding : public FindingBasics {
 public:
  Finding() = default;
  explicit Finding(const FindingDraft& draft);
  Finding(const Finding& other);
  Finding& operator=(const Finding& other);
  Finding(Finding&&) noexcept = default;
  Finding& operator=(Finding&&) noexcept = default;
  ~Finding() = default;

  std::string_view resource() const { return text(kResource); }
  std::string_view resource_type() const { return text(kResourceType); }
  std::string_view tier() const { return text(kTier); }
  LocalizedView message() const { return {text(kMessageJa), text(kMessageEn)}; }
  std::string_view attribute() const { return text(kAttribute); }
  std::string_view evidence() const { return text(kEvidence); }
  std::string_view scenario() const { return text(kScenario); }
  std::string_view fingerprint() const { return text(kFingerprint); }
  std::string_view suppression_reason() const { return text(kSuppressionReason); }

 private:
  enum Field : uint8_t {
    kResource,
    kResourceType,
    kTier,
    kMessageJa,
    kMessageEn,
    kAttribute,
    kEvidence,
    kScenario,
    kFingerprint,
    kSuppressionReason,
    kFieldCount
  };
  /// The block: kFieldCount end offsets (uint32_t, counted from the first character), then the characters.
  static constexpr size_t kHeader = kFieldCount * sizeof(uint32_t);

  std::string_view text(Field field) const;
  size_t block_size() const;

  std::unique_ptr<char[]> text_;
};

/// A scan's findings. Blocks rather than one array: the scan moves each unit's findings in as the unit's own list
/// is freed, so the two are never held whole at once, and a long list never moves to grow.
using FindingList = std::deque<Finding>;

}  // namespace gclint::model
