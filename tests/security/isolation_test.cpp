// gclint neither opens network connections nor runs programs: the binary imports none of the functions that
// would do so, and a scan works inside a network namespace without any interface but loopback.
#include <elf.h>
#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "security/gclint_runner.h"

namespace gclint::security {
namespace {

// Functions whose import would mean network access or process execution. Nothing is allowed today; a future
// need (say `git diff` behind a flag) must be added to an explicit, documented allow-list (docs/security.md).
const std::set<std::string> kForbidden = {
    "socket",         "socketpair",      "connect",       "bind",         "listen",      "accept",
    "accept4",        "sendto",          "sendmsg",       "recvfrom",     "getaddrinfo", "gethostbyname",
    "gethostbyname2", "gethostbyname_r", "gethostbyaddr", "getnameinfo",  "res_query",   "execve",
    "execv",          "execvp",          "execvpe",       "execl",        "execlp",      "execle",
    "fexecve",        "execveat",        "system",        "popen",        "fork",        "vfork",
    "clone",          "clone3",          "posix_spawn",   "posix_spawnp", "dlopen",      "curl_easy_init",
};

// Names of the undefined (imported) symbols in the ELF dynamic symbol table; empty with `error` set on failure.
std::vector<std::string> imported_symbols(const std::string& elf, std::string& error) {
  std::vector<std::string> out;
  if (elf.size() < sizeof(Elf64_Ehdr) || std::memcmp(elf.data(), ELFMAG, SELFMAG) != 0 || elf[EI_CLASS] != ELFCLASS64) {
    error = "not a 64-bit ELF file";
    return out;
  }
  Elf64_Ehdr header;
  std::memcpy(&header, elf.data(), sizeof header);
  if (header.e_shoff == 0 || header.e_shentsize != sizeof(Elf64_Shdr) ||
      header.e_shoff + uint64_t(header.e_shnum) * sizeof(Elf64_Shdr) > elf.size()) {
    error = "bad section header table";
    return out;
  }
  std::vector<Elf64_Shdr> sections(header.e_shnum);
  std::memcpy(sections.data(), elf.data() + header.e_shoff, sections.size() * sizeof(Elf64_Shdr));
  bool found = false;
  for (const auto& s : sections) {
    if (s.sh_type != SHT_DYNSYM) continue;
    found = true;
    if (s.sh_link >= sections.size() || s.sh_entsize != sizeof(Elf64_Sym) || s.sh_offset + s.sh_size > elf.size()) {
      error = "bad .dynsym";
      return out;
    }
    const Elf64_Shdr& strtab = sections[s.sh_link];
    if (strtab.sh_offset + strtab.sh_size > elf.size()) {
      error = "bad .dynstr";
      return out;
    }
    for (uint64_t off = 0; off + sizeof(Elf64_Sym) <= s.sh_size; off += sizeof(Elf64_Sym)) {
      Elf64_Sym sym;
      std::memcpy(&sym, elf.data() + s.sh_offset + off, sizeof sym);
      if (sym.st_shndx != SHN_UNDEF || sym.st_name == 0 || sym.st_name >= strtab.sh_size) continue;
      const char* name = elf.data() + strtab.sh_offset + sym.st_name;
      out.emplace_back(name, strnlen(name, strtab.sh_size - sym.st_name));
    }
  }
  if (!found) error = "no .dynsym (static binary?)";
  return out;
}

TEST(IsolationTest, BinaryImportsNoNetworkOrProcessFunctions) {
  std::string elf = slurp(GCLINT_BINARY);
  ASSERT_FALSE(elf.empty()) << GCLINT_BINARY;
  std::string error;
  std::vector<std::string> imports = imported_symbols(elf, error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_GT(imports.size(), 20u) << "the parser found too few imports to be trusted";
  bool saw_known = false;
  for (const auto& name : imports) {
    saw_known = saw_known || name == "malloc" || name == "memcpy" || name == "strlen";
    EXPECT_EQ(kForbidden.count(name), 0u) << GCLINT_BINARY << " imports " << name;
  }
  EXPECT_TRUE(saw_known) << "expected libc imports such as memcpy";
}

TEST(IsolationTest, ScanWorksWithoutNetwork) {
  TempTree tree("netns");
  ScanRun probe = run_program({"unshare", "-n", "true"}, tree.root(), std::chrono::seconds(20));
  if (probe.exit_code != 0) {
    GTEST_SKIP() << "unshare -n is not permitted here (" << probe.describe() << ")";
  }
  fs::path examples = fs::path(GCLINT_SOURCE_DIR) / "examples";
  ScanRun run = run_program({"unshare", "-n", GCLINT_BINARY, "scan", "--format", "json", examples.string()},
                            tree.root(), std::chrono::seconds(120));
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.describe();
  ASSERT_TRUE(run.report.is_object()) << run.describe();
  EXPECT_EQ(run.report["summary"]["errors"], 0) << run.report["errors"].dump();
  EXPECT_GT(run.report["summary"]["files_scanned"].get<int>(), 0);
}

}  // namespace
}  // namespace gclint::security
