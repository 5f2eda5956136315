#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/predicate.h"
#include "engine/truth.h"
#include "model/value.h"

namespace gclint::engine::predicates {

/// One IAM policy document found at a predicate's `path` argument: a map, or a JSON string parsed here.
struct PolicyDocument {
  model::Value owned;                      // the parsed JSON string
  const model::Value* borrowed = nullptr;  // a map already in the attributes
  model::Span span;                        // where the document is written
  std::string attribute;

  const model::Value& value() const { return borrowed != nullptr ? *borrowed : owned; }
};

/// The policy documents at `args.path` (default: the current value). Lists are walked, and maps without
/// `Statement` are searched under policy/Policy/PolicyDocument (inline policy blocks). An unknown
/// document sets `unknown` to its expression.
std::vector<PolicyDocument> policy_documents(const PredicateContext& context, std::string& unknown);

/// The statements of a document (`Statement` as a list or a single map).
std::vector<const model::Value*> policy_statements(const model::Value& document);

/// True when `value` is `text` or a list holding it (case-insensitive); sets `unknown` when some element is unknown.
bool policy_value_has(const model::Value* value, std::string_view text, bool& unknown);

/// The strings of a string-or-list policy field (Action, Resource, Principal.AWS ...); sets `unknown` when some
/// element is unknown. Non-string elements are skipped.
std::vector<std::string_view> policy_strings(const model::Value* value, bool& unknown);

/// IAM wildcard matching, case-insensitive: `*` matches any run of characters, `?` one character.
bool iam_glob_match(std::string_view pattern, std::string_view text);

/// The span to blame for a statement: its own when it comes from the file, else the document's.
model::Span statement_span(const PolicyDocument& document, const model::Value& statement);

/// `Effect` is Allow (true), something else (false) or unknown.
Truth statement_allows(const model::Value& statement);

/// The statement applies to everyone: `Principal: "*"`, `Principal: {AWS: "*"}` (alone or in a list), or an
/// Allow with `NotPrincipal` (everyone except the listed). Unknown when the principal is unknown.
Truth principal_is_public(const model::Value& statement);

/// The statement's Condition pins who can use it to a fixed set, in the sense of S3's "meaning of public" and
/// IAM Access Analyzer: a non-negated, non-IfExists string/ARN/IP operator with values free of wildcards on
/// aws:SourceVpce, aws:SourceVpc, aws:SourceIp (not 0.0.0.0/0), aws:SourceArn, aws:SourceAccount, aws:SourceOwner,
/// aws:SourceOrgID, aws:SourceOrgPaths, aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount,
/// aws:PrincipalArn, aws:userid, kms:CallerAccount. Unknown when a condition that might do so is unknown.
Truth condition_restricts_principal(const model::Value* condition);

/// An Allow statement's Condition requires MFA: `Bool` aws:MultiFactorAuthPresent true, `Numeric(Less|LessThanEquals)`
/// aws:MultiFactorAuthAge, or `Null` on either key false. `BoolIfExists` true does NOT: requests signed with
/// long-term access keys carry no aws:MultiFactorAuthPresent key, and IfExists then evaluates to true.
Truth allow_condition_requires_mfa(const model::Value* condition);

/// A Deny statement's Condition denies requests made without MFA: `BoolIfExists` aws:MultiFactorAuthPresent false,
/// or `Null` aws:MultiFactorAuthAge / aws:MultiFactorAuthPresent true. (`Bool` false misses long-term keys.)
Truth deny_condition_without_mfa(const model::Value* condition);

/// Whether the statement's Action (or NotAction) covers `action` (e.g. "sts:AssumeRole"): an Action pattern
/// matching it, or a NotAction none of whose patterns match it.
Truth statement_covers_action(const model::Value& statement, std::string_view action);

}  // namespace gclint::engine::predicates
