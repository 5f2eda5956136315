#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/value.h"

namespace gclint::kubernetes {

/// Labels as key/value text pairs.
using Labels = std::vector<std::pair<std::string, std::string>>;

/// Labels of a label map Value (non-string values rendered as text; unknown values left out).
Labels labels_of(const model::Value* label_map);

/// Service-style selector (a plain key/value map): true when every pair is among the labels.
/// A missing or empty selector selects nothing.
bool map_selector_matches(const model::Value& selector, const Labels& labels);

/// metav1.LabelSelector (matchLabels and matchExpressions with In/NotIn/Exists/DoesNotExist): an empty
/// selector matches everything. A malformed selector or one with unknown values matches nothing.
bool label_selector_matches(const model::Value& selector, const Labels& labels);

}  // namespace gclint::kubernetes
