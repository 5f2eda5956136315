#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>

#include "model/span.h"
#include "model/value.h"

namespace gclint::engine {

/// The span of a yaml-cpp node in file `file` (the node's start; scalars cover their text).
/// `text_size`: the size of the file, which the span never passes (a scalar's decoded text can be longer than its
/// source, e.g. "\L" escapes, and a null node can sit at the end of the file).
model::Span yaml_span(const YAML::Node& node, uint32_t file, size_t text_size = SIZE_MAX);

/// A yaml-cpp node as a Value; plain scalars resolve per the YAML core schema, quoted ones stay strings.
model::Value yaml_to_value(const YAML::Node& node, uint32_t file);

/// True for a plain (unquoted) scalar.
bool yaml_is_plain(const YAML::Node& node);

}  // namespace gclint::engine
