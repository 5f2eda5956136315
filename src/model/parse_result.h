#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "model/resource.h"

namespace gclint::model {

/// What a front end returns for one file (CloudFormation, Kubernetes) or one root module (Terraform).
struct ParseResult {
  std::vector<Resource> resources;
  std::vector<Diagnostic> diagnostics;

  void error(Span span, std::string message) {
    diagnostics.push_back(Diagnostic{Diagnostic::Level::kError, span, std::move(message)});
  }
  void warning(Span span, std::string message) {
    diagnostics.push_back(Diagnostic{Diagnostic::Level::kWarning, span, std::move(message)});
  }
  bool has_errors() const {
    for (const auto& d : diagnostics) {
      if (d.level == Diagnostic::Level::kError) return true;
    }
    return false;
  }
};

}  // namespace gclint::model
