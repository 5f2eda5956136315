#include "scan/scanner.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "cloudformation/template_loader.h"
#include "engine/engine.h"
#include "engine/resource_graph.h"
#include "engine/rule_loader.h"
#include "kubernetes/manifest_loader.h"
#include "kubernetes/relation_linker.h"
#include "model/parallel.h"
#include "model/release.h"
#include "scan/file_discovery.h"
#include "scan/format_sniffer.h"
#include "scan/limits.h"
#include "scan/process_limits.h"
#include "syntax/file_reader.h"
#include "terraform/module_loader.h"
#include "terraform/plan_loader.h"

namespace gclint::scan {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

enum class UnitKind {
  kTerraformModule,
  kTerraformFile,
  kTerraformPlan,   // dir: the plan file while units are collected, then its root module (or empty)
  kTerraformStdin,  // one .tf file on standard input
  kCloudFormation,
  kKubernetes
};

/// One independent piece of parsing work; its result goes into its own slot.
struct Unit {
  UnitKind kind;
  fs::path dir;          // Terraform root module directory
  uint32_t file_id = 0;  // CloudFormation / Kubernetes: registered file
  std::string sort_key;  // display path, for deterministic order
};

// A read error is an error, never an empty file (syntax/file_reader.h). Sizes are bounded by the walk; the cap here
// is what a byte span can address.
bool read_file(const fs::path& path, std::string& out, std::string& error) {
  return syntax::read_regular_file(path, UINT32_MAX, out, error) == syntax::ReadStatus::kOk;
}

// "path:line:col: error: message", the shape of every other error gclint prints.
std::string format_diagnostic(const model::SourceSet& sources, const model::Diagnostic& d) {
  std::string where;
  if (d.span.valid() && d.span.file < sources.size()) {
    model::Position p = sources.begin_of(d.span);
    where = sources.path_of(d.span) + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": ";
  }
  return where + "error: " + d.message;
}

std::optional<fs::path> find_config_upward(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    fs::path candidate = dir / ".gclint.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

// Display paths are relative to the scan root: the directory given, a file's parent, or the current
// directory when several paths (or stdin) are scanned.
fs::path display_base_for(const std::vector<std::string>& paths) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (paths.size() != 1 || paths[0] == "-") return cwd;
  fs::path only = fs::absolute(paths[0], ec).lexically_normal();
  if (!only.has_filename()) only = only.parent_path();
  if (fs::is_directory(only, ec)) return only;
  return only.parent_path();
}

std::string lowercase(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::chrono::nanoseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start);
}

/// Stage times summed over the workers.
struct StageSums {
  std::chrono::nanoseconds parse{0}, evaluate{0}, check{0};
  StageSums& operator+=(const StageSums& other) {
    parse += other.parse;
    evaluate += other.evaluate;
    check += other.check;
    return *this;
  }
};

/// Adds `wall` to the stages in proportion to the work summed over the workers, so that the stages still add up to
/// the elapsed time.
void add_wall_share(std::chrono::nanoseconds wall, const StageSums& sums, StageTimes& times) {
  auto total = sums.parse + sums.evaluate + sums.check;
  if (total.count() <= 0) {
    times.parse += wall;
    return;
  }
  auto share = [&](std::chrono::nanoseconds part) {
    return std::chrono::nanoseconds(static_cast<int64_t>(
        static_cast<double>(wall.count()) * static_cast<double>(part.count()) / static_cast<double>(total.count())));
  };
  auto parse = share(sums.parse);
  auto evaluate = share(sums.evaluate);
  times.parse += parse;
  times.evaluate += evaluate;
  times.check += wall - parse - evaluate;
}

/// A front end's time: reading and parsing its files, and the rest, evaluating what they say.
StageSums front_end_times(std::chrono::nanoseconds elapsed, const model::ParseResult& parsed) {
  StageSums sums;
  sums.parse = std::min(parsed.syntax_time, elapsed);
  sums.evaluate = elapsed - sums.parse;
  return sums;
}

/// What survives a unit once it has been checked.
struct UnitOutput {
  std::vector<model::Diagnostic> diagnostics;
  std::vector<model::Finding> findings;
  std::vector<model::Resource> kubernetes;  // linked together after every unit, then checked file by file
  bool kubernetes_reload = false;           // some of them lost their documents (drop_unlinked_parts)
  size_t resource_count = 0;
  StageSums times;
};

