#pragma once

#include <chrono>
#include <vector>

#include "model/diagnostic.h"
#include "model/resource.h"

namespace gclint::model {

/// What a front end returns for one file (CloudFormation, Kubernetes) or one root module (Terraform).
struct ParseResult {
  std::vector<Resource> resources;
  std::vector<Diagnostic> diagnostics;
  /// Time spent reading and parsing files; the rest of the front end's time evaluates what they say (--timings).
  std::chrono::nanoseconds syntax_time{0};

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

/// Adds the time of its scope to a ParseResult's syntax_time.
class SyntaxTimer {
 public:
  explicit SyntaxTimer(ParseResult& result) : result_(result), start_(std::chrono::steady_clock::now()) {}
  ~SyntaxTimer() { result_.syntax_time += std::chrono::steady_clock::now() - start_; }
  SyntaxTimer(const SyntaxTimer&) = delete;
  SyntaxTimer& operator=(const SyntaxTimer&) = delete;

 private:
  ParseResult& result_;
  std::chrono::steady_clock::time_point start_;
};

/// Calls `read` (reading or parsing a file) and adds its time to `result.syntax_time`; returns what `read` returns.
template <typename Read>
auto timed_syntax(ParseResult& result, Read&& read) {
  SyntaxTimer timer(result);
  return read();
}

}  // namespace gclint::model
