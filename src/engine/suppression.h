#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/resource.h"
#include "model/source_set.h"
#include "model/span.h"

namespace gclint::engine {

/// One `gclint:ignore` (inline comment, CloudFormation Metadata.gclint.ignore, or the Kubernetes
/// annotation gclint.io/ignore), design brief §9.
struct Suppression {
  std::vector<std::string> ids;
  std::string reason;
  std::string until;  // YYYY-MM-DD or ""
  model::Span span;   // the comment or metadata entry
  /// Inline comments: the file and 1-based line they sit on. Metadata: the resource's file and address.
  uint32_t file = model::Span::kNoFile;
  uint32_t line = 0;
  std::string resource;
  /// Why the suppression does not count ("no reason", "expired on ..."), empty when valid.
  std::string problem;

  bool covers(std::string_view check_id) const;
};

/// Parses the text after "gclint:ignore": `GC-A-001[,GC-B-002] reason="..." until=2027-03-31`.
/// Unquoted reasons run to the next ` until=` or the end.
Suppression parse_suppression_text(std::string_view text);

/// Every inline `gclint:ignore` comment (`#` or `//`) in a file.
std::vector<Suppression> inline_suppressions(const model::SourceFile& file);

/// The metadata suppressions of a resource (CloudFormation Metadata.gclint.ignore, Kubernetes annotation).
std::vector<Suppression> metadata_suppressions(const model::Resource& resource);

/// Sets `problem` for a suppression without a reason or past its date (`today` is YYYY-MM-DD).
void validate_suppression(Suppression& suppression, std::string_view today);

/// Today's UTC date as YYYY-MM-DD.
std::string today_utc();

}  // namespace gclint::engine
