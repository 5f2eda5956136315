#include "cli/app.h"

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/help_text.h"
#include "cli/language.h"
#include "cli/version.h"
#include "report/exit_status.h"

namespace gclint::cli {

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Terminal& terminal) {
  std::string env_lang = language_from_environment();
  ParsedArguments parsed = parse_arguments(args, env_lang);
  const CommandLine& c = parsed.command_line;
  std::string lang = c.lang.value_or(env_lang);
  if (parsed.error) {
    err << "gclint: " << tr(lang, "error", "エラー") << ": " << *parsed.error << "\n"
        << tr(lang, "Run 'gclint --help' for usage.", "使い方は 'gclint --help' で表示します。") << "\n";
    return report::kExitUsage;
  }
  if (c.command == "help") {
    std::string topic = c.positionals.empty() ? "help" : c.positionals[0];
    out << help_text(topic, lang);
    return report::kExitClean;
  }
  if (c.help) {
    out << help_text(c.command, lang);
    return report::kExitClean;
  }
  CommandContext context{c, lang, out, err, terminal};
  if (c.command == "version") {
    out << "gclint " << kVersion << "\n";
    return report::kExitClean;
  }
  if (c.command == "scan") return run_scan_command(context);
  if (c.command == "checks") return run_checks_command(context);
  if (c.command == "explain") return run_explain_command(context);
  if (c.command == "init") return run_init_command(context);
  if (c.command == "docs") return run_docs_command(context);
  return report::kExitUsage;
}

}  // namespace gclint::cli
