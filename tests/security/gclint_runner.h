#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace gclint::security {

namespace fs = std::filesystem;

/// How a run of the gclint binary ended.
struct ScanRun {
  int exit_code = -1;  // -1 when killed by a signal or by the timeout
  int signal = 0;
  bool timed_out = false;
  std::chrono::milliseconds elapsed{0};
  std::string out;
  std::string err;
  nlohmann::json report;  // parsed stdout when it was JSON, else discarded

  /// Exit codes an input problem may give: 0, 1 or 3 (never 2, a signal or a hang).
  bool clean_exit() const { return !timed_out && signal == 0 && (exit_code == 0 || exit_code == 1 || exit_code == 3); }
  std::string describe() const {
    std::ostringstream s;
    s << "exit " << exit_code << " signal " << signal << (timed_out ? " TIMED OUT" : "") << " after " << elapsed.count()
      << " ms\nstderr: " << err.substr(0, 4000) << "\nstdout: " << out.substr(0, 2000);
    return s.str();
  }
};

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

/// Runs `argv` (argv[0] is the program path) in `cwd` with stdin from /dev/null; kills it after `timeout` so a
/// hang fails the test instead of blocking the suite.
inline ScanRun run_program(const std::vector<std::string>& argv, const fs::path& cwd, std::chrono::seconds timeout) {
  ScanRun run;
  fs::path out_file = cwd / ".gclint-test-stdout";
  fs::path err_file = cwd / ".gclint-test-stderr";
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(126);
    FILE* in = std::freopen("/dev/null", "r", stdin);
    FILE* out = std::freopen(out_file.c_str(), "w", stdout);
    FILE* err = std::freopen(err_file.c_str(), "w", stderr);
    if (!in || !out || !err) ::_exit(126);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::setenv("LC_ALL", "C", 1);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  while (true) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return run;
    if (std::chrono::steady_clock::now() - start > timeout) {
      run.timed_out = true;
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  run.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  if (WIFEXITED(status) && !run.timed_out) run.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status) && !run.timed_out) run.signal = WTERMSIG(status);
  run.out = slurp(out_file);
  run.err = slurp(err_file);
  fs::remove(out_file);
  fs::remove(err_file);
  run.report = nlohmann::json::parse(run.out, nullptr, false);
  return run;
}

/// `gclint scan --format json ARGS...` in `cwd`.
inline ScanRun scan_json(const fs::path& cwd, std::vector<std::string> args,
                         std::chrono::seconds timeout = std::chrono::seconds(60)) {
  std::vector<std::string> argv = {GCLINT_BINARY, "scan", "--format", "json", "--jobs", "2"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, cwd, timeout);
}

/// A fresh directory under the system temp dir, removed with its contents at destruction.
class TempTree {
 public:
  explicit TempTree(const std::string& name) {
    std::string pattern = (fs::temp_directory_path() / ("gclint-security-" + name + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) != nullptr) root_ = pattern;
  }
  ~TempTree() {
    std::error_code ec;
    // Restore permissions a test removed so that the tree can be deleted.
    for (auto it = fs::recursive_directory_iterator(root_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    fs::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const fs::path& root() const { return root_; }
  fs::path operator/(const std::string& rel) const { return root_ / rel; }

 private:
  fs::path root_;
};

}  // namespace gclint::security
