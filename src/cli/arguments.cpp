#include "cli/arguments.h"

#include <algorithm>
#include <charconv>
#include <functional>

#include "cli/language.h"
#include "cli/spelling_suggestion.h"
#include "model/limits.h"

namespace gclint::cli {
namespace {

using Apply = std::function<std::optional<std::string>(CommandLine&, const std::string&, const std::string&)>;

struct OptionSpec {
  const char* name;
  bool takes_value;
  std::vector<std::string> commands;
  Apply apply;
};

const std::vector<std::string> kScan = {"scan"};

std::optional<std::string> ok() { return std::nullopt; }

Apply flag(bool CommandLine::*member) {
  return [member](CommandLine& c, const std::string&, const std::string&) {
    c.*member = true;
    return ok();
  };
}

Apply text(std::string CommandLine::*member) {
  return [member](CommandLine& c, const std::string& v, const std::string&) {
    c.*member = v;
    return ok();
  };
}

Apply optional_text(std::optional<std::string> CommandLine::*member) {
  return [member](CommandLine& c, const std::string& v, const std::string&) {
    c.*member = v;
    return ok();
  };
}

Apply append(std::vector<std::string> CommandLine::*member) {
  return [member](CommandLine& c, const std::string& v, const std::string&) {
    (c.*member).push_back(v);
    return ok();
  };
}

const std::vector<OptionSpec>& option_specs() {
  static const std::vector<OptionSpec> specs = {
      {"--format", true, {"scan", "checks"}, optional_text(&CommandLine::format)},
      {"--lang",
       true,
       {"scan", "checks", "explain", "init", "version", "docs", "help"},
       [](CommandLine& c, const std::string& v, const std::string& lang) -> std::optional<std::string> {
         if (v != "ja" && v != "en")
           return std::string(tr(lang, "--lang takes ja or en", "--lang には ja か en を指定してください"));
         c.lang = v;
         return ok();
       }},
      {"--severity", true, kScan,
       [](CommandLine& c, const std::string& v, const std::string& lang) -> std::optional<std::string> {
         auto severity = model::parse_severity(v);
         if (!severity || *severity == model::Severity::kInfo) {
           return std::string(tr(lang, "--severity takes LOW, MEDIUM, HIGH or CRITICAL",
                                 "--severity には LOW、MEDIUM、HIGH、CRITICAL のいずれかを指定してください"));
         }
         c.severity = severity;
         return ok();
       }},
      {"--config", true, kScan, optional_text(&CommandLine::config)},
      {"--checks", true, {"scan", "checks", "explain", "docs"}, append(&CommandLine::check_dirs)},
      {"--jobs", true, kScan,
       [](CommandLine& c, const std::string& v, const std::string& lang) -> std::optional<std::string> {
         unsigned n = 0;
         auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
         if (ec != std::errc() || end != v.data() + v.size() || n == 0 || n > 1024) {
           return std::string(
               tr(lang, "--jobs takes a number from 1 to 1024", "--jobs には 1 から 1024 の数を指定してください"));
         }
         c.jobs = n;
         return ok();
       }},
      {"--stdin-format", true, kScan,
       [](CommandLine& c, const std::string& v, const std::string& lang) -> std::optional<std::string> {
         if (v != "terraform" && v != "terraform-plan" && v != "cloudformation" && v != "kubernetes") {
           return std::string(tr(lang, "--stdin-format takes terraform, terraform-plan, cloudformation or kubernetes",
                                 "--stdin-format には terraform、terraform-plan、cloudformation、kubernetes "
                                 "のいずれかを指定してください"));
         }
         c.stdin_format = v;
         return ok();
       }},
      {"--region", true, kScan, optional_text(&CommandLine::region)},
      {"--cfn-params", true, kScan, append(&CommandLine::cfn_params)},
      {"--var", true, kScan,
       [](CommandLine& c, const std::string& v, const std::string& lang) -> std::optional<std::string> {
         size_t eq = v.find('=');
         if (eq == std::string::npos || eq == 0) {
           return std::string(tr(lang, "--var takes NAME=VALUE", "--var には 名前=値 を指定してください"));
         }
         c.vars.emplace_back(v.substr(0, eq), v.substr(eq + 1));
         return ok();
       }},
      {"--var-file", true, kScan, append(&CommandLine::var_files)},
      {"--tf-env-vars", false, kScan, flag(&CommandLine::tf_env_vars)},
      {"--namespace", true, kScan, text(&CommandLine::k8s_namespace)},
      {"--strict-unknown", false, kScan, flag(&CommandLine::strict_unknown)},
      {"--parse-only", false, kScan, flag(&CommandLine::parse_only)},
      {"--allow-outside-root", false, kScan, flag(&CommandLine::allow_outside_root)},
      {"--limit", true, kScan,
       [](CommandLine& c, const std::string& v, const std::string& lang) -> std::optional<std::string> {
         size_t eq = v.find('=');
         if (eq == std::string::npos || eq == 0) {
           return std::string(tr(lang, "--limit takes NAME=VALUE (e.g. file_size=20MB)",
                                 "--limit には 名前=値 を指定してください（例: file_size=20MB）"));
         }
         model::Limits scratch;
         if (auto problem = model::set_limit(scratch, v.substr(0, eq), v.substr(eq + 1))) {
           return lang == "ja" ? "--limit の値が不正です: " + *problem : "--limit: " + *problem;
         }
         c.limits.emplace_back(v.substr(0, eq), v.substr(eq + 1));
         return ok();
       }},
      {"--max-memory", true, kScan,
       [](CommandLine& c, const std::string& v, const std::string& lang) -> std::optional<std::string> {
         auto bytes = model::parse_byte_size(v);
         if (!bytes || (*bytes != 0 && *bytes < (uint64_t{64} << 20))) {
           return std::string(
               tr(lang, "--max-memory takes a size of at least 64MiB (e.g. 4GiB), or 0 for no limit",
                  "--max-memory には 64MiB 以上のサイズ（例: 4GiB）か、無制限を表す 0 を指定してください"));
         }
         c.max_memory = *bytes;
         return ok();
       }},
      {"--timeout", true, kScan,
       [](CommandLine& c, const std::string& v, const std::string& lang) -> std::optional<std::string> {
         auto ms = model::parse_duration_ms(v);
         if (!ms) {
           return std::string(tr(lang, "--timeout takes a duration such as 300, 300s, 5m or 1h (0 for none)",
                                 "--timeout には 300、300s、5m、1h のような時間を指定してください（0 で無制限）"));
         }
         c.timeout_ms = *ms == 0 ? std::nullopt : std::optional<uint64_t>(*ms);
         return ok();
       }},
      {"--no-color", false, kScan, flag(&CommandLine::no_color)},
      {"--output", true, {"scan", "checks"}, optional_text(&CommandLine::output)},
      {"--timings", false, kScan, flag(&CommandLine::timings)},
      {"--out", true, {"docs"}, optional_text(&CommandLine::out_dir)},
      {"--fixtures", true, {"docs"}, text(&CommandLine::fixtures_dir)},
      {"--help", false, {"scan", "checks", "explain", "init", "version", "docs", "help"}, flag(&CommandLine::help)},
  };
  return specs;
}

const OptionSpec* find_spec(std::string_view name) {
  for (const auto& spec : option_specs()) {
    if (name == spec.name) return &spec;
  }
  return nullptr;
}

std::string did_you_mean(const std::string& lang, const std::optional<std::string>& suggestion) {
  if (!suggestion) return "";
  return lang == "ja" ? "（もしかして '" + *suggestion + "'？）" : "; did you mean '" + *suggestion + "'?";
}

}  // namespace

const std::vector<std::string>& command_names() {
  static const std::vector<std::string> names = {"scan", "checks", "explain", "init", "docs", "version", "help"};
  return names;
}

std::vector<std::string> options_for(const std::string& command) {
  std::vector<std::string> names;
  for (const auto& spec : option_specs()) {
    if (std::find(spec.commands.begin(), spec.commands.end(), command) != spec.commands.end()) {
      names.push_back(spec.name);
    }
  }
  return names;
}

ParsedArguments parse_arguments(const std::vector<std::string>& args, const std::string& env_lang) {
  ParsedArguments parsed;
  CommandLine& c = parsed.command_line;
  std::string lang = env_lang;
  // --lang applies to errors too, wherever it stands.
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (args[i] == "--lang=ja" || (args[i] == "--lang" && i + 1 < args.size() && args[i + 1] == "ja")) lang = "ja";
    if (args[i] == "--lang=en" || (args[i] == "--lang" && i + 1 < args.size() && args[i + 1] == "en")) lang = "en";
  }
  auto fail = [&parsed](std::string message) {
    parsed.error = std::move(message);
    return parsed;
  };

