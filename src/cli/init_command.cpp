#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "cli/language.h"
#include "engine/config.h"
#include "report/exit_status.h"

namespace gclint::cli {

int run_init_command(const CommandContext& context) {
  const CommandLine& c = context.command_line;
  if (c.positionals.size() > 1) {
    context.err << "gclint: "
                << tr(context.lang, "error: init takes at most one directory",
                      "エラー: init に指定できるディレクトリは 1 つです")
                << "\n";
    return report::kExitUsage;
  }
  std::filesystem::path dir = c.positionals.empty() ? "." : c.positionals[0];
  std::filesystem::path path = dir / ".gclint.yaml";
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    context.err << "gclint: " << tr(context.lang, "error", "エラー") << ": " << path.generic_string()
                << tr(context.lang, " already exists; not overwritten", " は既に存在するため上書きしません") << "\n";
    return report::kExitUsage;
  }
  // "x": exclusive creation, so a file created meanwhile is not overwritten either.
  std::FILE* file = std::fopen(path.c_str(), "wx");
  std::string text = engine::starter_config_text();
  bool written = file != nullptr && std::fwrite(text.data(), 1, text.size(), file) == text.size();
  if (file != nullptr && std::fclose(file) != 0) written = false;
  if (!written) {
    context.err << "gclint: " << tr(context.lang, "error: cannot write ", "エラー: 書き込めません: ")
                << path.generic_string() << "\n";
    return report::kExitUsage;
  }
  context.out << tr(context.lang, "Wrote ", "作成しました: ") << path.generic_string() << "\n";
  return report::kExitClean;
}

}  // namespace gclint::cli
