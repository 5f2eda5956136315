#include "cli/check_doc_writer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace gclint::cli {
namespace fs = std::filesystem;
namespace {

constexpr size_t kMaxSampleBytes = 64 * 1024;

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string fence_language(const std::string& name) {
  auto ends = [&name](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".tf") || ends(".tfvars")) return "hcl";
  if (ends(".json")) return "json";
  if (ends(".yaml") || ends(".yml")) return "yaml";
  return "";
}

// Position of an expectation comment in a line, or npos.
size_t expectation_start(std::string_view line) {
  for (std::string_view marker : {"#", "//"}) {
    size_t pos = 0;
    while ((pos = line.find(marker, pos)) != std::string_view::npos) {
      size_t i = pos + marker.size();
      while (i < line.size() && line[i] == ' ') ++i;
      if (line.substr(i).starts_with("expect:") || line.substr(i).starts_with("expect-next-line:")) return pos;
      pos += marker.size();
    }
  }
  return std::string_view::npos;
}

// The minimal pair (bad.tf, bad.yaml, …) is the example; the JSON twin of a YAML template says nothing new.
bool is_minimal_sample(const std::string& name, const std::vector<DocSample>& samples) {
  if (name.find('/') != std::string::npos || std::count(name.begin(), name.end(), '.') != 1) return false;
  if (name.ends_with(".json")) {
    std::string yaml = name.substr(0, name.size() - 4) + "yaml";
    for (const auto& other : samples) {
      if (other.name == yaml) return false;
    }
  }
  return true;
}

void write_samples(std::ostringstream& md, const std::string& check_id, const std::vector<DocSample>& samples) {
  if (samples.empty()) {
    md << "_No sample yet._\n\n";
    return;
  }
  std::vector<const DocSample*> shown;
  std::vector<std::string> more;
  for (const auto& sample : samples) {
    if (is_minimal_sample(sample.name, samples)) {
      shown.push_back(&sample);
    } else {
      std::string top = sample.name.substr(0, sample.name.find('/'));
      if (more.empty() || more.back() != top) more.push_back(top);
    }
  }
  if (shown.empty()) {
    shown.push_back(&samples.front());
    more.erase(more.begin());
  }
  for (const DocSample* sample : shown) {
    md << "`" << sample->name << "`\n\n```" << fence_language(sample->name) << "\n" << sample->text;
    if (!sample->text.empty() && sample->text.back() != '\n') md << "\n";
    md << "```\n\n";
  }
  if (!more.empty()) {
    md << "More cases:";
    for (size_t i = 0; i < more.size(); ++i) {
      md << (i ? ", " : " ") << "[" << more[i] << "](../../fixtures/" << check_id << "/" << more[i] << ")";
    }
    md << "\n\n";
  }
}

void write_text(std::ostringstream& md, const model::LocalizedText& text) {
  if (!text.en.empty()) md << text.en << "\n\n";
  if (!text.ja.empty() && text.ja != text.en) md << text.ja << "\n\n";
}

std::string severity_text(const engine::Check& check) {
  std::string text = model::severity_name(check.severity);
  for (const auto& [tier, severity] : check.severity_by_tier) {
    text += std::string(" (") + tier + ": " + model::severity_name(severity) + ")";
  }
  return text;
}

}  // namespace

std::string strip_expectations(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    bool has_newline = end != std::string_view::npos;
    if (!has_newline) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    size_t cut = expectation_start(line);
    if (cut == std::string_view::npos) {
      out.append(line);
      if (has_newline) out.push_back('\n');
    } else {
      std::string_view kept = line.substr(0, cut);
      bool whole_line = kept.find_first_not_of(" \t") == std::string_view::npos;
      while (!kept.empty() && (kept.back() == ' ' || kept.back() == '\t')) kept.remove_suffix(1);
      if (!whole_line) {
        out.append(kept);
        if (has_newline) out.push_back('\n');
      }
    }
    pos = end + 1;
  }
  return out;
}

std::vector<DocSample> read_samples(const fs::path& fixture_dir, const std::string& kind) {
  std::vector<DocSample> samples;
  std::error_code ec;
  if (!fs::is_directory(fixture_dir, ec)) return samples;
  auto read = [&samples](const fs::path& path, std::string name) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;
    std::string text(kMaxSampleBytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    samples.push_back({std::move(name), strip_expectations(text)});
  };
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(fixture_dir, ec)) entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  for (const auto& path : entries) {
    std::string name = path.filename().string();
    if (!name.starts_with(kind + ".") || name.ends_with(".expect")) continue;
    if (fs::is_regular_file(path, ec)) {
      read(path, name);
    } else if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
        if (entry.is_regular_file(ec) && !entry.path().filename().string().ends_with(".expect")) {
          files.push_back(entry.path());
        }
      }
      std::sort(files.begin(), files.end());
      for (const auto& file : files) read(file, file.lexically_relative(fixture_dir).generic_string());
    }
  }
  return samples;
}

