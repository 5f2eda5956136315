#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "cli/language.h"
#include "cli/spelling_suggestion.h"
#include "cli/version.h"
#include "report/exit_status.h"
#include "report/reporter.h"
#include "scan/process_limits.h"
#include "scan/scanner.h"

namespace gclint::cli {
namespace {

std::string milliseconds(std::chrono::nanoseconds ns) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(1) << static_cast<double>(ns.count()) / 1e6 << " ms";
  return text.str();
}

scan::ScanOptions scan_options(const CommandLine& c) {
  scan::ScanOptions options;
  options.paths = c.positionals.empty() ? std::vector<std::string>{"."} : c.positionals;
  options.stdin_format = c.stdin_format;
  options.config_path = c.config;
  options.check_dirs = c.check_dirs;
  options.jobs = c.jobs;
  options.strict_unknown = c.strict_unknown;
  options.parse_only = c.parse_only;
  options.region = c.region;
  options.cfn_param_files = c.cfn_params;
  options.tf_vars = c.vars;
  options.tf_var_files = c.var_files;
  options.tf_env_vars = c.tf_env_vars;
  options.k8s_namespace = c.k8s_namespace;
  options.allow_outside_root = c.allow_outside_root;
  options.lang = c.lang;
  options.limits = c.limits;
  return options;
}

}  // namespace

int run_scan_command(const CommandContext& context) {
  const CommandLine& c = context.command_line;
  std::string format = c.format.value_or("text");
  auto reporter = report::make_reporter(format);
  if (!reporter) {
    context.err << "gclint: " << tr(context.lang, "error", "エラー") << ": "
                << (context.lang == "ja" ? "不明な出力形式 '" : "unknown format '") << format << "'";
    if (auto s = suggest(format, report::reporter_names())) {
      context.err << (context.lang == "ja" ? "（もしかして '" + *s + "'？）" : "; did you mean '" + *s + "'?");
    }
    context.err << "\n";
    return report::kExitUsage;
  }
  size_t stdin_count = std::count(c.positionals.begin(), c.positionals.end(), "-");
  if (stdin_count > 1) {
    context.err << "gclint: "
                << tr(context.lang, "error: \"-\" may be given once", "エラー: \"-\" は 1 回だけ指定できます") << "\n";
    return report::kExitUsage;
  }

  // The backstops against exhausting the runner. They come from the command line only: the scanned tree (and its
  // .gclint.yaml) cannot raise them.
  scan::install_out_of_memory_handler(
      context.lang == "ja" ? "gclint: エラー: メモリ不足のため検査を中断しました（--max-memory " +
                                 std::to_string(c.max_memory) + " バイト）。レポートは出力されていません"
                           : "gclint: error: out of memory (--max-memory " + std::to_string(c.max_memory) +
                                 " bytes); the scan was stopped without a report");
  std::optional<std::string> memory_note = scan::apply_memory_limit(c.max_memory);
  scan::ScanOptions options = scan_options(c);
  scan::ScanProgress progress;
  std::optional<scan::Watchdog> watchdog;
  if (c.timeout_ms) {
    auto timeout = std::chrono::milliseconds(*c.timeout_ms);
    auto grace = scan::watchdog_grace(timeout);
    options.deadline = std::chrono::steady_clock::now() + timeout;
    options.progress = &progress;
    std::string seconds = std::to_string(*c.timeout_ms / 1000.0);
    seconds.erase(seconds.find_last_not_of('0') + 1);
    if (seconds.back() == '.') seconds.pop_back();
    std::string grace_seconds = std::to_string(grace.count() / 1000);
    watchdog.emplace(
        *options.deadline, grace, progress,
        context.lang == "ja"
            ? "gclint: エラー: 制限時間（--timeout " + seconds + " 秒）を " + grace_seconds +
                  " 秒過ぎても検査が終わらないため中断しました。レポートは出力されていません。処理中だった単位:"
            : "gclint: error: the scan was still running " + grace_seconds + " s after the time limit (--timeout " +
                  seconds + " s) and was stopped without a report; units in progress:");
  }
  options.default_lang = context.lang;
  scan::ScanResult result = scan::run_scan(options);
  if (result.fatal_error) {
    // Located errors (rule files, configuration) already read "file:line:col: error: …".
    if (result.fatal_error->find(": error: ") == std::string::npos) {
      context.err << "gclint: " << tr(context.lang, "error", "エラー") << ": ";
    }
    context.err << *result.fatal_error << "\n";
    return report::kExitUsage;
  }
  const std::string& lang = result.lang;
  model::Severity threshold = c.severity                         ? *c.severity
                              : result.config.severity_threshold ? *result.config.severity_threshold
                                                                 : model::Severity::kLow;
  // INFO findings only exist under --strict-unknown, which asks for them: they pass any threshold.
  model::FindingList& shown = result.findings;
  std::erase_if(
      shown, [&](const model::Finding& f) { return f.severity < threshold && f.severity != model::Severity::kInfo; });

  auto report_start = std::chrono::steady_clock::now();
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
  bool color =
      format == "text" && !c.output && !c.no_color && context.terminal.stdout_is_tty && !context.terminal.no_color_env;
  report::ReportInput input{*result.sources, *result.pack, shown, result.diagnostics};
  input.lang = lang;
  input.color = color;
  input.tool_version = kVersion;
  input.files_scanned = result.files_scanned;
  input.resources_evaluated = result.resources;
  input.threshold = threshold;
  input.threads = c.jobs != 0 ? c.jobs : std::max(1u, std::thread::hardware_concurrency());
  reporter->write(input, *out);
  out->flush();
  if (c.output && !file) {
    context.err << "gclint: " << tr(context.lang, "error: cannot write ", "エラー: 書き込めません: ") << *c.output
                << "\n";
    return report::kExitUsage;
  }
  if (c.timings) {
    auto report_time =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - report_start);
    const auto& t = result.times;
    context.err << "timings: discover " << milliseconds(t.discover) << ", parse " << milliseconds(t.parse)
                << ", evaluate " << milliseconds(t.evaluate) << ", check " << milliseconds(t.check) << ", report "
                << milliseconds(report_time) << " (" << result.files_scanned << " files, " << result.resources
                << " resources)\n";
    if (memory_note) context.err << "timings: " << *memory_note << "\n";
  }
  return report::exit_code(shown, result.diagnostics);
}

}  // namespace gclint::cli
