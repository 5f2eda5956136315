#include "cli/pack_loader.h"

#include <filesystem>

namespace gclint::cli {

std::optional<engine::RulePack> load_pack(const std::vector<std::string>& check_dirs, model::SourceSet& sources,
                                          std::ostream& err) {
  std::vector<model::Diagnostic> diagnostics;
  engine::RulePack pack = engine::RulePack::embedded(sources, diagnostics);
  for (const auto& dir : check_dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      err << "gclint: " << dir << ": --checks directory does not exist\n";
      return std::nullopt;
    }
    pack.load_directory(dir, sources, diagnostics);
  }
  bool failed = false;
  for (const auto& d : diagnostics) {
    if (d.level != model::Diagnostic::Level::kError) continue;
    failed = true;
    if (d.span.valid() && d.span.file < sources.size()) {
      model::Position p = sources.begin_of(d.span);
      err << sources.path_of(d.span) << ":" << p.line << ":" << p.column << ": ";
    }
    err << "error: " << d.message << "\n";
  }
  if (failed) return std::nullopt;
  return pack;
}

}  // namespace gclint::cli
