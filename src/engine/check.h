#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/finding.h"
#include "model/severity.h"
#include "model/value.h"

namespace gclint::engine {

struct MatchProgram;  // compiled `match:` blocks or `predicate:`; defined in engine/match_program.h

/// One check of the rule pack: its metadata (rule file, design brief §6 and style brief §3) and program.
struct Check {
  std::string id;                 // GC-ENC-002
  std::string name;               // storage-customer-managed-key
  std::string status = "stable";  // preview | stable | deprecated
  std::string family;             // directory word: network, encryption, ...
  model::Severity severity = model::Severity::kMedium;
  std::map<std::string, model::Severity> severity_by_tier;
  std::vector<std::string> tiers;         // mynumber, lgwan, internet (empty = all)
  std::vector<std::string> requirements;  // GC-ENC-02
  std::vector<std::string> aliases;
  /// e.g. {"aws_security_hub": ["S3.17"], "aws_config": [...], "cis_aws": [...]}
  std::map<std::string, std::vector<std::string>> references;
  std::vector<std::string> links;
  model::LocalizedText title;
  model::LocalizedText description;
  model::LocalizedText remediation;
  model::LocalizedText message;  // template with {resource} {attribute} {value}
  /// `evidence: redacted`: the value found (a password, a token) never appears in a finding or its message.
  bool redact_evidence = false;
  /// Tunable parameters with defaults (overridable in .gclint.yaml under checks.<ID>.params).
  std::map<std::string, model::Value> params;
  /// Resource types the check selects, per format ("terraform" -> ["aws_s3_bucket", ...]).
  std::map<std::string, std::vector<std::string>> resource_types;
  /// Rule file path as given (checks/encryption/GC-ENC-002.yaml) for docs and `explain`.
  std::string source_path;
  bool builtin = true;

  std::shared_ptr<const MatchProgram> program;

  model::Severity severity_for_tier(const std::string& tier) const;
};

}  // namespace gclint::engine
