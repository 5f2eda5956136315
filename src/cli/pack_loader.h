#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/rule_pack.h"
#include "model/source_set.h"

namespace gclint::cli {

/// Loads the embedded pack plus `check_dirs`; rule errors are printed as file:line:col and give nullopt.
std::optional<engine::RulePack> load_pack(const std::vector<std::string>& check_dirs, model::SourceSet& sources,
                                          std::ostream& err);

}  // namespace gclint::cli
