#include "engine/engine.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>

#include "engine/condition_evaluator.h"
#include "engine/match_program.h"
#include "engine/resource_graph.h"
#include "engine/suppression.h"
#include "engine/tier_assignment.h"
#include "model/parallel.h"
#include "model/release.h"

namespace gclint::engine {
namespace {

constexpr std::string_view kSuppressionCheck = "GC-SUP-001";

std::string fingerprint(std::string_view check, std::string_view path, std::string_view address,
                        std::string_view attribute) {
  uint64_t hash = 14695981039346656037ull;
  auto feed = [&](std::string_view s) {
    for (unsigned char c : s) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
    hash ^= 0;
    hash *= 1099511628211ull;  // field separator
  };
  feed(check);
  feed(path);
  feed(address);
  feed(attribute);
  char buf[17];
  static const char kHex[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i) {
    buf[i] = kHex[hash & 0xf];
    hash >>= 4;
  }
  buf[16] = '\0';
  return buf;
}

struct Placeholders {
  const model::Resource* resource;
  std::string attribute;
  std::string value;
  const std::map<std::string, model::Value>* params;
};

std::string render(std::string_view tmpl, const Placeholders& p) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out.push_back(tmpl[i]);
      continue;
    }
    size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    std::string_view name = tmpl.substr(i + 1, close - i - 1);
    if (name == "resource") {
      out += p.resource->address;
    } else if (name == "type") {
      out += p.resource->type;
    } else if (name == "attribute") {
      out += p.attribute.empty() ? p.resource->address : p.attribute;
    } else if (name == "value") {
      out += p.value;
    } else if (name == "tier") {
      out += p.resource->tier;
    } else if (name.substr(0, 6) == "param.") {
      auto it = p.params->find(std::string(name.substr(6)));
      if (it == p.params->end()) {
        out.append(tmpl.substr(i, close - i + 1));
      } else {
        out += it->second.to_display();
      }
    } else {
      out.append(tmpl.substr(i, close - i + 1));
    }
    i = close;
  }
  return out;
}

bool redacted(const model::Resource& r) {
  // Secret and ConfigMap data never appear in findings.
  return r.format == model::Format::kKubernetes && (r.type == "Secret" || r.type == "ConfigMap");
}

bool listed(const std::vector<std::string>& list, const Check& check) {
  for (const auto& entry : list) {
    if (entry == check.id || entry == check.family) return true;
    for (const auto& alias : check.aliases) {
      if (entry == alias) return true;
    }
  }
  return false;
}

struct Raw {
  model::FindingDraft finding;
  uint32_t resource = 0;
  const Check* check = nullptr;
};

/// What makes two findings one: CloudFormation scenario copies of a resource report the same place.
struct SamePlace {
  std::string_view check_id;
  std::string_view resource;
  uint32_t file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  model::Severity severity{};

  bool operator==(const SamePlace&) const = default;

  struct Hash {
    size_t operator()(const SamePlace& p) const {
      size_t h = std::hash<std::string_view>{}(p.resource);
      for (size_t part : {std::hash<std::string_view>{}(p.check_id), size_t(p.file), size_t(p.begin), size_t(p.end),
                          size_t(p.severity)}) {
        h ^= part + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
      }
      return h;
    }
  };
};

model::Value string_list(const std::vector<std::string>& items) {
  model::Value list = model::Value::list();
  for (const auto& item : items) list.push(model::Value::of_string(item));
  return list;
}

}  // namespace

Engine::Engine(const RulePack& pack, const Config& config, const model::SourceSet& sources, EngineOptions options)
    : pack_(pack), config_(config), sources_(sources), options_(std::move(options)) {
  // Parameter overrides from .gclint.yaml, merged and compiled once: run() is called once per scan unit.
  for (const auto& [id, values] : config_.check_params) {
    const Check* check = pack_.find(id);
    if (check == nullptr || check->id != id) continue;
    CheckOverrides& prepared = overrides_[id];
    prepared.params = check->params;
    for (const auto& [name, value] : values) {
      prepared.params[name] = value;
      if (!value.is_string()) continue;
      auto regex = std::make_shared<const re2::RE2>(value.text, re2::RE2::Quiet);
      // Parameters that are not patterns simply never get looked up here.
      if (regex->ok()) prepared.regexes[name] = std::move(regex);
    }
  }
}

