#pragma once

#include <string>
#include <vector>

#include "cloudformation/template_loader.h"
#include "model/source_set.h"

namespace gclint::cloudformation::testing {

/// A template loaded from text, with its file kept alive for line/column lookups.
struct Loaded {
  model::SourceFile file;
  model::ParseResult result;

  Loaded(std::string path, std::string text, const LoadOptions& options = {})
      : file(0, std::move(path), std::move(text)), result(load_template(file, options)) {}

  /// Every copy of a resource (one per scenario), in output order.
  std::vector<const model::Resource*> all(const std::string& name) const {
    std::vector<const model::Resource*> out;
    for (const auto& r : result.resources) {
      if (r.name == name) out.push_back(&r);
    }
    return out;
  }
  /// The only copy of a resource, or nullptr.
  const model::Resource* one(const std::string& name) const {
    auto copies = all(name);
    return copies.size() == 1 ? copies[0] : nullptr;
  }
  model::Position begin(const model::Span& span) const { return file.position(span.begin); }
  std::string errors() const {
    std::string out;
    for (const auto& d : result.diagnostics) {
      model::Position p = file.position(d.span.begin);
      out += std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + d.message + "\n";
    }
    return out;
  }
  /// The first diagnostic whose message contains `text`, or nullptr.
  const model::Diagnostic* diagnostic(const std::string& text) const {
    for (const auto& d : result.diagnostics) {
      if (d.message.find(text) != std::string::npos) return &d;
    }
    return nullptr;
  }
};

}  // namespace gclint::cloudformation::testing