  size_t i = 0;
  if (args.empty()) {
    c.command = "help";
    return parsed;
  }
  const std::string& first = args[0];
  if (first == "--help" || first == "-h") {
    c.command = "help";
    return parsed;
  }
  if (first == "--version") {
    c.command = "version";
    return parsed;
  }
  if (first.starts_with("-") && first != "-") {
    // Options before the command: `gclint --format json scan` is not supported; say so clearly.
    return fail(lang == "ja" ? "コマンドを先に指定してください（例: gclint scan " + first + " …）"
                             : "put the command first (e.g. gclint scan " + first + " ...)");
  }
  const auto& names = command_names();
  if (std::find(names.begin(), names.end(), first) == names.end()) {
    return fail((lang == "ja" ? "不明なコマンド '" + first + "'" : "unknown command '" + first + "'") +
                did_you_mean(lang, suggest(first, names)));
  }
  c.command = first;
  bool options_done = false;
  for (i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg == "-" || !arg.starts_with("-")) {
      c.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "-h") {
      c.help = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> value;
    size_t eq = arg.find('=');
    if (eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    const OptionSpec* spec = find_spec(name);
    auto allowed = options_for(c.command);
    if (spec == nullptr) {
      return fail((lang == "ja" ? "不明なオプション '" + name + "'" : "unknown option '" + name + "'") +
                  did_you_mean(lang, suggest(name, allowed)));
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return fail(lang == "ja" ? "オプション " + name + " は '" + c.command + "' では使えません"
                               : "option " + name + " does not apply to '" + c.command + "'");
    }
    if (spec->takes_value && !value) {
      if (i + 1 >= args.size()) {
        return fail(lang == "ja" ? "オプション " + name + " には値が必要です" : "option " + name + " needs a value");
      }
      value = args[++i];
    } else if (!spec->takes_value && value) {
      return fail(lang == "ja" ? "オプション " + name + " は値をとりません" : "option " + name + " takes no value");
    }
    if (auto error = spec->apply(c, value.value_or(""), lang)) return fail(*error);
  }
  return parsed;
}

}  // namespace gclint::cli
