#include "kubernetes/selector_matcher.h"

#include <algorithm>

namespace gclint::kubernetes {
namespace {

using model::Value;

const std::string* find_label(const Labels& labels, std::string_view key) {
  for (const auto& [k, v] : labels) {
    if (k == key) return &v;
  }
  return nullptr;
}

/// Selector values as label text; false when one cannot be known.
bool scalar_text(const Value& value, std::string& out) {
  if (value.is_string() || value.is_number() || value.is_bool()) {
    out = value.to_display();
    return true;
  }
  return false;
}

bool pairs_match(const Value& pairs, const Labels& labels) {
  for (const auto& entry : pairs.entries) {
    std::string wanted;
    if (!scalar_text(entry.value, wanted)) return false;
    const std::string* have = find_label(labels, entry.key);
    if (have == nullptr || *have != wanted) return false;
  }
  return true;
}

bool expression_matches(const Value& expression, const Labels& labels) {
  const Value* key = expression.get("key");
  const Value* op = expression.get("operator");
  if (key == nullptr || !key->is_string() || op == nullptr || !op->is_string()) return false;
  const std::string* have = find_label(labels, key->text);
  if (op->text == "Exists") return have != nullptr;
  if (op->text == "DoesNotExist") return have == nullptr;
  const Value* values = expression.get("values");
  if (values == nullptr || !values->is_list()) return false;
  std::vector<std::string> wanted;
  for (const auto& item : values->items) {
    std::string text;
    if (!scalar_text(item, text)) return false;
    wanted.push_back(std::move(text));
  }
  bool listed = have != nullptr && std::find(wanted.begin(), wanted.end(), *have) != wanted.end();
  if (op->text == "In") return listed;
  if (op->text == "NotIn") return !listed;
  return false;
}

}  // namespace

Labels labels_of(const Value* label_map) {
  Labels labels;
  if (label_map == nullptr || !label_map->is_map()) return labels;
  for (const auto& entry : label_map->entries) {
    std::string text;
    if (scalar_text(entry.value, text)) labels.emplace_back(entry.key, std::move(text));
  }
  return labels;
}

bool map_selector_matches(const Value& selector, const Labels& labels) {
  if (!selector.is_map() || selector.entries.empty()) return false;
  return pairs_match(selector, labels);
}

bool label_selector_matches(const Value& selector, const Labels& labels) {
  if (selector.is_null()) return true;
  if (!selector.is_map()) return false;
  for (const auto& entry : selector.entries) {
    if (entry.key == "matchLabels") {
      if (entry.value.is_null()) continue;
      if (!entry.value.is_map() || !pairs_match(entry.value, labels)) return false;
    } else if (entry.key == "matchExpressions") {
      if (entry.value.is_null()) continue;
      if (!entry.value.is_list()) return false;
      for (const auto& expression : entry.value.items) {
        if (!expression_matches(expression, labels)) return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace gclint::kubernetes