// Findings at the same start with the same check and resource; a repeat also has the same end and severity. A local
// module called by two roots is evaluated and checked in each, and its findings are reported once.
bool same_start(const model::Finding& a, const model::Finding& b) {
  return a.span.file == b.span.file && a.span.begin == b.span.begin && a.check_id == b.check_id &&
         a.resource() == b.resource();
}
bool repeats(const model::Finding& a, const model::Finding& b) {
  return same_start(a, b) && a.span.end == b.span.end && a.severity == b.severity;
}

// Unit outputs are merged in unit order as soon as every unit before them is done, so that the output does not depend
// on --jobs, and a finding an earlier unit already reported (a shared module's, checked under each root that calls
// it) is dropped then instead of being held to the end. remove_repeated_findings would drop the same ones: a repeat
// has the same place, check and resource as its first occurrence, which the stable sort keeps first.
class OrderedMerge {
 public:
  OrderedMerge(std::vector<UnitOutput>& outputs, model::FindingList& findings,
               std::vector<model::Diagnostic>& diagnostics)
      : outputs_(outputs), findings_(findings), diagnostics_(diagnostics), done_(outputs.size()) {}

  void finished(size_t index) {
    std::lock_guard<std::mutex> lock(mutex_);
    done_[index] = true;
    while (next_ < outputs_.size() && done_[next_]) take(outputs_[next_++]);
  }

  StageSums times;
  size_t resources = 0;

 private:
  static uint64_t key_of(const model::Finding& f) {
    uint64_t h = std::hash<std::string_view>()(f.check_id) ^ (std::hash<std::string_view>()(f.resource()) * 31);
    for (uint64_t part :
         {uint64_t{f.span.file}, uint64_t{f.span.begin}, uint64_t{f.span.end}, static_cast<uint64_t>(f.severity)}) {
      h = (h ^ part) * 0x100000001B3ULL;
    }
    return h;
  }

  void take(UnitOutput& out) {
    times += out.times;
    resources += out.resource_count;
    std::move(out.diagnostics.begin(), out.diagnostics.end(), std::back_inserter(diagnostics_));
    model::release(out.diagnostics);
    for (auto& f : out.findings) {
      // Only a module's resources are checked by more than one unit: every other file belongs to one unit.
      if (!f.resource().starts_with("module.")) {
        findings_.push_back(std::move(f));
        continue;
      }
      uint64_t key = key_of(f);
      auto [first, last] = seen_.equal_range(key);
      bool repeated = false;
      for (auto it = first; it != last && !repeated; ++it) repeated = repeats(*it->second, f);
      if (repeated) continue;
      findings_.push_back(std::move(f));
      seen_.emplace(key, &findings_.back());  // deque elements stay where they are as it grows
    }
    model::release(out.findings);
  }

  std::mutex mutex_;
  std::vector<UnitOutput>& outputs_;
  model::FindingList& findings_;
  std::vector<model::Diagnostic>& diagnostics_;
  std::vector<bool> done_;
  size_t next_ = 0;
  std::unordered_multimap<uint64_t, const model::Finding*> seen_;
};

// Where a report sorts: by file, line and column. Computed once per item, not once per comparison.
struct Place {
  const std::string* path;
  uint32_t line;
  uint32_t column;
};

Place place_of(const model::SourceSet& sources, const model::Span& span) {
  static const std::string kNoPath;
  if (!span.valid() || span.file >= sources.size()) return {&kNoPath, 0, 0};
  model::Position p = sources.begin_of(span);
  return {&sources.path_of(span), p.line, p.column};
}

// -1, 0 or 1: the order of two places.
int compare_places(const Place& a, const Place& b) {
  if (a.path != b.path) {
    if (int c = a.path->compare(*b.path); c != 0) return c < 0 ? -1 : 1;
  }
  if (a.line != b.line) return a.line < b.line ? -1 : 1;
  if (a.column != b.column) return a.column < b.column ? -1 : 1;
  return 0;
}

// Stable sort of `items` by place, then by `tie_less`; the order is applied in place, one move per item.
template <typename Items, typename SpanOf, typename TieLess>
void sort_by_place(const model::SourceSet& sources, Items& items, SpanOf span_of, TieLess tie_less) {
  std::vector<Place> places;
  places.reserve(items.size());
  for (const auto& item : items) places.push_back(place_of(sources, span_of(item)));
  std::vector<uint32_t> order(items.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    int c = compare_places(places[a], places[b]);
    return c != 0 ? c < 0 : tie_less(items[a], items[b]);
  });
  // Position j receives items[order[j]]: each cycle of the permutation is rotated once.
  std::vector<bool> placed(items.size());
  for (size_t start = 0; start < items.size(); ++start) {
    if (placed[start] || order[start] == start) continue;
    typename Items::value_type held = std::move(items[start]);
    size_t j = start;
    while (true) {
      placed[j] = true;
      size_t from = order[j];
      if (from == start) {
        items[j] = std::move(held);
        break;
      }
      items[j] = std::move(items[from]);
      j = from;
    }
  }
}

