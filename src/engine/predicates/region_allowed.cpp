// region_allowed: true when the resource's region (or, with `path`, every region named by the ARNs,
// availability zones or region names found there) is one of the configuration's allowed_regions.
#include <re2/re2.h>

#include <algorithm>

#include "engine/attribute_path.h"
#include "engine/config.h"
#include "engine/predicate.h"

namespace gclint::engine::predicates {
namespace {

// arn:partition:service:REGION:account:resource
std::optional<std::string> region_of_arn(std::string_view text) {
  if (text.rfind("arn:", 0) != 0) return std::nullopt;
  size_t pos = 0;
  for (int field = 0; field < 3; ++field) {
    pos = text.find(':', pos);
    if (pos == std::string_view::npos) return std::nullopt;
    ++pos;
  }
  size_t end = text.find(':', pos);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(text.substr(pos, end - pos));  // empty for global services (IAM, S3 buckets)
}

// A region, an availability zone ("ap-northeast-1a"), a Local Zone ("ap-northeast-1-tpe-1a"), a Wavelength Zone
// ("ap-northeast-1-wl1-kix-wlz-1") or a zone ID ("apne1-az4", "apne1-tpe1-az1", "apne1-wl1-kix-wlz1"); std::nullopt
// for text that names none of these.
std::optional<std::string> region_of_name(const std::string& text) {
#define GCLINT_REGION "([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-[0-9])"
  static const RE2 kRegion("^" GCLINT_REGION "$");
  static const RE2 kZone("^" GCLINT_REGION "(?:-[a-z]+-[0-9])?[a-z]$");
  static const RE2 kWavelength("^" GCLINT_REGION "-wl[0-9]+-[a-z]+-wlz-[0-9]+$");
#undef GCLINT_REGION
  static const RE2 kZoneId("^([a-z]+[0-9])-(?:[a-z]+[0-9]+-)?az[0-9]+$");
  static const RE2 kWavelengthId("^([a-z]+[0-9])-wl[0-9]+-[a-z]+-wlz[0-9]+$");
  std::string region;
  if (RE2::FullMatch(text, kRegion, &region) || RE2::FullMatch(text, kZone, &region) ||
      RE2::FullMatch(text, kWavelength, &region)) {
    return region;
  }
  std::string short_name;
  if (RE2::FullMatch(text, kZoneId, &short_name) || RE2::FullMatch(text, kWavelengthId, &short_name)) {
    if (short_name == "apne1") return std::string("ap-northeast-1");
    if (short_name == "apne3") return std::string("ap-northeast-3");
    return "zone id " + text;  // outside Japan: never in the allowed list
  }
  return std::nullopt;
}

bool allowed(const Config& config, const std::string& region) {
  return std::find(config.allowed_regions.begin(), config.allowed_regions.end(), region) !=
         config.allowed_regions.end();
}

}  // namespace

PredicateResult region_allowed(const PredicateContext& context) {
  PredicateResult result;
  result.truth = Truth::kTrue;
  const model::Value* path_arg = context.args.get("path");
  if (path_arg == nullptr || !path_arg->is_string()) {
    const model::Value& region = context.resource.region;
    result.attribute = "$region";
    result.blame = region.span.valid() ? region.span : context.resource.span;
    if (region.is_unknown()) {
      result.truth = Truth::kUnknown;
      result.unknown = region.text;
    } else if (region.is_string() && !allowed(context.config, region.text)) {
      result.truth = Truth::kFalse;
      result.value = region.text;
    }
    return result;
  }
  std::string error;
  auto path = parse_attribute_path(path_arg->text, error);
  if (!path) return result;
  std::vector<const model::Value*> values;
  collect_path_values(*path, context.current, values);
  std::vector<const model::Value*> leaves;
  for (const model::Value* v : values) {
    if (v->is_list()) {
      for (const auto& item : v->items) leaves.push_back(&item);
    } else {
      leaves.push_back(v);
    }
  }
  for (const model::Value* v : leaves) {
    if (v->is_unknown()) {
      if (result.truth == Truth::kTrue) {
        result.truth = Truth::kUnknown;
        result.unknown = v->text;
      }
      continue;
    }
    if (!v->is_string()) continue;
    std::optional<std::string> region = region_of_arn(v->text);
    if (!region) region = region_of_name(v->text);
    // An ARN of a global resource names no region (IAM, S3 buckets); a wildcard or placeholder region is not known.
    if (!region || region->empty() || allowed(context.config, *region)) continue;
    if (region->find_first_of("*?$") != std::string::npos) {
      if (result.truth == Truth::kTrue) {
        result.truth = Truth::kUnknown;
        result.unknown = v->text;
      }
      continue;
    }
    result.truth = Truth::kFalse;
    result.blame = v->span;
    result.attribute = path_arg->text;
    result.value = v->text;
    result.unknown.clear();
    return result;
  }
  return result;
}

}  // namespace gclint::engine::predicates
