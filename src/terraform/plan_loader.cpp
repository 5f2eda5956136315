#include "terraform/plan_loader.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <span>
#include <string>

#include "syntax/json_reader.h"
#include "terraform/plan_address.h"
#include "terraform/plan_resources.h"

namespace gclint::terraform {

namespace fs = std::filesystem;
using model::Resource;
using model::Span;
using model::Value;

namespace {

constexpr int kMaxDepth = 128;

// Top-level keys of a JSON object, without building it: a sniffer's look at files of any size.
class TopLevelKeys {
 public:
  explicit TopLevelKeys(std::string_view text) : text_(text) {}

  /// Calls `seen(key)` for each top-level key until it returns true; false when the text is not a JSON object.
  template <typename Seen>
  bool scan(Seen&& seen) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    skip_space();
    if (!take('{')) return false;
    while (true) {
      skip_space();
      if (take('}')) return true;
      std::string key;
      if (!string(&key)) return false;
      skip_space();
      if (!take(':')) return false;
      if (seen(key)) return true;
      if (!skip_value()) return false;
      skip_space();
      if (take(',')) continue;
      return take('}');
    }
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool string(std::string* out) {
    if (!take('"')) return false;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (c == '\\') {
        if (pos_ >= text_.size()) return false;
        c = text_[pos_++];
      }
      if (out != nullptr) out->push_back(c);
    }
    return false;
  }
  // Scalars and nested containers; brackets are only counted, the full reader validates later.
  bool skip_value() {
    skip_space();
    size_t depth = 0;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') {
        if (!string(nullptr)) return false;
      } else if (c == '{' || c == '[') {
        ++depth;
        ++pos_;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return true;
        --depth;
        ++pos_;
      } else if (c == ',' && depth == 0) {
        return true;
      } else {
        ++pos_;
      }
      if (depth == 0 && (c == '"' || c == '}' || c == ']')) return true;
    }
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// `aws_s3_bucket.b`, `aws_s3_bucket.b[0]` and `aws_s3_bucket.b["x"]` are the same resource.
bool same_resource(std::string_view a, std::string_view b) {
  auto base = [](std::string_view s) {
    if (!s.ends_with(']')) return s;
    size_t open = s.rfind('[');
    return open == std::string_view::npos ? s : s.substr(0, open);
  };
  return base(a) == base(b);
}

void add_refs(Value& to, std::span<const model::Reference> refs) {
  for (const auto& r : refs) {
    bool seen = false;
    for (const auto& existing : to.refs) seen = seen || existing == r;
    if (!seen) to.refs.push_back(r);
  }
}

// Whether configuration value `h` can be the written form of plan value `p`: equal scalars, or maps whose known
// scalar arguments (those written in the block) all hold the plan's values.
bool compatible(const Value& p, const Value& h) {
  if (p.is_map() && h.is_map()) {
    for (const auto& e : h.entries) {
      if (!e.value.is_known() || e.value.is_map() || e.value.is_list()) continue;
      const Value* pv = p.get(e.key);
      if (pv == nullptr || !pv->is_known() || !pv->same_content(e.value)) return false;
    }
    return true;
  }
  return h.is_known() && p.same_content(h);
}

// For each plan list item, the configuration item it was written as (null when unclear).
std::vector<const Value*> pair_items(const Value& plan, const Value& hcl) {
  std::vector<const Value*> out(plan.items.size(), nullptr);
  if (!hcl.is_list()) return out;
  if (plan.items.size() == 1 && hcl.items.size() == 1) {
    out[0] = &hcl.items[0];
    return out;
  }
  std::set<size_t> used;
  for (size_t i = 0; i < plan.items.size(); ++i) {
    if (plan.items.size() == hcl.items.size() && !used.count(i) && compatible(plan.items[i], hcl.items[i])) {
      out[i] = &hcl.items[i];
      used.insert(i);
      continue;
    }
    size_t found = SIZE_MAX;
    for (size_t j = 0; j < hcl.items.size(); ++j) {
      if (used.count(j) || !compatible(plan.items[i], hcl.items[j])) continue;
      if (found != SIZE_MAX) {
        found = SIZE_MAX - 1;  // ambiguous
        break;
      }
      found = j;
    }
    if (found < hcl.items.size()) {
      out[i] = &hcl.items[found];
      used.insert(found);
    }
  }
  return out;
}

// Plan values keep their content; spans (and origins, where the configuration's value is the same) come from the
// configuration's value at the same path, else from the nearest enclosing one.
void overlay(Value& p, const Value* h, Span fallback, int depth) {
  if (depth > kMaxDepth) return;
  // A secret the plan withholds (plan_resources.h) that the configuration knows (a literal, or a tfvars value): the
  // configuration's value, as a scan of the .tf files alone would judge it.
  if (p.is_unknown() && p.text.ends_with(" (sensitive)") && h != nullptr && h->is_known()) {
    p = *h;
    return;
  }
  if (h != nullptr && h->span.valid()) {
    p.span = h->span;
    if (h->origin.valid() && h->is_known() && p.is_known() && p.same_content(*h)) p.origin = h->origin;
    // The configuration's evaluation knows which instance an index chose; the plan's reference to the same resource
    // (recorded without the index, or inferred from it) gives way.
    model::erase_if(p.refs, [&](const model::Reference& r) {
      return std::any_of(h->refs.begin(), h->refs.end(), [&](const model::Reference& c) {
        return same_resource(c.address, r.address) && c.address != r.address;
      });
    });
    add_refs(p, h->refs);
  } else {
    p.span = fallback;
  }
  if (p.is_map()) {
    for (auto& e : p.entries) {
      const Value* hc = h != nullptr && h->is_map() ? h->get(e.key) : nullptr;
      overlay(e.value, hc, p.span, depth + 1);
    }
  } else if (p.is_list()) {
    std::vector<const Value*> pairs =
        h != nullptr ? pair_items(p, *h) : std::vector<const Value*>(p.items.size(), nullptr);
    for (size_t i = 0; i < p.items.size(); ++i) overlay(p.items[i], pairs[i], p.span, depth + 1);
  }
}

Resource merge(const Resource& hcl, Resource plan) {
  Resource m = hcl;  // the configuration's spans, relations and lifecycle settings
  m.format = model::Format::kTerraformPlan;
  m.address = std::move(plan.address);
  m.module_address = std::move(plan.module_address);
  m.is_data = plan.is_data;
  m.attributes = std::move(plan.attributes);
  overlay(m.attributes, &hcl.attributes, hcl.attributes.span.valid() ? hcl.attributes.span : hcl.span, 0);
  m.attributes.span = hcl.attributes.span;
  m.provider = std::move(plan.provider);
  Span region_span = hcl.region.span;
  m.region = std::move(plan.region);
  if (region_span.valid()) m.region.span = region_span;
  m.tags = std::move(plan.tags);
  return m;
}

bool supported_version(const Value* version) {
  if (version == nullptr || !version->is_string()) return false;
  const std::string& v = version->text;
  size_t dot = v.find('.');
  std::string major = v.substr(0, dot);
  return major == "0" || major == "1";
}

}  // namespace