// A local module called by two roots is evaluated and checked in each; a finding at the same place on the same
// module address, a "not evaluated" note or a suppression finding about the same text is reported once.
void remove_repeated_diagnostics(std::vector<model::Diagnostic>& diagnostics) {
  std::set<std::tuple<int, uint32_t, uint32_t, uint32_t, std::string>> seen;
  std::erase_if(diagnostics, [&](const model::Diagnostic& d) {
    return !seen.insert({static_cast<int>(d.level), d.span.file, d.span.begin, d.span.end, d.message}).second;
  });
}

// Findings sorted by place, check and resource: a repeated one (same check, resource, span and severity) sorts next
// to its first occurrence, after it (the sort is stable), and is dropped.
void remove_repeated_findings(model::FindingList& findings) {
  size_t kept = 0;
  size_t run_start = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (kept > 0 && !same_start(findings[kept - 1], findings[i])) run_start = kept;
    bool repeated = false;
    for (size_t k = run_start; k < kept && !repeated; ++k) {
      repeated = repeats(findings[k], findings[i]);
    }
    if (repeated) continue;
    if (kept != i) findings[kept] = std::move(findings[i]);
    ++kept;
  }
  findings.erase(findings.begin() + static_cast<std::ptrdiff_t>(kept), findings.end());
}

}  // namespace