bool Engine::enabled(const Check& check) const {
  if (!check.program) return false;
  if (!options_.only_checks.empty()) return listed(options_.only_checks, check);
  bool explicitly = listed(config_.enabled_checks, check);
  if (!config_.enabled_checks.empty() && !explicitly) return false;
  if (listed(config_.disabled_checks, check)) return false;
  return check.status != "deprecated" || explicitly;
}

std::optional<std::set<std::string>> Engine::cross_read_kinds(model::Format format) const {
  std::set<std::string> kinds;
  bool any = false;
  std::function<void(const Condition&)> visit = [&](const Condition& c) {
    bool related = c.op == Condition::Op::kReferences || c.op == Condition::Op::kReferencedBy;
    if (related && !c.children.empty()) {
      if (c.types.empty()) any = true;
      kinds.insert(c.types.begin(), c.types.end());
    }
    if (c.op == Condition::Op::kPredicate) {
      const PredicateEntry* entry = find_predicate(c.predicate_name);
      if (entry == nullptr || entry->reads_other_resources) any = true;
    }
    for (const Condition& child : c.children) visit(child);
  };
  for (const Check& check : pack_.checks()) {
    if (!enabled(check)) continue;
    for (const MatchBlock& block : check.program->blocks) {
      if (block.format != format) continue;
      if (block.where) visit(*block.where);
      visit(block.condition);
    }
  }
  if (any) return std::nullopt;
  return kinds;
}

std::unique_ptr<ResourceGraph> Engine::prepare(std::vector<model::Resource>& resources) const {
  auto graph = std::make_unique<ResourceGraph>(resources);
  assign_tiers(resources, *graph, config_, sources_);
  return graph;
}

std::vector<model::Finding> Engine::run(std::vector<model::Resource>& resources,
                                        std::vector<model::Diagnostic>& diagnostics, unsigned threads) const {
  std::unique_ptr<ResourceGraph> graph = prepare(resources);
  return evaluate(resources, *graph, 0, static_cast<uint32_t>(resources.size()), diagnostics, threads);
}

std::vector<model::Finding> Engine::run_prepared(const std::vector<model::Resource>& resources,
                                                 const ResourceGraph& graph, uint32_t first, uint32_t last,
                                                 std::vector<model::Diagnostic>& diagnostics) const {
  return evaluate(resources, graph, first, last, diagnostics, 1);
}

