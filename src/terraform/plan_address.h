#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gclint::terraform {

/// One step of a Terraform address or reference: `module`, `buckets["zeimu"]`, `arn` -> name and key text
/// (the bracketed part including the brackets, empty when there is none).
struct AddressStep {
  std::string name;
  std::string key;  // `["zeimu"]`, `[0]`, or empty
};

/// Splits `module.a["x.y"].aws_s3_bucket.b[0].arn` at the dots outside brackets and quotes.
std::vector<AddressStep> split_address(std::string_view address);

/// The address without instance keys: `module.a["x"].aws_s3_bucket.b[0]` -> `module.a.aws_s3_bucket.b`.
std::string static_address(std::string_view address);

/// The module instance that holds `module_address`'s last module call: `module.a["x"].module.b` -> `module.a["x"]`;
/// empty for a module called from the root.
std::string parent_module_address(std::string_view module_address);

/// The name of the last module call of a module instance address: `module.a["x"].module.b[0]` -> `b`.
std::string last_module_call(std::string_view module_address);

/// `prefix.rest`, or `rest` when the prefix is empty.
std::string join_address(std::string_view prefix, std::string_view rest);

/// A reference as the `references` arrays of a plan's configuration write it, relative to its module.
struct PlanReference {
  enum class Kind { kResource, kModule, kVariable, kOther };
  Kind kind = Kind::kOther;
  std::string address;    // kResource: `aws_kms_key.data`, `data.aws_iam_policy_document.p`, `aws_subnet.app[0]`
  std::string attribute;  // kResource: first attribute step (`arn`), may be empty
  std::string name;       // kModule: call name; kVariable: variable name
  std::string key;        // kModule: instance key of the call (`["a"]`), may be empty
  std::string output;     // kModule: output name, may be empty
};

PlanReference parse_plan_reference(std::string_view text);

}  // namespace gclint::terraform