bool looks_like_plan(std::string_view content) {
  bool version = false;
  bool values = false;
  TopLevelKeys keys(content);
  bool ok = keys.scan([&](const std::string& key) {
    if (key == "format_version") version = true;
    if (key == "planned_values" || key == "resource_changes") values = true;
    return version && values;
  });
  return ok && version && values;
}

std::optional<fs::path> plan_configuration_dir(const fs::path& plan_file, const std::vector<fs::path>& roots) {
  fs::path dir = plan_file.parent_path().lexically_normal();
  std::optional<fs::path> best;
  for (const auto& root : roots) {
    fs::path r = root.lexically_normal();
    fs::path rel = dir.lexically_relative(r);
    if (rel.empty() || *rel.begin() == "..") continue;
    if (!best || r.native().size() > best->native().size()) best = r;
  }
  return best;
}

model::ParseResult load_plan(model::SourceSet& sources, uint32_t plan_file_id,
                             const std::optional<fs::path>& config_dir, const LoadOptions& options) {
  model::ParseResult result;
  const model::SourceFile& file = sources.file(plan_file_id);
  Span whole{plan_file_id, 0, 0};
  std::optional<Value> root = syntax::read_json(file, result.diagnostics);
  std::vector<Resource> plan;
  if (root && !root->is_map()) {
    result.error(root->span, "a Terraform plan must be a JSON object");
  } else if (root) {
    const Value* version = root->get("format_version");
    if (!supported_version(version)) {
      result.error(version != nullptr ? version->span : whole,
                   "unsupported plan format_version " + (version != nullptr ? version->to_display() : "(none)") +
                       " (gclint reads 0.x and 1.x, the output of terraform show -json)");
    } else {
      if (const Value* errored = root->get("errored"); errored != nullptr && errored->is_bool() && errored->boolean) {
        result.warning(errored->span, "the plan reports that planning failed; its resources may be incomplete");
      }
      plan = plan_resources(*root, options.default_region, result.diagnostics);
    }
  }
  if (!config_dir) {
    result.resources = std::move(plan);
    return result;
  }

  model::ParseResult hcl = load_root_module(sources, *config_dir, options);
  for (auto& d : hcl.diagnostics) result.diagnostics.push_back(std::move(d));
  std::map<std::string, size_t> by_address;
  std::map<std::string, size_t> by_block;  // static address -> first instance
  for (size_t i = 0; i < hcl.resources.size(); ++i) {
    by_address.emplace(hcl.resources[i].address, i);
    by_block.emplace(static_address(hcl.resources[i].address), i);
  }
  std::set<std::string> replaced_blocks;
  std::vector<Resource> merged;
  std::vector<Resource> unmatched;
  for (auto& p : plan) {
    // The same instance, else the block it was expanded from (the configuration could not expand count or
    // for_each, or was evaluated with other variable values).
    std::string block = static_address(p.address);
    auto exact = by_address.find(p.address);
    auto same_block = by_block.find(block);
    if (exact == by_address.end() && same_block == by_block.end()) {
      unmatched.push_back(std::move(p));
      continue;
    }
    replaced_blocks.insert(block);
    size_t index = exact != by_address.end() ? exact->second : same_block->second;
    merged.push_back(merge(hcl.resources[index], std::move(p)));
  }
  if (merged.empty() && !unmatched.empty() && !hcl.resources.empty()) {
    result.warning(whole,
                   "no resource of this plan is declared in the configuration it sits in; its findings "
                   "point to the plan file and the configuration is checked on its own");
  } else if (!merged.empty() && !unmatched.empty()) {
    result.warning(whole, std::to_string(unmatched.size()) +
                              " resource(s) of this plan (first: " + unmatched.front().address +
                              ") are not declared in the configuration it sits in; their findings point to the plan "
                              "file");
  }
  for (auto& r : merged) result.resources.push_back(std::move(r));
  for (auto& r : unmatched) result.resources.push_back(std::move(r));
  for (auto& r : hcl.resources) {
    if (!replaced_blocks.count(static_address(r.address))) result.resources.push_back(std::move(r));
  }
  return result;
}

}  // namespace gclint::terraform
