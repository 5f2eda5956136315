#pragma once

#include <ostream>
#include <string>

#include "engine/check.h"
#include "engine/rule_pack.h"

namespace gclint::cli {

/// `gclint checks`: an aligned table (ID, severity, family, status, title) in `lang`.
void write_check_table(const engine::RulePack& pack, const std::string& lang, std::ostream& out);
/// `gclint checks --format json`: every check's metadata as a JSON array.
void write_check_json(const engine::RulePack& pack, std::ostream& out);
/// `gclint explain ID`: the check's documentation and every path that belongs to it.
void write_check_explanation(const engine::Check& check, const std::string& lang, std::ostream& out);

}  // namespace gclint::cli
