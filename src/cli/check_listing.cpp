#include "cli/check_listing.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/language.h"
#include "engine/match_program.h"

namespace gclint::cli {
namespace {

std::vector<const engine::Check*> sorted_checks(const engine::RulePack& pack) {
  std::vector<const engine::Check*> checks;
  for (const auto& check : pack.checks()) checks.push_back(&check);
  std::sort(checks.begin(), checks.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  return checks;
}

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// Predicates are collected from the compiled program; the rule file nests them only a few levels deep.
void collect_predicates(const engine::Condition& condition, std::set<std::string>& names, int depth) {
  if (depth > 64) return;
  if (condition.op == engine::Condition::Op::kPredicate && !condition.predicate_name.empty()) {
    names.insert(condition.predicate_name);
  }
  for (const auto& child : condition.children) collect_predicates(child, names, depth + 1);
}

}  // namespace

void write_check_table(const engine::RulePack& pack, const std::string& lang, std::ostream& out) {
  auto checks = sorted_checks(pack);
  size_t id_width = 2;
  size_t family_width = 6;
  for (const auto* check : checks) {
    id_width = std::max(id_width, check->id.size());
    family_width = std::max(family_width, check->family.size());
  }
  auto pad = [](const std::string& text, size_t width) {
    return text + std::string(width - std::min(width, text.size()), ' ');
  };
  out << pad("ID", id_width) << "  " << pad(tr(lang, "SEVERITY", "重大度"), 8) << "  "
      << pad(tr(lang, "FAMILY", "分類"), family_width) << "  " << pad(tr(lang, "STATUS", "状態"), 10) << "  "
      << tr(lang, "TITLE", "タイトル") << "\n";
  for (const auto* check : checks) {
    out << pad(check->id, id_width) << "  " << pad(model::severity_name(check->severity), 8) << "  "
        << pad(check->family, family_width) << "  " << pad(check->status, 10) << "  " << check->title.in(lang) << "\n";
  }
}

void write_check_json(const engine::RulePack& pack, std::ostream& out) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto* check : sorted_checks(pack)) {
    nlohmann::ordered_json j;
    j["id"] = check->id;
    j["name"] = check->name;
    j["status"] = check->status;
    j["family"] = check->family;
    j["severity"] = model::severity_name(check->severity);
    nlohmann::ordered_json by_tier = nlohmann::ordered_json::object();
    for (const auto& [tier, severity] : check->severity_by_tier) by_tier[tier] = model::severity_name(severity);
    j["severity_by_tier"] = by_tier;
    j["tiers"] = check->tiers;
    j["requirements"] = check->requirements;
    j["aliases"] = check->aliases;
    j["title"] = {{"ja", check->title.ja}, {"en", check->title.en}};
    j["resource_types"] = check->resource_types;
    j["source"] = check->source_path;
    j["builtin"] = check->builtin;
    list.push_back(std::move(j));
  }
  out << list.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

void write_check_explanation(const engine::Check& check, const std::string& lang, std::ostream& out) {
  out << check.id << "  " << check.name << "\n" << check.title.in(lang) << "\n\n";
  if (!check.description.in(lang).empty()) out << check.description.in(lang) << "\n\n";
  auto row = [&out](const char* label, const std::string& value) {
    if (!value.empty()) out << label << value << "\n";
  };
  row(tr(lang, "Fix:          ", "修正:         "), check.remediation.in(lang));
  row(tr(lang, "Requirements: ", "要件:         "), join(check.requirements));
  std::string severity = model::severity_name(check.severity);
  for (const auto& [tier, s] : check.severity_by_tier)
    severity += std::string(", ") + tier + ": " + model::severity_name(s);
  row(tr(lang, "Severity:     ", "重大度:       "), severity);
  row(tr(lang, "Tiers:        ", "対象の系:     "),
      check.tiers.empty() ? std::string(tr(lang, "all", "すべて")) : join(check.tiers));
  row(tr(lang, "Status:       ", "状態:         "), check.status);
  row(tr(lang, "Aliases:      ", "旧 ID:        "), join(check.aliases));
  for (const auto& [source, ids] : check.references) {
    row(tr(lang, "Reference:    ", "参考:         "), source + ": " + join(ids));
  }
  for (const auto& link : check.links) row(tr(lang, "Link:         ", "リンク:       "), link);
  for (const auto& [format, types] : check.resource_types) {
    row(tr(lang, "Applies to:   ", "対象リソース: "), format + ": " + join(types));
  }
  out << "\n";
  row(tr(lang, "Rule:         ", "ルール:       "), check.source_path);
  if (check.builtin) {
    row(tr(lang, "Fixtures:     ", "フィクスチャ: "), "fixtures/" + check.id + "/");
    row(tr(lang, "Doc:          ", "ドキュメント: "), "docs/checks/" + check.id + ".md");
  }
  std::set<std::string> predicates;
  if (check.program) {
    for (const auto& block : check.program->blocks) {
      collect_predicates(block.condition, predicates, 0);
      if (block.where) collect_predicates(*block.where, predicates, 0);
    }
  }
  for (const auto& name : predicates) {
    row(tr(lang, "Predicate:    ", "述語:         "), "src/engine/predicates/" + name + ".cpp");
    row(tr(lang, "              ", "              "), "tests/engine/predicates/" + name + "_test.cpp");
  }
}

}  // namespace gclint::cli
