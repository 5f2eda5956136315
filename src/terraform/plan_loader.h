#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "model/parse_result.h"
#include "model/source_set.h"
#include "terraform/module_loader.h"

namespace gclint::terraform {

/// True when `content` is a Terraform plan in JSON (`terraform show -json`): a top-level object with
/// `format_version` and `planned_values` or `resource_changes`. Reads only top-level keys; never throws.
bool looks_like_plan(std::string_view content);

/// The root module a plan file belongs to: the deepest of `roots` (root module directories of the same scan) that
/// holds the plan file, directly or in a subdirectory. Absent when none does.
std::optional<std::filesystem::path> plan_configuration_dir(const std::filesystem::path& plan_file,
                                                            const std::vector<std::filesystem::path>& roots);

/// Loads the plan registered in `sources` as `plan_file_id` into resources of format terraform-plan.
///
/// Without `config_dir`, every span points into the plan file. With it (the root module the plan was made from,
/// scanned alongside), that module is evaluated as well and the two are merged: a plan resource whose address the
/// configuration also produces keeps the plan's values but takes its spans from the `.tf` files (the argument
/// where the attribute path exists there, else the nearest enclosing one, else the resource block), and the
/// configuration's own copy of it is dropped; the configuration's other resources are kept as evaluated. When
/// no address matches, the plan is not the configuration's: both are reported as they are, with a warning.
model::ParseResult load_plan(model::SourceSet& sources, uint32_t plan_file_id,
                             const std::optional<std::filesystem::path>& config_dir, const LoadOptions& options);

}  // namespace gclint::terraform
