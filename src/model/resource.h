#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/span.h"
#include "model/value.h"

namespace gclint::model {

enum class Format : uint8_t { kTerraform, kTerraformPlan, kCloudFormation, kKubernetes };

/// "terraform", "terraform-plan", "cloudformation", "kubernetes".
const char* format_name(Format format);

/// An edge that no attribute value carries (Kubernetes selectors, DependsOn, module containment).
struct Relation {
  std::string kind;    // "selects", "routes_to", "depends_on", "binds", "uses_service_account", ...
  std::string target;  // Resource::address of the other end
  Span span;           // where the relation is written
};

/// One normalized resource (design brief §1). Front ends fill everything except tier and zone,
/// which the engine assigns from the configuration file and tags.
struct Resource {
  Format format = Format::kTerraform;
  /// "aws_s3_bucket" (Terraform), "AWS::S3::Bucket" (CloudFormation), "Deployment" (Kubernetes kind).
  std::string type;
  /// Terraform block label, CloudFormation logical ID, Kubernetes metadata.name.
  std::string name;
  /// Terraform address as Terraform prints it (`module.app.aws_s3_bucket.logs["a"]`),
  /// CloudFormation logical ID, Kubernetes `Kind/namespace/name` or `Kind/name`.
  std::string address;
  /// Terraform data source (`data.` block).
  bool is_data = false;
  /// The block header (Terraform), the logical ID key (CloudFormation), the document's kind line (Kubernetes).
  Span span;
  /// The resource body: Terraform arguments and nested blocks (a nested block is a list of maps,
  /// one per occurrence), CloudFormation Properties, the whole Kubernetes document.
  Value attributes;
  /// Alternative roots a check can select with `view:` (Kubernetes "pod_spec").
  std::vector<std::pair<std::string, Value>> views;
  /// CloudFormation resource Metadata, Kubernetes metadata.annotations; used for suppressions.
  Value metadata;
  /// Normalized tags (Terraform tags/tags_all, CloudFormation Tags, Kubernetes labels).
  std::vector<std::pair<std::string, std::string>> tags;
  /// Terraform provider configuration address (`aws`, `aws.osaka`), empty when not applicable.
  std::string provider;
  /// Effective region: a string, unknown (with the reason), or null when the format has none.
  Value region;
  /// What deleting or replacing the resource in the code does to the object: CloudFormation `DeletionPolicy` and
  /// `UpdateReplacePolicy` as written ("Delete", "Retain", "RetainExceptOnCreate", "Snapshot"); Terraform
  /// `lifecycle { prevent_destroy = true }` as "Retain" in both (Terraform refuses any plan that destroys it), an
  /// explicit false as "Delete". Null when not set.
  Value deletion_policy;
  Value update_replace_policy;
  /// Terraform module path (`module.app`), empty for the root module and other formats.
  std::string module_address;
  /// Kubernetes namespace (empty for cluster-scoped objects).
  std::string namespace_name;
  /// CloudFormation condition assumptions this copy was evaluated under ("IsProd=true"), empty otherwise.
  std::string scenario;
  std::vector<Relation> relations;
  /// The scan unit the resource was loaded in (one Terraform root module, one CloudFormation template; all
  /// Kubernetes objects share one). References resolve only within a unit: two roots may both hold
  /// `aws_kms_key.data`, and neither may satisfy the other's checks. Assigned by the scanner.
  uint32_t unit = 0;

  /// Assigned by the engine.
  std::string tier;
  std::string zone;

  const Value* view(std::string_view view_name) const;
};

}  // namespace gclint::model