std::vector<model::Finding> Engine::evaluate(const std::vector<model::Resource>& resources, const ResourceGraph& graph,
                                             uint32_t first, uint32_t last, std::vector<model::Diagnostic>& diagnostics,
                                             unsigned threads) const {
  const std::span<const model::Resource> evaluated(resources.data() + first, last - first);
  // LocalizedText::in shows the English text when the Japanese one is empty, so a "ja" scan keeps it then.
  const bool wants_ja = options_.language != "en";
  const bool wants_en = options_.language != "ja";
  auto render_message = [&](const model::LocalizedText& tmpl, const Placeholders& p, model::LocalizedText& out) {
    if (wants_ja) out.ja = render(tmpl.ja, p);
    if (wants_en || out.ja.empty()) out.en = render(tmpl.en, p);
  };

  std::map<std::string, model::Value> config_values = {
      {"allowed_regions", string_list(config_.allowed_regions)},
      {"allowed_egress_cidrs", string_list(config_.allowed_egress_cidrs)},
      {"allowed_egress_prefix_lists", string_list(config_.allowed_egress_prefix_lists)},
      {"allowed_vpc_endpoint_services", string_list(config_.allowed_vpc_endpoint_services)},
  };
  std::map<std::string, std::vector<Cidr>> config_cidrs;
  for (const auto& text : config_.allowed_egress_cidrs) {
    if (auto c = parse_cidr(text)) config_cidrs["allowed_egress_cidrs"].push_back(*c);
  }

  // Resources by format and type, so each match block visits only what it selects.
  // run() is called once per scan unit, so the lookups below must not allocate: keys view the resources' types.
  std::array<std::unordered_map<std::string_view, std::vector<uint32_t>>, 4> by_type;
  for (uint32_t i = first; i < last; ++i) {
    by_type[static_cast<size_t>(resources[i].format) % by_type.size()][resources[i].type].push_back(i);
  }

  // Each enabled check is evaluated on its own, its findings and notes in its own slot, so that a large run (every
  // Kubernetes object of a scan at once) can share the checks among threads; the slots are merged in pack order,
  // the order one thread gives. A note's message names its check, so repeated notes are found within a check.
  struct CheckOutput {
    std::vector<Raw> raw;
    std::vector<model::Diagnostic> notes;
  };
  const auto& checks = pack_.checks();
  std::vector<CheckOutput> per_check(checks.size());
  auto evaluate_check = [&](size_t check_index) {
    const Check& check = checks[check_index];
    CheckOutput& out = per_check[check_index];
    std::set<std::pair<std::string, std::tuple<uint32_t, uint32_t, uint32_t>>> unknown_seen;
    if (!enabled(check)) return;
    static const std::map<std::string, std::shared_ptr<const re2::RE2>> kNoRegexes;
    auto overridden = overrides_.find(check.id);
    const auto& params = overridden != overrides_.end() ? overridden->second.params : check.params;
    const auto& param_regexes = overridden != overrides_.end() ? overridden->second.regexes : kNoRegexes;
    EvalEnvironment env{graph, config_, params, config_values, config_cidrs, &param_regexes};
    ValueHits elements;  // of one resource at a time; kept to reuse its buffer

    for (const MatchBlock& block : check.program->blocks) {
      // Terraform checks also cover plan JSON.
      bool terraform = block.format == model::Format::kTerraform;
      std::array<model::Format, 2> formats{block.format, model::Format::kTerraformPlan};
      for (model::Format format : std::span(formats.data(), terraform ? 2 : 1)) {
        const auto& of_format = by_type[static_cast<size_t>(format) % by_type.size()];
        if (of_format.empty()) continue;
        for (const std::string& type : block.types) {
          auto found = of_format.find(std::string_view(type));
          if (found == of_format.end()) continue;
          for (uint32_t index : found->second) {
            const model::Resource& resource = resources[index];
            if (resource.is_data) continue;
            if (!check.tiers.empty() &&
                std::find(check.tiers.begin(), check.tiers.end(), resource.tier) == check.tiers.end()) {
              continue;
            }
            const model::Value* root = &resource.attributes;
            if (!block.view.empty()) {
              root = resource.view(block.view);
              if (root == nullptr) continue;
            }
            ConditionEvaluator evaluator(env, resource, *root);
            elements.clear();
            if (block.each) {
              const model::Value* anchor = nullptr;
              uint16_t step = 0;
              evaluator.elements(*block.each, *root, elements, anchor, step);
            } else {
              elements.push_back(root);
            }
            for (const model::Value* element : elements) {
              if (element->is_unknown()) continue;
              if (block.where) {
                if (evaluator.evaluate(*block.where, *element).truth != Truth::kTrue) continue;
              }
              Outcome outcome = evaluator.evaluate(block.condition, *element);
              model::Span span = evaluator.blame_span(outcome);
              if (outcome.truth == Truth::kUnknown) {
                std::string message = outcome.unknown + " has no value; " + check.id + " not evaluated";
                if (!unknown_seen.insert({message, {span.file, span.begin, span.end}}).second) continue;
                if (options_.strict_unknown) {
                  Raw r;
                  r.resource = index;
                  r.check = &check;
                  model::FindingDraft& f = r.finding;
                  f.check_id = check.id;
                  f.check_name = check.name;
                  f.severity = model::Severity::kInfo;
                  f.span = span;
                  f.resource = resource.address;
                  f.resource_type = resource.type;
                  f.format = resource.format;
                  f.tier = resource.tier;
                  f.requirements = check.requirements;
                  if (wants_en) f.message.en = message;
                  if (wants_ja) f.message.ja = outcome.unknown + " の値が不明なため、" + check.id + " を評価できません";
                  f.remediation = &check.remediation;
                  f.attribute = evaluator.attribute_of(outcome);
                  f.evidence = outcome.unknown;
                  f.scenario = resource.scenario;
                  out.raw.push_back(std::move(r));
                } else {
                  out.notes.push_back({model::Diagnostic::Level::kNotEvaluated, span, message});
                }
                continue;
              }
              bool violated = block.deny ? outcome.truth == Truth::kTrue : outcome.truth == Truth::kFalse;
              if (!violated) continue;
              Raw r;
              r.resource = index;
              r.check = &check;
              model::FindingDraft& f = r.finding;
              f.check_id = check.id;
              f.check_name = check.name;
              f.severity = check.severity_for_tier(resource.tier);
              f.span = span;
              f.resource = resource.address;
              f.resource_type = resource.type;
              f.format = resource.format;
              f.tier = resource.tier;
              f.requirements = check.requirements;
              f.attribute = evaluator.attribute_of(outcome);
              f.evidence_redacted = redacted(resource) || check.redact_evidence;
              f.evidence = f.evidence_redacted ? "(redacted)" : evaluator.value_of(outcome);
              Placeholders p{&resource, f.attribute, f.evidence, &params};
              render_message(block.message ? *block.message : check.message, p, f.message);
              f.remediation = &check.remediation;
              if (outcome.value != nullptr && outcome.value->origin.valid()) f.origin = outcome.value->origin;
              f.scenario = resource.scenario;
              out.raw.push_back(std::move(r));
            }
          }
        }
      }
    }
    // A check's findings stay in its slot until they become Findings; without their growth slack.
    out.raw.shrink_to_fit();
  };
  model::parallel_for(checks.size(), threads, evaluate_check);
  // The steps below edit and drop drafts through pointers, so that the drafts are never copied.
  std::vector<Raw*> raw;
  size_t raw_count = 0;
  for (const auto& out : per_check) raw_count += out.raw.size();
  raw.reserve(raw_count);
  for (auto& out : per_check) {
    for (Raw& r : out.raw) raw.push_back(&r);
    std::move(out.notes.begin(), out.notes.end(), std::back_inserter(diagnostics));
    model::release(out.notes);
  }

  // CloudFormation scenario copies: one finding per place; a scenario is named only when not every copy fails.
  std::map<std::string, size_t> copies;
  for (const auto& r : evaluated) {
    if (!r.scenario.empty()) ++copies[r.address + '\0' + sources_.path_of(r.span)];
  }
  std::vector<Raw*> merged;
  std::unordered_map<SamePlace, size_t, SamePlace::Hash> seen;
  seen.reserve(raw.size());
  // Without scenario copies every list would be {""}: unconditional, nothing to name.
  bool any_scenario = !copies.empty();
  std::vector<std::vector<std::string>> scenarios;
  for (Raw* r : raw) {
    const model::FindingDraft& f = r->finding;
    auto [it, inserted] = seen.emplace(
        SamePlace{f.check_id, f.resource, f.span.file, f.span.begin, f.span.end, f.severity}, merged.size());
    if (inserted) merged.push_back(r);
    if (!any_scenario) continue;
    if (inserted) scenarios.push_back({});
    auto& list = scenarios[it->second];
    if (std::find(list.begin(), list.end(), f.scenario) == list.end()) list.push_back(f.scenario);
  }
  model::release(seen);
  model::release(raw);
  for (size_t i = 0; any_scenario && i < merged.size(); ++i) {
    model::FindingDraft& f = merged[i]->finding;
    const auto& list = scenarios[i];
    bool unconditional =
        std::find(list.begin(), list.end(), std::string()) != list.end() ||
        list.size() >= copies[f.resource + '\0' + sources_.path_of(resources[merged[i]->resource].span)];
    if (unconditional) {
      f.scenario.clear();
      continue;
    }
    std::string joined;
    for (const auto& s : list) joined += (joined.empty() ? "" : " or ") + s;
    f.scenario = joined;
    if (!f.message.en.empty()) f.message.en += " (when " + joined + ")";
    if (!f.message.ja.empty()) f.message.ja += "（" + joined + " の場合）";
  }

  // One finding per cause: a value written in one place (a CloudFormation parameter's Default) and used in another
  // is reported where it is written when the same check reports that place itself.
  {
    std::set<std::tuple<std::string_view, uint32_t, uint32_t, uint32_t>> reported;
    for (const Raw* m : merged) {
      const model::Span& s = m->finding.span;
      reported.emplace(m->finding.check_id, s.file, s.begin, s.end);
    }
    std::erase_if(merged, [&](const Raw* m) {
      const model::Span& o = m->finding.origin;
      const model::Span& s = m->finding.span;
      bool elsewhere = o.file != s.file || o.begin != s.begin || o.end != s.end;
      return o.valid() && elsewhere && reported.count({m->finding.check_id, o.file, o.begin, o.end}) > 0;
    });
  }

  // Suppressions (design brief §9).
  std::string today = options_.today.empty() ? today_utc() : options_.today;
  std::vector<Suppression> suppressions;
  std::set<uint32_t> files;
  for (const auto& r : evaluated) {
    if (r.span.valid()) files.insert(r.span.file);
  }
  for (uint32_t file : files) {
    for (auto& s : inline_suppressions(sources_.file(file))) suppressions.push_back(std::move(s));
  }
  for (const auto& r : evaluated) {
    for (auto& s : metadata_suppressions(r)) suppressions.push_back(std::move(s));
  }
  std::set<std::tuple<uint32_t, uint32_t, uint32_t>> suppression_spans;
  std::vector<Suppression> unique_suppressions;
  for (auto& s : suppressions) {
    // CloudFormation scenario copies share their metadata.
    if (!suppression_spans.insert({s.span.file, s.span.begin, s.span.end}).second) continue;
    validate_suppression(s, today);
    unique_suppressions.push_back(std::move(s));
  }
  auto comment_line = [&](const model::SourceFile& file, uint32_t line) {
    std::string_view text = file.line_text(line);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    return !text.empty() && (text.front() == '#' || text.substr(0, 2) == "//");
  };
  for (Raw* m : merged) {
    model::FindingDraft& f = m->finding;
    const model::Resource& resource = resources[m->resource];
    uint32_t finding_line = f.span.valid() ? sources_.begin_of(f.span).line : 0;
    uint32_t resource_line = resource.span.valid() ? sources_.begin_of(resource.span).line : 0;
    const Check* check = m->check;
    for (const Suppression& s : unique_suppressions) {
      if (!s.problem.empty()) continue;
      bool covers = s.covers(f.check_id);
      if (!covers && check != nullptr) {
        for (const auto& alias : check->aliases) covers = covers || s.covers(alias);
      }
      if (!covers) continue;
      bool applies = false;
      if (!s.resource.empty()) {
        applies = s.resource == resource.address && s.file == resource.span.file;
      } else if (s.file == f.span.file && s.line == finding_line) {
        applies = true;
      } else if (s.file == resource.span.file && resource_line > 1 && s.line < resource_line) {
        const model::SourceFile& file = sources_.file(s.file);
        if (resource.format == model::Format::kKubernetes) {
          // The kind line is rarely a document's first: anywhere in the document above it counts.
          applies = true;
          for (uint32_t line = s.line + 1; line < resource_line; ++line) {
            applies = applies && file.line_text(line).substr(0, 3) != "---";
          }
        } else {
          // On the comment lines directly above the resource's first line.
          applies = true;
          for (uint32_t line = s.line; line < resource_line; ++line) applies = applies && comment_line(file, line);
        }
      }
      if (applies) {
        f.suppressed = true;
        f.suppression_reason = s.reason;
        break;
      }
    }
    f.fingerprint = fingerprint(f.check_id, sources_.path_of(f.span), f.resource, f.attribute);
  }

  bool report_suppressions = options_.only_checks.empty()
                                 ? std::find(config_.disabled_checks.begin(), config_.disabled_checks.end(),
                                             kSuppressionCheck) == config_.disabled_checks.end()
                                 : std::find(options_.only_checks.begin(), options_.only_checks.end(),
                                             kSuppressionCheck) != options_.only_checks.end();
  std::vector<model::FindingDraft*> findings;
  findings.reserve(merged.size());
  for (Raw* m : merged) findings.push_back(&m->finding);
  model::release(merged);
  std::vector<model::FindingDraft> suppression_findings;
  if (report_suppressions) {
    suppression_findings.reserve(unique_suppressions.size());
    for (const Suppression& s : unique_suppressions) {
      if (s.problem.empty()) continue;
      std::string ids;
      for (const auto& id : s.ids) ids += (ids.empty() ? "" : ",") + id;
      model::FindingDraft f;
      f.check_id = kSuppressionCheck;
      f.check_name = "suppression-needs-reason-and-date";
      f.severity = model::Severity::kLow;
      f.span = s.span;
      f.resource = s.resource;
      f.format = model::Format::kTerraform;
      // Attribute an inline suppression to the resource it sits in: the last one starting before it.
      const model::Resource* owner = nullptr;
      for (const auto& r : evaluated) {
        if (r.span.file != s.file) continue;
        if (!s.resource.empty() ? r.address == s.resource
                                : r.span.begin <= s.span.begin && (!owner || r.span.begin > owner->span.begin)) {
          owner = &r;
        }
      }
      if (owner == nullptr) {
        for (const auto& r : evaluated) {
          if (r.span.file == s.file && (!owner || r.span.begin < owner->span.begin)) owner = &r;
        }
      }
      if (owner != nullptr) {
        f.resource = owner->address;
        f.resource_type = owner->type;
        f.format = owner->format;
        f.tier = owner->tier;
      }
      if (wants_en) f.message.en = "gclint:ignore " + ids + " " + s.problem + ", so it suppresses nothing";
      if (wants_ja)
        f.message.ja = "gclint:ignore " + ids + " は" +
                       (s.problem == "has no reason"         ? std::string("理由 (reason) がない")
                        : s.problem.rfind("expired", 0) == 0 ? "期限 " + s.until + " を過ぎている"
                                                             : "書式が正しくない (" + s.problem + ")") +
                       "ため、抑止は無効です";
      static const model::LocalizedText kSuppressionFix{
          "抑止に reason=\"…\" と将来の until=YYYY-MM-DD を付けるか、指摘を解消してください。",
          "Give the suppression a reason=\"...\" and a future until=YYYY-MM-DD, or fix the finding."};
      f.remediation = &kSuppressionFix;
      f.attribute = "gclint:ignore";
      f.evidence = ids;
      f.fingerprint = fingerprint(f.check_id, sources_.path_of(f.span), f.resource, std::to_string(s.span.begin));
      suppression_findings.push_back(std::move(f));
    }
  }
  for (auto& f : suppression_findings) findings.push_back(&f);

  struct Key {
    const std::string* path;
    model::Position position;
  };
  std::vector<std::pair<Key, size_t>> order;
  order.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    order.push_back({Key{&sources_.path_of(findings[i]->span), sources_.begin_of(findings[i]->span)}, i});
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    int c = a.first.path->compare(*b.first.path);
    if (c != 0) return c < 0;
    if (a.first.position.line != b.first.position.line) return a.first.position.line < b.first.position.line;
    if (a.first.position.column != b.first.position.column) return a.first.position.column < b.first.position.column;
    const auto& fa = *findings[a.second];
    const auto& fb = *findings[b.second];
    if (fa.check_id != fb.check_id) return fa.check_id < fb.check_id;
    return std::tie(fa.resource, fa.attribute) < std::tie(fb.resource, fb.attribute);
  });
  std::vector<model::Finding> sorted;
  sorted.reserve(findings.size());
  for (const auto& [key, index] : order) sorted.emplace_back(*findings[index]);
  return sorted;
}

}  // namespace gclint::engine
