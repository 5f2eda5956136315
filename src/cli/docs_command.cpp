#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli/check_doc_writer.h"
#include "cli/commands.h"
#include "cli/language.h"
#include "cli/pack_loader.h"
#include "report/exit_status.h"

namespace gclint::cli {
namespace fs = std::filesystem;
namespace {

bool write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

}  // namespace

int run_docs_command(const CommandContext& context) {
  const CommandLine& c = context.command_line;
  if (!c.out_dir) {
    context.err << "gclint: "
                << tr(context.lang, "error: docs needs --out DIR", "エラー: docs には --out DIR が必要です") << "\n";
    return report::kExitUsage;
  }
  model::SourceSet sources;
  auto pack = load_pack(c.check_dirs, sources, context.err);
  if (!pack) return report::kExitUsage;
  fs::path out_dir = *c.out_dir;
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) {
    context.err << "gclint: " << tr(context.lang, "error: cannot create ", "エラー: 作成できません: ")
                << out_dir.generic_string() << ": " << ec.message() << "\n";
    return report::kExitUsage;
  }
  std::vector<const engine::Check*> checks;
  for (const auto& check : pack->checks()) checks.push_back(&check);
  std::sort(checks.begin(), checks.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  for (const auto* check : checks) {
    fs::path fixtures = fs::path(c.fixtures_dir) / check->id;
    std::string page = check_doc_markdown(*check, read_samples(fixtures, "bad"), read_samples(fixtures, "good"));
    if (!write_file(out_dir / (check->id + ".md"), page)) {
      context.err << "gclint: " << tr(context.lang, "error: cannot write ", "エラー: 書き込めません: ")
                  << (out_dir / (check->id + ".md")).generic_string() << "\n";
      return report::kExitUsage;
    }
  }
  if (!write_file(out_dir / "README.md", check_index_markdown(checks))) {
    context.err << "gclint: " << tr(context.lang, "error: cannot write ", "エラー: 書き込めません: ")
                << (out_dir / "README.md").generic_string() << "\n";
    return report::kExitUsage;
  }
  context.out << tr(context.lang, "Wrote ", "生成しました: ") << checks.size() + 1
              << tr(context.lang, " files to ", " ファイル → ") << out_dir.generic_string() << "\n";
  return report::kExitClean;
}

}  // namespace gclint::cli
