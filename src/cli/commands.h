#pragma once

#include <ostream>
#include <string>

#include "cli/app.h"
#include "cli/arguments.h"

namespace gclint::cli {

/// What every command gets: its parsed command line, the message language and the streams.
struct CommandContext {
  const CommandLine& command_line;
  std::string lang;
  std::ostream& out;
  std::ostream& err;
  Terminal terminal;
};

int run_scan_command(const CommandContext& context);
int run_checks_command(const CommandContext& context);
int run_explain_command(const CommandContext& context);
int run_init_command(const CommandContext& context);
int run_docs_command(const CommandContext& context);

}  // namespace gclint::cli
