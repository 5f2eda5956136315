#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli/app.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  gclint::cli::Terminal terminal;
  terminal.stdout_is_tty = ::isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  terminal.no_color_env = no_color != nullptr && *no_color != '\0';
  // Out of memory normally ends in the handler scan_command installs; anything still thrown is a clean error
  // with exit code 3 (an input that could not be processed), never an abort.
  try {
    return gclint::cli::run(args, std::cout, std::cerr, terminal);
  } catch (const std::bad_alloc&) {
    std::cerr << "gclint: error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "gclint: internal error: " << e.what() << "\n";
  }
  return 3;
}