std::string check_doc_markdown(const engine::Check& check, const std::vector<DocSample>& bad,
                               const std::vector<DocSample>& good) {
  std::ostringstream md;
  md << "<!-- Generated by `gclint docs` from " << check.source_path << " and fixtures/" << check.id
     << "/. Do not edit. -->\n";
  md << "# " << check.id << ": " << check.title.en << "\n\n";
  if (!check.title.ja.empty()) md << check.title.ja << "\n\n";
  md << "| | |\n|---|---|\n";
  md << "| Name | `" << check.name << "` |\n";
  md << "| Severity | " << severity_text(check) << " |\n";
  md << "| Status | " << check.status << " |\n";
  md << "| Tiers | " << (check.tiers.empty() ? std::string("all") : join(check.tiers)) << " |\n";
  md << "| Requirements | " << join(check.requirements) << " |\n";
  if (!check.aliases.empty()) md << "| Aliases | " << join(check.aliases) << " |\n";
  md << "| Rule | [" << check.source_path << "](../../" << check.source_path << ") |\n";
  md << "| Fixtures | [fixtures/" << check.id << "/](../../fixtures/" << check.id << "/) |\n\n";

  md << "## What\n\n";
  write_text(md, check.title);
  for (const auto& [format, types] : check.resource_types) {
    md << "- " << format << ": " << join(types) << "\n";
  }
  if (!check.resource_types.empty()) md << "\n";
  md << "## Why\n\n";
  write_text(md, check.description);
  md << "## Bad\n\n";
  write_samples(md, check.id, bad);
  md << "## Good\n\n";
  write_samples(md, check.id, good);
  md << "## Fix\n\n";
  write_text(md, check.remediation);
  md << "## Requirements\n\n";
  if (check.requirements.empty()) md << "_None._\n";
  for (const auto& requirement : check.requirements) {
    md << "- " << requirement << " (" << check.id << " enforces " << requirement << ")\n";
  }
  md << "\n## Sources\n\n";
  bool any = false;
  for (const auto& [source, ids] : check.references) {
    if (ids.empty()) continue;
    md << "- " << source << ": " << join(ids) << "\n";
    any = true;
  }
  for (const auto& link : check.links) {
    md << "- <" << link << ">\n";
    any = true;
  }
  if (!any) md << "_None._\n";
  return md.str();
}

std::string check_index_markdown(const std::vector<const engine::Check*>& checks) {
  std::map<std::string, std::vector<const engine::Check*>> by_family;
  std::map<std::string, std::vector<const engine::Check*>> by_requirement;
  for (const auto* check : checks) {
    by_family[check->family.empty() ? std::string("other") : check->family].push_back(check);
    for (const auto& requirement : check->requirements) by_requirement[requirement].push_back(check);
  }
  auto order = [](auto& groups) {
    for (auto& [key, list] : groups) {
      std::sort(list.begin(), list.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
    }
  };
  order(by_family);
  order(by_requirement);
  std::ostringstream md;
  md << "<!-- Generated by `gclint docs`. Do not edit. -->\n# Checks\n\n";
  md << checks.size() << " checks. Each page links to its rule file and fixtures.\n\n## By family\n\n";
  for (const auto& [family, list] : by_family) {
    md << "### " << family << "\n\n| ID | Severity | Title | Requirements |\n|---|---|---|---|\n";
    for (const auto* check : list) {
      md << "| [" << check->id << "](" << check->id << ".md) | " << model::severity_name(check->severity) << " | "
         << check->title.en << " | " << join(check->requirements) << " |\n";
    }
    md << "\n";
  }
  md << "## By requirement\n\n| Requirement | Checks |\n|---|---|\n";
  for (const auto& [requirement, list] : by_requirement) {
    std::vector<std::string> links;
    for (const auto* check : list) links.push_back("[" + check->id + "](" + check->id + ".md)");
    md << "| " << requirement << " | " << join(links) << " |\n";
  }
  return md.str();
}

}  // namespace gclint::cli
