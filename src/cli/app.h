#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace gclint::cli {

/// Facts about the process the CLI runs in (kept out of the command code so that tests can set them).
struct Terminal {
  bool stdout_is_tty = false;
  bool no_color_env = false;  // NO_COLOR is set
};

/// Runs `gclint <args...>` (args without the program name) and returns the exit code (docs/cli.md).
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, const Terminal& terminal = {});

}  // namespace gclint::cli
