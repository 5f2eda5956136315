// Runs the fixture samples of one check directory (style brief §3), or checks fixture coverage:
//   gclint_fixture_runner fixtures/GC-ENC-002
//   gclint_fixture_runner --coverage checks fixtures
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/rule_pack.h"
#include "expectation_parser.h"
#include "model/source_set.h"
#include "scan/scanner.h"
#include "syntax/json_reader.h"

namespace fs = std::filesystem;
using gclint::fixture_runner::Expectation;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "bad", "good", "bad.<case>", "good.<case>" with an extension for files.
bool is_sample_name(const std::string& name, bool directory, bool& bad) {
  std::string stem = name.substr(0, name.find('.'));
  if (stem != "bad" && stem != "good") return false;
  bad = stem == "bad";
  if (!directory && name.find('.') == std::string::npos) return false;
  if (name.size() > 7 && name.substr(name.size() - 7) == ".expect") return false;
  return true;
}

struct SampleResult {
  std::vector<std::string> failures;
};

// Collects the expectations of every file under the sample (a file or a directory).
std::vector<Expectation> collect_expectations(const fs::path& sample, const fs::path& root,
                                              std::vector<std::string>& errors, const std::string& shown_root) {
  std::vector<Expectation> out;
  std::vector<fs::path> files;
  if (fs::is_directory(sample)) {
    for (const auto& entry : fs::recursive_directory_iterator(sample)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(sample);
  }
  for (const fs::path& file : files) {
    std::string relative = fs::relative(file, root).generic_string();
    std::string content = read_text(file);
    if (file.extension() == ".expect") continue;
    fs::path sidecar = file;
    sidecar += ".expect";
    if (file.extension() == ".json" && fs::exists(sidecar)) {
      gclint::model::SourceSet sources;
      uint32_t id = sources.add(relative, content);
      std::vector<gclint::model::Diagnostic> diagnostics;
      auto value = gclint::syntax::read_json(sources.file(id), diagnostics);
      std::string sidecar_shown = shown_root + "/" + relative + ".expect";
      if (!value) {
        errors.push_back(shown_root + "/" + relative + ": sample is not valid JSON");
        continue;
      }
      for (const auto& entry : gclint::fixture_runner::parse_sidecar(sidecar_shown, read_text(sidecar), errors)) {
        const gclint::model::Value* target = gclint::fixture_runner::resolve_json_pointer(*value, entry.pointer);
        if (target == nullptr || !target->span.valid()) {
          errors.push_back(sidecar_shown + ":" + std::to_string(entry.sidecar_line) + ": pointer " + entry.pointer +
                           " does not exist in " + relative);
          continue;
        }
        uint32_t line = sources.begin_of(target->span).line;
        for (const auto& check : entry.check_ids) out.push_back(Expectation{relative, line, check, entry.message});
      }
      continue;
    }
    for (auto& e : gclint::fixture_runner::parse_inline_expectations(relative, content, errors)) {
      e.file = relative;
      out.push_back(std::move(e));
    }
  }
  return out;
}

std::string strip_dot_slash(std::string path) {
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  return path;
}

int run_fixture_dir(const fs::path& dir) {
  std::string shown_dir = dir.lexically_normal().generic_string();
  while (shown_dir.size() > 1 && shown_dir.back() == '/') shown_dir.pop_back();
  std::string id = fs::path(shown_dir).filename().string();
  if (shown_dir.find("/fixtures/") != std::string::npos) {
    shown_dir = shown_dir.substr(shown_dir.find("/fixtures/") + 1);
  }
  std::vector<fs::path> samples;
  for (const auto& entry : fs::directory_iterator(dir)) {
    bool bad = false;
    if (is_sample_name(entry.path().filename().string(), entry.is_directory(), bad)) samples.push_back(entry.path());
  }
  std::sort(samples.begin(), samples.end());
  if (samples.empty()) {
    std::cerr << shown_dir << ": no bad.* or good.* samples\n";
    return 1;
  }
  int failures = 0;
  static int counter = 0;
  // The pack is loaded once for all samples; a pack with errors is left to run_scan, which reports them.
  gclint::model::SourceSet pack_sources;
  std::vector<gclint::model::Diagnostic> pack_diagnostics;
  gclint::engine::RulePack pack = gclint::engine::RulePack::embedded(pack_sources, pack_diagnostics);
  for (const fs::path& sample : samples) {
    std::string name = sample.filename().string();
    bool bad = false;
    is_sample_name(name, fs::is_directory(sample), bad);
    std::string shown = shown_dir + "/" + name;
    std::vector<std::string> errors;
    bool directory = fs::is_directory(sample);
    fs::path expectation_root = directory ? sample : sample.parent_path();
    std::vector<Expectation> expected = collect_expectations(sample, expectation_root, errors, shown_dir);
    if (bad && expected.empty() && errors.empty())
      errors.push_back(shown + ": a bad sample needs at least one expectation");
    if (!bad && !expected.empty()) errors.push_back(shown + ": a good sample must not expect findings");

    // Scan an isolated copy so that sibling samples (one Terraform module directory) never mix.
    fs::path work =
        fs::temp_directory_path() / ("gclint-fixture-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(work);
    fs::create_directories(work);
    if (directory) {
      fs::copy(sample, work, fs::copy_options::recursive);
    } else {
      fs::copy_file(sample, work / name);
    }
    gclint::scan::ScanOptions options;
    options.paths = {work.string()};
    options.jobs = 1;
    if (pack_diagnostics.empty()) options.rule_pack = &pack;
    std::set<std::string> ids = {id};
    for (const auto& e : expected) ids.insert(e.check_id);
    options.only_checks.assign(ids.begin(), ids.end());
    gclint::scan::ScanResult result = gclint::scan::run_scan(options);
    fs::remove_all(work);

    auto display = [&](const std::string& file) { return directory ? shown + "/" + file : shown_dir + "/" + file; };
    if (result.fatal_error) {
      // A broken rule pack or configuration fails every sample alike: say it once.
      std::cerr << shown_dir << ": scan failed:\n" << *result.fatal_error << "\n";
      return 1;
    }
    for (const auto& d : result.diagnostics) {
      if (d.level != gclint::model::Diagnostic::Level::kError) continue;
      auto pos = result.sources ? result.sources->begin_of(d.span) : gclint::model::Position{};
      std::string file = result.sources ? strip_dot_slash(result.sources->path_of(d.span)) : "";
      errors.push_back(display(file) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
                       ": scan error: " + d.message);
    }
    std::vector<bool> matched(expected.size(), false);
    std::vector<std::string> unexpected;
    std::vector<bool> finding_matched(result.findings.size(), false);
    for (size_t fi = 0; fi < result.findings.size(); ++fi) {
      const auto& f = result.findings[fi];
      if (f.suppressed) continue;
      auto pos = result.sources->begin_of(f.span);
      std::string file = strip_dot_slash(result.sources->path_of(f.span));
      bool found = false;
      for (size_t i = 0; i < expected.size() && !found; ++i) {
        const Expectation& e = expected[i];
        if (matched[i] || e.check_id != f.check_id || e.file != file || e.line != pos.line) continue;
        if (!e.message.empty() && f.message().en.find(e.message) == std::string::npos &&
            f.message().ja.find(e.message) == std::string::npos) {
          errors.push_back(display(file) + ":" + std::to_string(pos.line) + ": " + std::string(f.check_id) +
                           " message \"" + std::string(f.message().en) + "\" does not contain \"" + e.message + "\"");
        }
        matched[i] = true;
        finding_matched[fi] = true;
        found = true;
      }
      if (!found) {
        unexpected.push_back(display(file) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
                             ": unexpected " + std::string(f.check_id) + ": " + std::string(f.message().en));
      }
    }
    for (size_t i = 0; i < expected.size(); ++i) {
      if (matched[i]) continue;
      const Expectation& e = expected[i];
      // Wrong line: name the closest unmatched finding of the same check in the same file.
      std::string hint;
      uint32_t best = UINT32_MAX;
      for (size_t fi = 0; fi < result.findings.size(); ++fi) {
        const auto& f = result.findings[fi];
        if (finding_matched[fi] || f.suppressed || f.check_id != e.check_id ||
            strip_dot_slash(result.sources->path_of(f.span)) != e.file) {
          continue;
        }
        uint32_t line = result.sources->begin_of(f.span).line;
        uint32_t distance = line > e.line ? line - e.line : e.line - line;
        if (distance < best) {
          best = distance;
          hint = " (reported on line " + std::to_string(line) + " instead)";
        }
      }
      errors.push_back(display(e.file) + ":" + std::to_string(e.line) + ": missing " + e.check_id + hint);
    }
    errors.insert(errors.end(), unexpected.begin(), unexpected.end());
    if (!errors.empty()) {
      ++failures;
      for (const auto& error : errors) std::cerr << error << "\n";
    } else {
      std::cout << "ok " << shown << " (" << expected.size() << " expected)\n";
    }
  }
  return failures == 0 ? 0 : 1;
}

int run_coverage(const fs::path& checks, const fs::path& fixtures) {
  std::map<std::string, std::string> check_files;  // ID -> rule path
  for (const auto& entry : fs::recursive_directory_iterator(checks)) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      check_files[entry.path().stem().string()] = fs::relative(entry.path(), checks.parent_path()).generic_string();
    }
  }
  int problems = 0;
  std::set<std::string> fixture_ids;
  if (fs::is_directory(fixtures)) {
    for (const auto& entry : fs::directory_iterator(fixtures)) {
      if (!entry.is_directory()) continue;
      std::string id = entry.path().filename().string();
      fixture_ids.insert(id);
      if (!check_files.count(id)) {
        std::cerr << "fixtures/" << id << "/: no check " << id << " in checks/\n";
        ++problems;
      }
    }
  }
  for (const auto& [id, rule] : check_files) {
    bool have_bad = false;
    bool have_good = false;
    fs::path dir = fixtures / id;
    if (fixture_ids.count(id)) {
      for (const auto& entry : fs::directory_iterator(dir)) {
        bool bad = false;
        if (!is_sample_name(entry.path().filename().string(), entry.is_directory(), bad)) continue;
        (bad ? have_bad : have_good) = true;
      }
    }
    if (!have_bad || !have_good) {
      std::cerr << rule << ": " << id << " lacks "
                << (!have_bad && !have_good ? "bad and good samples"
                    : !have_bad             ? "a bad sample"
                                            : "a good sample")
                << " in fixtures/" << id << "/\n";
      ++problems;
    }
  }
  if (problems == 0) std::cout << check_files.size() << " checks, every one with bad and good fixtures\n";
  return problems == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 3 && args[0] == "--coverage") return run_coverage(args[1], args[2]);
    if (args.size() == 1 && fs::is_directory(args[0])) return run_fixture_dir(args[0]);
  } catch (const std::exception& e) {
    std::cerr << "gclint_fixture_runner: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: gclint_fixture_runner fixtures/<ID> | --coverage <checks dir> <fixtures dir>\n";
  return 2;
}
