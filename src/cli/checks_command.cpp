#include <fstream>

#include "cli/check_listing.h"
#include "cli/commands.h"
#include "cli/language.h"
#include "cli/pack_loader.h"
#include "report/exit_status.h"

namespace gclint::cli {

int run_checks_command(const CommandContext& context) {
  const CommandLine& c = context.command_line;
  std::string format = c.format.value_or("table");
  if (format != "table" && format != "json") {
    context.err << "gclint: "
                << tr(context.lang, "error: --format for checks takes table or json",
                      "エラー: checks の --format には table か json を指定してください")
                << "\n";
    return report::kExitUsage;
  }
  model::SourceSet sources;
  auto pack = load_pack(c.check_dirs, sources, context.err);
  if (!pack) return report::kExitUsage;
  std::ofstream file;
  std::ostream* out = &context.out;
  if (c.output) {
    file.open(*c.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      context.err << "gclint: " << tr(context.lang, "error: cannot write ", "エラー: 書き込めません: ") << *c.output
                  << "\n";
      return report::kExitUsage;
    }
    out = &file;
  }
  if (format == "json") {
    write_check_json(*pack, *out);
  } else {
    write_check_table(*pack, context.lang, *out);
  }
  return report::kExitClean;
}

}  // namespace gclint::cli
