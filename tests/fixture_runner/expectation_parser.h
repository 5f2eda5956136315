#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/value.h"

namespace gclint::fixture_runner {

/// A finding a fixture sample demands (style brief §3 "Fixture expectations").
struct Expectation {
  std::string file;      // path relative to the sample root
  uint32_t line = 0;     // 1-based line the finding must point at
  std::string check_id;  // GC-ENC-002
  std::string message;   // substring the message must contain, or ""
};

/// Reads `# expect: ID[, ID] ["message"]` (on the flagged line) and `# expect-next-line: ...` comments
/// (`//` also works) from one sample file. Malformed expectations are appended to `errors` as "file:line: ...".
std::vector<Expectation> parse_inline_expectations(std::string_view file, std::string_view content,
                                                   std::vector<std::string>& errors);

/// One line of a JSON sidecar (`bad.json.expect`): `<JSON Pointer> ID[, ID] ["message"]`.
struct SidecarEntry {
  std::string pointer;
  std::vector<std::string> check_ids;
  std::string message;
  uint32_t sidecar_line = 0;
};

/// Reads a sidecar; blank lines and lines starting with '#' are skipped.
std::vector<SidecarEntry> parse_sidecar(std::string_view file, std::string_view content,
                                        std::vector<std::string>& errors);

/// Resolves an RFC 6901 JSON Pointer ("/Resources/Bucket/Properties", "" = the root) in a value tree.
const model::Value* resolve_json_pointer(const model::Value& root, std::string_view pointer);

/// True for IDs like GC-ENC-002 or ORG-LOG-001.
bool is_check_id(std::string_view text);

}  // namespace gclint::fixture_runner