ScanResult run_scan(const ScanOptions& options) {
  ScanResult result;
  result.sources = std::make_unique<model::SourceSet>();
  model::SourceSet& sources = *result.sources;
  std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  fs::path base = display_base_for(paths);
  for (const auto& p : paths) {
    std::error_code ec;
    // A mistyped argument is a usage error, not a file that failed to parse.
    if (p != "-" && !fs::exists(fs::symlink_status(p, ec))) {
      result.fatal_error = p + ": no such file or directory";
      return result;
    }
  }

  // Configuration: --config, else .gclint.yaml found upward from the first path.
  std::optional<fs::path> config_file;
  if (options.config_path) {
    config_file = fs::path(*options.config_path);
  } else {
    std::error_code ec;
    config_file = find_config_upward(paths[0] == "-" ? fs::current_path(ec) : fs::path(paths[0]));
  }
  if (config_file) {
    std::string content;
    std::string error;
    // The configuration (often found in the scanned tree) is bounded like any input: by the file_size limit of the
    // command line, or its default.
    uint64_t max_size = resolve_limits(model::Limits{}, options.limits).file_size;
    if (syntax::read_regular_file(*config_file, max_size, content, error) != syntax::ReadStatus::kOk) {
      result.fatal_error = config_file->string() + ": " + error;
      return result;
    }
    // The file as the user named it; a discovered one relative to the scan root when inside it.
    std::string shown = options.config_path ? *options.config_path : display_path(*config_file, base);
    if (shown.starts_with("../")) shown = config_file->string();
    uint32_t id = sources.add(shown, std::move(content));
    std::vector<model::Diagnostic> config_diagnostics;
    auto config = engine::load_config(sources.file(id), config_diagnostics);
    std::string messages;
    for (const auto& d : config_diagnostics) {
      if (d.level == model::Diagnostic::Level::kError) messages += format_diagnostic(sources, d) + "\n";
    }
    if (!config || !messages.empty()) {
      result.fatal_error = messages.empty() ? config_file->string() + ": invalid configuration" : messages;
      if (!result.fatal_error->empty() && result.fatal_error->back() == '\n') result.fatal_error->pop_back();
      return result;
    }
    result.config = std::move(*config);
    result.config.path = sources.file(id).path();
    for (auto& d : config_diagnostics) result.diagnostics.push_back(std::move(d));
  }

  // Rule pack: embedded plus --checks directories; a broken rule file is a configuration error.
  {
    std::vector<model::Diagnostic> rule_diagnostics;
    result.pack = options.rule_pack != nullptr
                      ? std::make_unique<engine::RulePack>(*options.rule_pack)
                      : std::make_unique<engine::RulePack>(engine::RulePack::embedded(sources, rule_diagnostics));
    for (const auto& dir : options.check_dirs) {
      std::error_code ec;
      if (!fs::is_directory(dir, ec)) {
        result.fatal_error = dir + ": --checks directory does not exist";
        return result;
      }
      result.pack->load_directory(dir, sources, rule_diagnostics);
    }
    // Parameter overrides in .gclint.yaml are checked against the pack they tune (an invalid pattern is an error).
    engine::check_config_params(*result.pack, result.config, rule_diagnostics);
    std::string messages;
    for (const auto& d : rule_diagnostics) {
      if (d.level == model::Diagnostic::Level::kError) messages += format_diagnostic(sources, d) + "\n";
    }
    if (!messages.empty()) {
      messages.pop_back();
      result.fatal_error = messages;
      return result;
    }
  }

  // Discovery and sniffing.
  Clock::time_point start = Clock::now();
  std::vector<fs::path> roots;
  bool read_stdin = false;
  for (const auto& p : paths) {
    if (p == "-") {
      read_stdin = true;
    } else {
      roots.emplace_back(p);
    }
  }
  model::Limits limits = resolve_limits(result.config.limits, options.limits);
  DiscoveryOptions discovery_options;
  discovery_options.allow_outside_root = options.allow_outside_root;
  apply_limits(limits, discovery_options);
  DiscoveryResult discovered = discover_files(roots, base, discovery_options);
  for (const auto& problem : discovered.problems) {
    uint32_t id = sources.find(problem.display);
    if (id == model::Span::kNoFile) id = sources.add(problem.display, "");
    result.diagnostics.push_back(
        {problem.is_error ? model::Diagnostic::Level::kError : model::Diagnostic::Level::kWarning,
         model::Span{id, 0, 0}, problem.message});
  }

  // Reading and sniffing each file is independent work, shared among the scan's threads; what the files hold is
  // then registered in walk order, so file ids do not depend on --jobs.
  unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  struct ReadFile {
    bool ok = false;
    std::string error;
    std::string content;  // kept for the files that become units
    bool is_terraform = false;
    bool is_tfvars = false;
    std::vector<fs::path> module_calls;
    std::optional<std::pair<uint32_t, std::string>> encoding_problem;
    FileKind kind = FileKind::kIgnored;
  };
  std::vector<ReadFile> read_files(discovered.files.size());
  auto read_one = [&](size_t i) {
    const DiscoveredFile& file = discovered.files[i];
    ReadFile& r = read_files[i];
    std::string name = file.path.filename().string();
    r.is_terraform = sniff_file(name, "") == FileKind::kTerraform;
    r.is_tfvars = sniff_file(name, "") == FileKind::kTerraformVars;
    r.ok = read_file(file.path, r.content, r.error);
    if (!r.ok) return;
    if (r.is_terraform) {
      r.module_calls = local_module_calls(file.path.parent_path(), name, r.content);
      // The Terraform loader reads a module's files with their directory; only --parse-only keeps them here.
      if (!options.parse_only) model::release(r.content);
      return;
    }
    if (r.is_tfvars) {  // read by the Terraform loader with its module directory
      model::release(r.content);
      return;
    }
    r.encoding_problem = normalize_text_encoding(r.content);  // UTF-16 / UTF-32 YAML and JSON
    r.kind = sniff_file(name, r.content);
    if (r.kind != FileKind::kCloudFormation && r.kind != FileKind::kKubernetes && r.kind != FileKind::kTerraformPlan)
      model::release(r.content);
  };
  model::parallel_for(read_files.size(), jobs, read_one);

  std::vector<Unit> units;
  std::map<fs::path, std::vector<fs::path>> module_calls;
  std::set<std::string> scanned_files;
  for (size_t i = 0; i < discovered.files.size(); ++i) {
    const DiscoveredFile& file = discovered.files[i];
    ReadFile& r = read_files[i];
    if (!r.ok) {
      uint32_t id = sources.add(file.display, "");
      result.diagnostics.push_back({model::Diagnostic::Level::kError, model::Span{id, 0, 0}, r.error});
      continue;
    }
    if (r.is_terraform) {
      auto& calls = module_calls[file.path.parent_path()];
      for (auto& target : r.module_calls) calls.push_back(std::move(target));
      scanned_files.insert(file.display);
      if (options.parse_only) {
        // --parse-only measures syntax alone: each file is parsed on its own, without evaluation.
        uint32_t id = sources.add(file.display, std::move(r.content));
        units.push_back({UnitKind::kTerraformFile, {}, id, file.display});
      }
      continue;
    }
    if (r.is_tfvars) continue;
    if (r.kind != FileKind::kCloudFormation && r.kind != FileKind::kKubernetes && r.kind != FileKind::kTerraformPlan)
      continue;
    uint32_t id = sources.add(file.display, std::move(r.content));
    if (r.encoding_problem) {
      result.diagnostics.push_back({model::Diagnostic::Level::kError,
                                    model::Span{id, r.encoding_problem->first, r.encoding_problem->first + 3},
                                    r.encoding_problem->second});
    }
    scanned_files.insert(file.display);
    units.push_back({r.kind == FileKind::kCloudFormation  ? UnitKind::kCloudFormation
                     : r.kind == FileKind::kTerraformPlan ? UnitKind::kTerraformPlan
                                                          : UnitKind::kKubernetes,
                     r.kind == FileKind::kTerraformPlan ? file.path : fs::path(), id, file.display});
  }
  model::release(read_files);
  model::release(discovered.files);
  std::vector<fs::path> tf_roots = options.parse_only ? std::vector<fs::path>{} : root_module_dirs(module_calls);
  // A plan in or under a root module is loaded with it, and that root is not evaluated a second time
  // (terraform/plan_loader.h, docs/terraform.md).
  std::set<fs::path> planned_roots;
  for (auto& unit : units) {
    if (unit.kind != UnitKind::kTerraformPlan) continue;
    std::optional<fs::path> config = terraform::plan_configuration_dir(unit.dir, tf_roots);
    unit.dir = config.value_or(fs::path());
    if (config) planned_roots.insert(*config);
  }
  for (const auto& dir : tf_roots) {
    if (!planned_roots.count(dir)) units.push_back({UnitKind::kTerraformModule, dir, 0, display_path(dir, base)});
  }
  std::string stdin_content;
  if (read_stdin && !read_stdin_bounded(limits.file_size, stdin_content)) {
    result.diagnostics.push_back({model::Diagnostic::Level::kError, model::Span{sources.add("<stdin>", ""), 0, 0},
                                  "standard input is larger than the file_size limit (" +
                                      std::to_string(limits.file_size) + " bytes); not scanned"});
    read_stdin = false;
  }
  if (read_stdin) {
    std::string content = std::move(stdin_content);
    (void)normalize_text_encoding(content);  // UTF-16 / UTF-32 input; invalid units become U+FFFD
    std::string format = lowercase(options.stdin_format);
    FileKind kind = FileKind::kIgnored;
    if (format.empty()) {
      kind = sniff_file("<stdin>", content);
    } else if (format == "cloudformation" || format == "cfn") {
      kind = FileKind::kCloudFormation;
    } else if (format == "kubernetes" || format == "k8s") {
      kind = FileKind::kKubernetes;
    } else if (format == "terraform") {
      kind = FileKind::kTerraform;
    } else if (format == "terraform-plan") {
      kind = FileKind::kTerraformPlan;
    } else {
      result.fatal_error = "unknown --stdin-format '" + options.stdin_format +
                           "' (terraform, terraform-plan, cloudformation, kubernetes)";
      return result;
    }
    uint32_t id = sources.add("<stdin>", std::move(content));
    scanned_files.insert("<stdin>");
    if (kind == FileKind::kCloudFormation || kind == FileKind::kKubernetes || kind == FileKind::kTerraformPlan ||
        kind == FileKind::kTerraform) {
      units.push_back({kind == FileKind::kCloudFormation  ? UnitKind::kCloudFormation
                       : kind == FileKind::kKubernetes    ? UnitKind::kKubernetes
                       : kind == FileKind::kTerraformPlan ? UnitKind::kTerraformPlan
                                                          : UnitKind::kTerraformStdin,
                       {},
                       id,
                       "<stdin>"});
    } else {
      result.diagnostics.push_back({model::Diagnostic::Level::kError, model::Span{id, 0, 0},
                                    "cannot tell the format of standard input; pass --stdin-format"});
    }
  }
  // Terraform files are registered by the loader later; they are counted here with the other scanned files.
  result.files_scanned = scanned_files.size();
  model::release(scanned_files);
  std::stable_sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.sort_key < b.sort_key; });

  // CloudFormation parameter files, read once for every template.
  cloudformation::LoadOptions cfn_options;
  cfn_options.region = options.region ? options.region : result.config.region;
  cfn_options.syntax_only = options.parse_only;  // as Terraform's: syntax alone, without evaluation
  for (const auto& param_file : options.cfn_param_files) {
    std::string content;
    std::string error;
    if (!read_file(param_file, content, error)) {
      result.fatal_error = param_file + ": " + error;
      return result;
    }
    uint32_t id = sources.add(param_file, std::move(content));
    std::vector<model::Diagnostic> param_diagnostics;
    bool ok = cloudformation::read_parameter_file(sources.file(id), cfn_options.parameters, param_diagnostics);
    std::string messages;
    for (const auto& d : param_diagnostics) {
      if (d.level == model::Diagnostic::Level::kError) messages += format_diagnostic(sources, d) + "\n";
    }
    if (!ok || !messages.empty()) {
      result.fatal_error = messages.empty() ? param_file + ": invalid parameter file" : messages;
      if (result.fatal_error->back() == '\n') result.fatal_error->pop_back();
      return result;
    }
  }
  result.times.discover = since(start);

  terraform::LoadOptions tf_options;
  tf_options.scan_root = base;
  // Every named path may be read inside, also when several of them lie outside the current directory (the base).
  for (const auto& root : roots) {
    std::error_code ec;
    tf_options.roots.push_back(fs::is_directory(root, ec) ? root : root.parent_path());
  }
  tf_options.allow_outside_root = options.allow_outside_root;
  tf_options.vars = options.tf_vars;
  for (const auto& f : options.tf_var_files) tf_options.var_files.emplace_back(f);
  tf_options.use_env_vars = options.tf_env_vars;
  tf_options.default_region = options.region;
  // A local module called by many roots is read and parsed once for all of them.
  std::vector<fs::path> called_dirs;
  for (const auto& [dir, targets] : module_calls) called_dirs.insert(called_dirs.end(), targets.begin(), targets.end());
  tf_options.canonical_paths = std::make_shared<syntax::CanonicalPaths>();
  tf_options.module_cache = terraform::make_module_cache(called_dirs, *tf_options.canonical_paths);
  model::release(called_dirs);
  model::release(module_calls);
  model::release(tf_roots);
  apply_limits(limits, options.deadline, tf_options);
  kubernetes::LoadOptions k8s_options;
  k8s_options.default_namespace = options.k8s_namespace;
  k8s_options.syntax_only = options.parse_only;

  // Each worker takes the next unit, parses and evaluates it, and checks it at once: only its findings and
  // diagnostics outlive it, so peak memory follows the largest unit, not the whole tree. Kubernetes objects are
  // the exception: selectors and bindings cross files, so they are kept and checked together at the end.
  result.lang = options.lang ? *options.lang : result.config.lang ? *result.config.lang : options.default_lang;
  engine::EngineOptions engine_options;
  engine_options.language = result.lang;
  engine_options.strict_unknown = options.strict_unknown;
  engine_options.only_checks = options.only_checks;
  engine::Engine engine(*result.pack, result.config, sources, engine_options);
  // Kubernetes objects are all held until they are linked across files. The documents the linker and the
  // cross-object checks do not read are dropped as each file is read, and each file is read again when its objects
  // are checked: a large tree of manifests costs its objects' names and labels, not their documents.
  std::optional<std::set<std::string>> kubernetes_kept_kinds;
  if (!options.parse_only) kubernetes_kept_kinds = engine.cross_read_kinds(model::Format::kKubernetes);
  // Drops what the linker does not read of one of `unit`'s objects; whether anything was dropped. Helm-mapped
  // objects (their spans name a template) keep theirs: the second reading does not map them.
  auto drop_document = [&](model::Resource& r, const Unit& unit) {
    return kubernetes_kept_kinds && kubernetes_kept_kinds->count(r.type) == 0 && r.span.file == unit.file_id &&
           kubernetes::drop_unlinked_parts(r);
  };
  std::vector<UnitOutput> outputs(units.size());
  OrderedMerge merge(outputs, result.findings, result.diagnostics);
  auto process_unit = [&](size_t index) {
    const Unit& unit = units[index];
    UnitOutput& out = outputs[index];
    // --timeout: a unit the deadline stops is an error at its file (a Terraform module: its directory).
    auto past_deadline = [&] { return options.deadline && Clock::now() >= *options.deadline; };
    auto unfinished = [&](const char* what) {
      uint32_t id = unit.kind == UnitKind::kTerraformModule ? sources.find(unit.sort_key) : unit.file_id;
      if (id == model::Span::kNoFile) id = sources.add(unit.sort_key, "");
      out.diagnostics.push_back({model::Diagnostic::Level::kError, model::Span{id, 0, 0},
                                 std::string("the time limit (--timeout) was reached ") + what});
    };
    if (past_deadline()) return unfinished("before this unit was scanned; not scanned");
    if (options.progress) options.progress->started(index, unit.sort_key);
    struct Finished {
      ScanProgress* progress;
      size_t index;
      ~Finished() {
        if (progress) progress->finished(index);
      }
    } finished{options.progress, index};
    Clock::time_point unit_start = Clock::now();
    model::ParseResult parsed;
    switch (unit.kind) {
      case UnitKind::kTerraformModule:
        parsed = terraform::load_root_module(sources, unit.dir, tf_options);
        break;
      case UnitKind::kTerraformPlan: {
        std::optional<fs::path> config = unit.dir.empty() ? std::nullopt : std::optional<fs::path>(unit.dir);
        parsed = terraform::load_plan(sources, unit.file_id, config, tf_options);
        break;
      }
      case UnitKind::kTerraformStdin:
        parsed = terraform::load_stdin_module(sources, unit.file_id, tf_options);
        break;
      case UnitKind::kTerraformFile:
        parsed = terraform::parse_only(sources.file(unit.file_id));
        break;
      case UnitKind::kCloudFormation:
        parsed = cloudformation::load_template(sources.file(unit.file_id), cfn_options);
        break;
      case UnitKind::kKubernetes:
        parsed = kubernetes::load_manifests(sources, unit.file_id, k8s_options);
        break;
    }
    out.times = front_end_times(since(unit_start), parsed);
    out.diagnostics = std::move(parsed.diagnostics);
    out.resource_count = parsed.resources.size();
    // Kubernetes objects live in one cluster-wide namespace of addresses; every other unit is its own scope.
    uint32_t scope = unit.kind == UnitKind::kKubernetes ? 0 : static_cast<uint32_t>(index + 1);
    for (auto& r : parsed.resources) r.unit = scope;
    if (unit.kind == UnitKind::kKubernetes) {
      for (auto& r : parsed.resources) out.kubernetes_reload = drop_document(r, unit) || out.kubernetes_reload;
      // Kept until every Kubernetes unit is read, then moved into one vector: without their growth slack, the
      // units' vectors and that one are half the size together.
      parsed.resources.shrink_to_fit();
      out.kubernetes = std::move(parsed.resources);
      return;
    }
    if (past_deadline()) return unfinished("while this unit was evaluated; it was not checked");
    if (options.parse_only) return;
    Clock::time_point check_start = Clock::now();
    out.findings = engine.run(parsed.resources, out.diagnostics);
    out.times.check = since(check_start);
  };
  // An exception escaping a front end or the engine (a bug) costs its unit an error, never the process (an
  // exception leaving a worker thread would abort) and never a silent pass.
  auto run_unit = [&](size_t index) {
    try {
      process_unit(index);
    } catch (const std::exception& e) {
      const Unit& unit = units[index];
      uint32_t id = unit.kind == UnitKind::kTerraformModule ? sources.find(unit.sort_key) : unit.file_id;
      if (id == model::Span::kNoFile) id = sources.add(unit.sort_key, "");
      outputs[index].diagnostics.push_back({model::Diagnostic::Level::kError, model::Span{id, 0, 0},
                                            std::string("internal error while scanning this unit: ") + e.what()});
    }
  };
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(1, units.size())));
  // Kubernetes units go first: their objects are kept, linked and checked together, then freed before the other
  // units add their findings, so that the two never make up the peak together. The order of the work does not show
  // in the output: everything is merged in unit order below.
  std::vector<size_t> kubernetes_units;
  std::vector<size_t> other_units;
  for (size_t i = 0; i < units.size(); ++i) {
    (units[i].kind == UnitKind::kKubernetes ? kubernetes_units : other_units).push_back(i);
  }
  start = Clock::now();
  model::parallel_for(kubernetes_units.size(), jobs, [&](size_t k) { run_unit(kubernetes_units[k]); });
  Clock::duration units_wall = Clock::now() - start;

  start = Clock::now();
  std::vector<model::Resource> kubernetes_resources;
  // Where each Kubernetes unit's objects sit in kubernetes_resources.
  std::vector<std::pair<uint32_t, uint32_t>> kubernetes_ranges;
  size_t kubernetes_count = 0;
  for (size_t i : kubernetes_units) kubernetes_count += outputs[i].kubernetes.size();
  kubernetes_resources.reserve(kubernetes_count);
  for (size_t i : kubernetes_units) {
    auto first = static_cast<uint32_t>(kubernetes_resources.size());
    std::move(outputs[i].kubernetes.begin(), outputs[i].kubernetes.end(), std::back_inserter(kubernetes_resources));
    model::release(outputs[i].kubernetes);
    kubernetes_ranges.emplace_back(first, static_cast<uint32_t>(kubernetes_resources.size()));
  }
  if (!kubernetes_resources.empty()) kubernetes::link_relations(kubernetes_resources);
  result.times.evaluate += since(start);
  if (!options.parse_only && !kubernetes_resources.empty()) {
    Clock::time_point check_start = Clock::now();
    std::unique_ptr<engine::ResourceGraph> graph = engine.prepare(kubernetes_resources);
    kubernetes::LoadOptions reload_options = k8s_options;
    reload_options.map_helm_sources = false;  // Helm-mapped objects kept their documents
    std::vector<StageSums> file_times(kubernetes_units.size());
    // Each file's objects are checked on their own, the files shared among the scan's threads; a check on one
    // object reads no other object's document except of the kinds that were kept (Engine::cross_read_kinds).
    auto check_file = [&](size_t k) {
      const Unit& unit = units[kubernetes_units[k]];
      UnitOutput& out = outputs[kubernetes_units[k]];
      auto [first, last] = kubernetes_ranges[k];
      if (first == last) return;
      if (options.deadline && Clock::now() >= *options.deadline) {
        out.diagnostics.push_back({model::Diagnostic::Level::kError, model::Span{unit.file_id, 0, 0},
                                   "the time limit (--timeout) was reached before this file's Kubernetes objects "
                                   "were checked; not checked"});
        return;
      }
      if (out.kubernetes_reload) {
        Clock::time_point reload_start = Clock::now();
        model::ParseResult again = kubernetes::load_manifests(sources, unit.file_id, reload_options);
        file_times[k] = front_end_times(since(reload_start), again);
        bool same = again.resources.size() == last - first;
        for (uint32_t i = first; same && i < last; ++i) {
          const model::Resource& r = again.resources[i - first];
          same = r.address == kubernetes_resources[i].address && r.span.begin == kubernetes_resources[i].span.begin;
        }
        if (!same) {
          out.diagnostics.push_back({model::Diagnostic::Level::kError, model::Span{unit.file_id, 0, 0},
                                     "internal error: this file read differently the second time; its Kubernetes "
                                     "objects were not checked"});
          return;
        }
        for (uint32_t i = first; i < last; ++i) {
          model::Resource& r = kubernetes_resources[i];
          if (!r.attributes.is_null()) continue;  // kept: not dropped
          r.attributes = std::move(again.resources[i - first].attributes);
          r.views = std::move(again.resources[i - first].views);
        }
      }
      Clock::time_point unit_check_start = Clock::now();
      out.findings = engine.run_prepared(kubernetes_resources, *graph, first, last, out.diagnostics);
      file_times[k].check = since(unit_check_start);
      if (out.kubernetes_reload) {
        for (uint32_t i = first; i < last; ++i) drop_document(kubernetes_resources[i], unit);
      }
    };
    model::parallel_for(kubernetes_units.size(), jobs, [&](size_t k) {
      try {
        check_file(k);
      } catch (const std::exception& e) {
        const Unit& unit = units[kubernetes_units[k]];
        outputs[kubernetes_units[k]].diagnostics.push_back(
            {model::Diagnostic::Level::kError, model::Span{unit.file_id, 0, 0},
             std::string("internal error while checking this file's Kubernetes objects: ") + e.what()});
      }
    });
    // The second reading is parse and evaluation time; the wall time is split in proportion.
    StageSums sums;
    for (const auto& t : file_times) sums += t;
    add_wall_share(since(check_start), sums, result.times);
  }
  model::release(kubernetes_resources);
  for (size_t i : kubernetes_units) merge.finished(i);

  start = Clock::now();
  model::parallel_for(other_units.size(), jobs, [&](size_t k) {
    run_unit(other_units[k]);
    merge.finished(other_units[k]);
  });
  units_wall += Clock::now() - start;
  result.resources += merge.resources;
  outputs.clear();
  add_wall_share(std::chrono::duration_cast<std::chrono::nanoseconds>(units_wall), merge.times, result.times);
  if (options.parse_only) return result;
  remove_repeated_diagnostics(result.diagnostics);
  sort_by_place(
      sources, result.findings, [](const model::Finding& f) -> const model::Span& { return f.span; },
      [](const model::Finding& a, const model::Finding& b) {
        return std::pair(a.check_id, a.resource()) < std::pair(b.check_id, b.resource());
      });
  remove_repeated_findings(result.findings);
  sort_by_place(
      sources, result.diagnostics, [](const model::Diagnostic& d) -> const model::Span& { return d.span; },
      [](const model::Diagnostic&, const model::Diagnostic&) { return false; });
  return result;
}

}  // namespace gclint::scan
