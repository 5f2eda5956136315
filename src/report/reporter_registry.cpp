#include <memory>

#include "report/json_reporter.h"
#include "report/reporter.h"
#include "report/sarif_reporter.h"
#include "report/text_reporter.h"

namespace gclint::report {

std::unique_ptr<Reporter> make_reporter(std::string_view format) {
  if (format == "text") return std::make_unique<TextReporter>();
  if (format == "json") return std::make_unique<JsonReporter>();
  if (format == "sarif") return std::make_unique<SarifReporter>();
  return nullptr;
}

std::vector<std::string> reporter_names() { return {"text", "json", "sarif"}; }

}  // namespace gclint::report
