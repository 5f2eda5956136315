#pragma once

#include <string_view>

namespace gclint::engine {

/// Matches a path against a glob: `*` and `?` stay within one path segment, `**` spans segments
/// (`envs/**/main.tf`, `module.juki*`). A glob without '/' that matches a leading directory matches everything below
/// it.
bool glob_match(std::string_view glob, std::string_view path);

}  // namespace gclint::engine
