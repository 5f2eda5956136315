#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/severity.h"

namespace gclint::cli {

/// A parsed command line. Options not given keep their defaults; `format` defaults per command.
struct CommandLine {
  std::string command;  // scan | checks | explain | init | version | docs | help
  std::vector<std::string> positionals;
  bool help = false;

  std::optional<std::string> format;  // --format
  std::optional<std::string> lang;    // --lang ja|en
  std::optional<model::Severity> severity;
  std::optional<std::string> config;
  std::vector<std::string> check_dirs;
  unsigned jobs = 0;
  std::string stdin_format;
  std::optional<std::string> region;
  std::vector<std::string> cfn_params;
  std::vector<std::pair<std::string, std::string>> vars;
  std::vector<std::string> var_files;
  bool tf_env_vars = false;
  std::string k8s_namespace = "default";
  bool strict_unknown = false;
  bool parse_only = false;
  bool allow_outside_root = false;
  std::vector<std::pair<std::string, std::string>> limits;  // --limit NAME=VALUE (validated)
  uint64_t max_memory = uint64_t{4} << 30;                  // --max-memory, bytes; 0 = no limit
  std::optional<uint64_t> timeout_ms;                       // --timeout
  bool no_color = false;
  std::optional<std::string> output;
  bool timings = false;
  std::optional<std::string> out_dir;  // docs --out
  std::string fixtures_dir = "fixtures";
};

/// Either a command line or a usage error (exit 2) in the requested language.
struct ParsedArguments {
  CommandLine command_line;
  std::optional<std::string> error;
};

/// The commands, in help order.
const std::vector<std::string>& command_names();

/// The long options a command accepts (without values), for help and suggestions.
std::vector<std::string> options_for(const std::string& command);

/// Parses argv (without the program name). `lang` is used for error messages until --lang is seen.
/// Accepts `--opt value` and `--opt=value`; `--` ends the options.
ParsedArguments parse_arguments(const std::vector<std::string>& args, const std::string& lang);

}  // namespace gclint::cli
