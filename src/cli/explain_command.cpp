#include <cctype>

#include "cli/check_listing.h"
#include "cli/commands.h"
#include "cli/language.h"
#include "cli/pack_loader.h"
#include "cli/spelling_suggestion.h"
#include "report/exit_status.h"

namespace gclint::cli {

int run_explain_command(const CommandContext& context) {
  const CommandLine& c = context.command_line;
  if (c.positionals.size() != 1) {
    context.err << "gclint: "
                << tr(context.lang, "error: explain takes one check ID (e.g. gclint explain GC-ENC-001)",
                      "エラー: explain にはチェック ID を 1 つ指定してください（例: gclint explain GC-ENC-001）")
                << "\n";
    return report::kExitUsage;
  }
  model::SourceSet sources;
  auto pack = load_pack(c.check_dirs, sources, context.err);
  if (!pack) return report::kExitUsage;
  std::string id = c.positionals[0];
  for (auto& ch : id) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  const engine::Check* check = pack->find(id);
  if (check == nullptr) {
    std::vector<std::string> ids;
    for (const auto& known : pack->checks()) ids.push_back(known.id);
    context.err << "gclint: " << tr(context.lang, "error: unknown check ", "エラー: 不明なチェック ")
                << c.positionals[0];
    if (auto s = suggest(id, ids)) {
      context.err << (context.lang == "ja" ? "（もしかして " + *s + "？）" : "; did you mean " + *s + "?");
    }
    context.err << "\n";
    return report::kExitUsage;
  }
  write_check_explanation(*check, context.lang, context.out);
  return report::kExitClean;
}

}  // namespace gclint::cli
