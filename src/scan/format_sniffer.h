#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gclint::scan {

/// What a file holds, decided from its name and a cheap look at its text.
enum class FileKind { kIgnored, kTerraform, kTerraformVars, kTerraformPlan, kCloudFormation, kKubernetes };

/// Classifies one file. Terraform by name (.tf, .tf.json; .tfvars(.json) belong to their directory);
/// a Terraform plan (`terraform show -json`) when a JSON object has top-level format_version and planned_values or
/// resource_changes (before CloudFormation: a plan may hold a template body in a string);
/// CloudFormation when the text holds AWSTemplateFormatVersion or Resources entries typed AWS::…;
/// Kubernetes when a document has apiVersion and kind; anything else is ignored silently.
FileKind sniff_file(std::string_view file_name, std::string_view content);

/// Local module directories (`source = "./x"` or "../x") called from one Terraform file, resolved
/// against `dir` and normalized. Works on .tf and .tf.json text; comments are skipped.
std::vector<std::filesystem::path> local_module_calls(const std::filesystem::path& dir, std::string_view file_name,
                                                      std::string_view content);

/// Chooses the root modules among directories holding .tf files: every directory not called as a local
/// module by a root of the scan. `calls` maps each directory to the directories it calls. Directories
/// reachable only through a call cycle make the first of the cycle a root, so nothing is lost. Sorted.
std::vector<std::filesystem::path> root_module_dirs(
    const std::map<std::filesystem::path, std::vector<std::filesystem::path>>& calls);

}  // namespace gclint::scan
