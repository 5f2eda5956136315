#include "terraform/module_loader.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <tuple>
#include <unordered_map>

#include "syntax/file_reader.h"
#include "syntax/json_reader.h"
#include "terraform/expression_evaluator.h"
#include "terraform/hcl_parser.h"
#include "terraform/json_syntax.h"
#include "terraform/policy_document.h"
#include "terraform/variable_type.h"

namespace gclint::terraform {

namespace fs = std::filesystem;
using model::Reference;
using model::Resource;
using model::Span;
using model::Value;

namespace {

std::string instance_key_text(const Value& key) {
  if (key.is_number()) return "[" + model::format_number(key.number) + "]";
  std::string out = "[\"";
  for (char c : key.text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"]";
}

bool read_file(const fs::path& path, uintmax_t max_size, std::string& content, std::string& error,
               bool* too_large = nullptr) {
  syntax::ReadStatus status = syntax::read_regular_file(path, max_size, content, error);
  if (status == syntax::ReadStatus::kTooLarge && too_large) *too_large = true;
  return status == syntax::ReadStatus::kOk;
}

bool is_within(const fs::path& path, const fs::path& root) {
  auto rel = path.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

// Text of a traversal such as `aws.tokyo` (for provider references and `providers = {...}` keys).
std::string traversal_text(const Expr& e) {
  if (e.kind == ExprKind::kVariable || e.kind == ExprKind::kString) return e.name;
  if (e.kind == ExprKind::kGetAttr) return traversal_text(e.kids[0]) + "." + e.name;
  if (e.kind == ExprKind::kTemplate && e.kids.size() == 1 && e.kids[0].kind == ExprKind::kTplLiteral) {
    return e.kids[0].name;
  }
  return {};
}

// One declaration (block) and the file it is in.
struct Decl {
  const model::SourceFile* file = nullptr;
  const Block* block = nullptr;
  size_t order = 0;
};

// The parsed files of one module directory, shared by all instances of the module.
struct ParsedModule {
  fs::path dir;
  std::string display_dir;
  std::vector<std::unique_ptr<HclFile>> files;
  std::vector<const model::SourceFile*> sources;
  std::vector<Decl> variables, outputs, resources, data, modules, providers;
  std::map<std::string, std::pair<const model::SourceFile*, const Attribute*>> locals;
  std::vector<std::pair<std::string, std::pair<const model::SourceFile*, const Attribute*>>> duplicate_locals;
};

struct ProviderConfig {
  std::string address;  // in the root module's terms: "aws", "aws.tokyo"
  Value region;
  Value default_tags;
};

}  // namespace

class ModuleCache {
 public:
  struct Entry {
    // A ParsedModule (a type local to this file, which a class of the header's namespace may not name).
    std::shared_ptr<const void> module;
    /// What reading and parsing it reported; every root that uses the module reports it (the scan dedupes).
    std::vector<model::Diagnostic> diagnostics;
  };

  explicit ModuleCache(std::set<std::string> dirs) : dirs_(std::move(dirs)) {}

  bool keeps(const std::string& dir) const { return dirs_.count(dir) != 0; }
  std::optional<Entry> find(const std::string& dir) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(dir);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
  }
  /// Two roots may parse the same module at once; the first one stored wins.
  Entry insert(const std::string& dir, Entry entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.emplace(dir, std::move(entry)).first->second;
  }

 private:
  std::set<std::string> dirs_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

namespace {

class Loader;

// Evaluation of one module instance.
class ModuleEval : public NameResolver {
 public:
  ModuleEval(Loader& loader, const ParsedModule& module, std::string address, std::string path_module,
             std::map<std::string, ProviderConfig> providers, std::vector<fs::path> ancestors, uint32_t depth,
             std::string modules_json_key);

  void set_variables(std::map<std::string, Value> vars) { variables_ = std::move(vars); }
  /// Declared variables and their types/defaults, evaluated.
  void init_variables(const std::map<std::string, Value>& given, const std::map<std::string, Span>& given_spans);
  /// Variable `validation` rules whose condition is known false become warnings.
  void check_validations();
  void run();
  Value outputs();
  std::vector<std::pair<size_t, Resource>>& produced() { return produced_; }

  Value resolve(Evaluator& evaluator, const Expr& root, TraversalSteps steps, size_t& consumed) override;
  const Value* stored(const Expr& root, TraversalSteps steps, size_t& consumed) override;

 private:
  struct Lazy {
    int state = 0;  // 0 not started, 1 in progress, 2 done
    Value value;
  };

  Value ensure_local(const std::string& name, const Expr& at);
  Value ensure_resource(const std::string& key, bool is_data, const Expr& at);
  /// The resource's value, evaluated on first use and kept; null while it is being evaluated (a cycle).
  const Value* evaluated_resource(const std::string& key, bool is_data);
  Value evaluate_resource(const Decl& decl, bool is_data);
  void evaluate_declarations(const std::vector<Decl>& decls, bool is_data);
  Value ensure_module(const std::string& name, const Expr& at);
  void init_providers_from_blocks();
  ProviderConfig provider_for(const Block& block, const model::SourceFile* file, std::string& local_key);
  Value eval_in(const model::SourceFile* file, const Expr& e);
  Value eval_attr(const model::SourceFile* file, const Attribute& a);
  void eval_body(const model::SourceFile* file, const Body& body, Value& out, int depth, bool skip_meta);
  void eval_self_blocks(const model::SourceFile* file, const Block& block, Value& attrs, const std::string& address);
  void expand_dynamic(const model::SourceFile* file, const Block& block, Value& out, int depth);
  bool instances(const model::SourceFile* file, const Body& body, std::vector<std::pair<Value, Value>>& keys, int& mode,
                 const std::string& what);
  /// Puts count.index (mode 1) or each.key/each.value (modes 2 and 3) in scope for one instance and returns
  /// its address; the caller pops the scope when mode != 0.
  std::string enter_instance(const std::string& base, int mode, const Value& key, const Value& value);
  void emit_resource_instance(const Decl& decl, bool is_data, const std::string& addr, Value attributes,
                              const ProviderConfig& provider, const std::string& provider_key);
  std::string resource_address(bool is_data, const Block& b) const;
  Value special_data(const std::string& type, const Value& attributes, const ProviderConfig& provider,
                     const model::SourceFile* file, const Block& b);

  Loader& loader_;
  const ParsedModule& module_;
  std::string address_;
  std::string path_module_;
  std::map<std::string, ProviderConfig> providers_;
  std::vector<fs::path> ancestors_;
  uint32_t depth_;
  std::string modules_json_key_;
  Evaluator evaluator_;
  std::map<std::string, Value> variables_;
  std::map<std::string, Lazy> locals_;
  std::vector<std::string> local_stack_;
  std::map<std::string, Lazy> resources_;
  std::map<std::string, Lazy> modules_;
  std::map<std::string, const Decl*> resource_decls_;
  std::map<std::string, const Decl*> module_decls_;
  std::vector<std::pair<size_t, Resource>> produced_;
  bool outputs_done_ = false;
  Value outputs_;
};

class Loader {
 public:
  Loader(model::SourceSet& sources, const LoadOptions& options, model::ParseResult& result)
      : sources_(sources),
        options_(options),
        result_(result),
        paths_(options.canonical_paths ? options.canonical_paths : std::make_shared<syntax::CanonicalPaths>()) {
    if (!options_.scan_root.empty()) scan_root_ = canonical(options_.scan_root);
  }

  /// Symlinks resolved, through the scan's shared memory of resolved prefixes.
  fs::path canonical(const fs::path& p) { return paths_->resolve(p); }

  model::SourceSet& sources() { return sources_; }
  const LoadOptions& options() const { return options_; }
  model::ParseResult& result() { return result_; }

  /// Reports a module-resolution error once per span and message: a module block inside a module with `count`
  /// is resolved once per instance, and the same refusal each time is noise.
  void error_once(const Span& span, const std::string& message) {
    if (reported_.emplace(span.file, span.begin, span.end, message).second) result_.error(span, message);
  }
  const fs::path& scan_root() const { return scan_root_; }
  /// What this unit may read: the named path that holds its root module, else the scan root.
  const fs::path& containment_root() const { return containment_root_.empty() ? scan_root_ : containment_root_; }
  const fs::path& root_dir() const { return root_dir_; }
  void set_root_dir(fs::path dir) {
    root_dir_ = std::move(dir);
    containment_root_.clear();
    if (scan_root_.empty() || root_dir_ == scan_root_ || is_within(root_dir_, scan_root_)) return;
    for (const auto& named : options_.roots) {
      fs::path root = canonical(named);
      if (root_dir_ == root || is_within(root_dir_, root)) {
        containment_root_ = root;
        return;
      }
    }
  }

  std::string display(const fs::path& p) const {
    if (scan_root_.empty()) return p.generic_string();
    fs::path rel = p.lexically_relative(scan_root_);
    if (rel.empty()) return p.generic_string();
    return rel.generic_string();
  }

  /// A file in the tree that is a symlink to a place outside the scan root is not read (a warning, as the walk
  /// gives): a .tf or terraform.tfvars pointing at /etc/passwd would print it in the report.
  /// `plain_entry`: `path` is a directory entry that is not a symlink, in a directory already made canonical, so
  /// it is its own canonical form (resolving it again costs a readlink per path component, per file).
  bool refused_outside_root(const fs::path& path, bool plain_entry = false) {
    if (options_.allow_outside_root || scan_root_.empty()) return false;
    fs::path target = plain_entry ? path : canonical(path);
    const fs::path& root = containment_root();
    if (target == root || is_within(target, root)) return false;
    std::string disp = display(path);
    uint32_t id = sources_.find(disp);
    if (id == Span::kNoFile) id = sources_.add(disp, "");
    result_.warning(Span{id, 0, 0}, "symlink points outside the scan root; skipped (see --allow-outside-root)");
    return true;
  }

  /// Registers (or finds) a file; nullptr when it cannot be read. `trusted`: named by the user (--var-file).
  /// The walk registers a file it skipped (outside the root, too large) as empty: both are checked before the
  /// registered copy is used, so that such a file is skipped here too instead of read as empty.
  const model::SourceFile* source(const fs::path& path, bool trusted = false, bool plain_entry = false) {
    if (!trusted && refused_outside_root(path, plain_entry)) return nullptr;
    std::string disp = display(path);
    uint32_t id = sources_.find(disp);
    if (id != Span::kNoFile) {
      // Registered with content: read, so within the limit. Registered empty: maybe skipped by the walk as too large.
      std::error_code ec;
      if (auto size = fs::file_size(path, ec);
          sources_.file(id).content().empty() && !ec && size > options_.max_file_size) {
        result_.warning(Span{id, 0, 0}, "file is larger than the file_size limit (" +
                                            std::to_string(options_.max_file_size) + " bytes); skipped");
        return nullptr;
      }
      return &sources_.file(id);
    }
    std::string content, error;
    bool too_large = false;
    if (!read_file(path, options_.max_file_size, content, error, &too_large)) {
      // Located at the file (registered empty), so that the report names it; an oversized file is skipped with a
      // warning, as the walk does.
      Span at{sources_.add(disp, ""), 0, 0};
      too_large ? result_.warning(at, error) : result_.error(at, error);
      return nullptr;
    }
    id = sources_.add(disp, std::move(content));
    return &sources_.file(id);
  }

  /// Adds one parsed file's declarations to a module. Other top-level blocks (terraform, moved, import, removed,
  /// check with its scoped data sources) declare no resource and are not evaluated.
  void add_file(ParsedModule& pm, const model::SourceFile* file, std::unique_ptr<HclFile> parsed, size_t& order) {
    for (const auto& b : parsed->body.blocks) {
      Decl d{file, &b, order++};
      if (b.type == "variable" && b.labels.size() == 1) pm.variables.push_back(d);
      if (b.type == "output" && b.labels.size() == 1) pm.outputs.push_back(d);
      if (b.type == "resource" && b.labels.size() == 2) pm.resources.push_back(d);
      if (b.type == "data" && b.labels.size() == 2) pm.data.push_back(d);
      if (b.type == "module" && b.labels.size() == 1) pm.modules.push_back(d);
      if (b.type == "provider" && b.labels.size() == 1) pm.providers.push_back(d);
      if (b.type == "locals") {
        for (const auto& a : b.body.attributes) {
          if (pm.locals.count(a.name)) {
            result_.error(Span{file->id(), a.begin, a.end}, "duplicate local value \"" + a.name + "\"");
            continue;
          }
          pm.locals[a.name] = {file, &a};
        }
      }
    }
    pm.sources.push_back(file);
    pm.files.push_back(std::move(parsed));
  }

  /// Parses every *.tf / *.tf.json of a directory once.
  const ParsedModule* module(const fs::path& dir) {
    std::string key = dir.generic_string();
    auto it = modules_.find(key);
    if (it != modules_.end()) return it->second.get();
    ModuleCache* cache = options_.module_cache.get();
    if (cache != nullptr && cache->keeps(key)) {
      if (auto entry = cache->find(key)) return use_cached(key, *entry);
      size_t reported = result_.diagnostics.size();
      parse_module(dir);
      ModuleCache::Entry entry{std::shared_ptr<const void>(modules_[key]), {}};
      entry.diagnostics.assign(result_.diagnostics.begin() + static_cast<std::ptrdiff_t>(reported),
                               result_.diagnostics.end());
      result_.diagnostics.resize(reported);
      return use_cached(key, cache->insert(key, std::move(entry)));
    }
    return parse_module(dir);
  }

  const ParsedModule* use_cached(const std::string& key, const ModuleCache::Entry& entry) {
    result_.diagnostics.insert(result_.diagnostics.end(), entry.diagnostics.begin(), entry.diagnostics.end());
    auto module = std::static_pointer_cast<const ParsedModule>(entry.module);
    modules_[key] = module;
    return module.get();
  }

  const ParsedModule* parse_module(const fs::path& dir) {
    auto pm = std::make_unique<ParsedModule>();
    pm->dir = dir;
    pm->display_dir = display(dir);
    std::vector<std::pair<fs::path, bool>> paths;  // file, plain entry (not a symlink)
    std::error_code ec;
    for (fs::directory_iterator d(dir, ec), end; !ec && d != end; d.increment(ec)) {
      std::string name = d->path().filename().string();
      bool tf = name.size() > 3 && name.ends_with(".tf");
      bool tfjson = name.size() > 8 && name.ends_with(".tf.json");
      if ((tf || tfjson) && d->is_regular_file(ec)) paths.emplace_back(d->path(), !d->is_symlink(ec));
    }
    std::sort(paths.begin(), paths.end());
    size_t order = 0;
    for (const auto& [p, plain_entry] : paths) {
      auto parsed = std::make_unique<HclFile>();
      const model::SourceFile* file = nullptr;
      {
        model::SyntaxTimer timer(result_);
        file = source(p, false, plain_entry);
        if (!file) continue;
        if (p.filename().string().ends_with(".tf.json")) {
          *parsed = parse_json_config(*file, result_.diagnostics);
        } else {
          *parsed = parse_hcl(*file, result_.diagnostics);
        }
      }
      add_file(*pm, file, std::move(parsed), order);
    }
    const ParsedModule* out = pm.get();
    modules_[dir.generic_string()] = std::move(pm);
    return out;
  }

  /// modules.json entry (Key -> Dir) written by `terraform init`.
  std::optional<fs::path> fetched_module_dir(const std::string& key) {
    if (!modules_json_loaded_) {
      modules_json_loaded_ = true;
      fs::path p = root_dir_ / ".terraform" / "modules" / "modules.json";
      std::string content, error;
      std::error_code ec;
      if (fs::is_regular_file(p, ec) && read_file(p, options_.max_file_size, content, error)) {
        nlohmann::json j = nlohmann::json::parse(content, nullptr, false);
        if (j.is_object() && j.contains("Modules") && j["Modules"].is_array()) {
          for (const auto& m : j["Modules"]) {
            if (m.is_object() && m.contains("Key") && m.contains("Dir") && m["Key"].is_string() &&
                m["Dir"].is_string()) {
              modules_json_[m["Key"].get<std::string>()] = m["Dir"].get<std::string>();
            }
          }
        }
      }
    }
    auto it = modules_json_.find(key);
    if (it == modules_json_.end()) return std::nullopt;
    fs::path dir = fs::path(it->second);
    if (dir.is_relative()) dir = root_dir_ / dir;
    return canonical(dir);
  }

  uint64_t instance_count = 0;
  int eval_depth = 0;

  /// Standard input: the module is this one file, and nothing is read relative to the current directory.
  void read_stdin(const model::SourceFile* file) { stdin_file_ = file; }
  bool reading_stdin() const { return stdin_file_ != nullptr; }
  const ParsedModule* stdin_module() {
    auto pm = std::make_unique<ParsedModule>();
    pm->display_dir = stdin_file_->path();
    auto parsed = std::make_unique<HclFile>();
    // A native HCL body cannot start with `{`: such input is the JSON syntax.
    size_t first = stdin_file_->content().find_first_not_of(" \t\r\n");
    bool json = first != std::string::npos && stdin_file_->content()[first] == '{';
    {
      model::SyntaxTimer timer(result_);
      *parsed =
          json ? parse_json_config(*stdin_file_, result_.diagnostics) : parse_hcl(*stdin_file_, result_.diagnostics);
    }
    size_t order = 0;
    add_file(*pm, stdin_file_, std::move(parsed), order);
    const ParsedModule* out = pm.get();
    modules_[std::string()] = std::move(pm);
    return out;
  }

 private:
  model::SourceSet& sources_;
  const LoadOptions& options_;
  model::ParseResult& result_;
  std::shared_ptr<syntax::CanonicalPaths> paths_;
  fs::path scan_root_;
  fs::path containment_root_;
  fs::path root_dir_;
  std::map<std::string, std::shared_ptr<const ParsedModule>> modules_;
  bool modules_json_loaded_ = false;
  const model::SourceFile* stdin_file_ = nullptr;
  std::set<std::tuple<uint32_t, uint32_t, uint32_t, std::string>> reported_;
  std::map<std::string, std::string> modules_json_;
};

ModuleEval::ModuleEval(Loader& loader, const ParsedModule& module, std::string address, std::string path_module,
                       std::map<std::string, ProviderConfig> providers, std::vector<fs::path> ancestors, uint32_t depth,
                       std::string modules_json_key)
    : loader_(loader),
      module_(module),
      address_(std::move(address)),
      path_module_(std::move(path_module)),
      providers_(std::move(providers)),
      ancestors_(std::move(ancestors)),
      depth_(depth),
      modules_json_key_(std::move(modules_json_key)),
      evaluator_(this, nullptr, loader.root_dir(), &loader.result().diagnostics) {
  if (!loader.options().allow_outside_root && !loader.scan_root().empty()) {
    evaluator_.set_file_root(loader.containment_root());
  }
  evaluator_.share_depth(&loader.eval_depth);
  if (loader.reading_stdin()) evaluator_.set_read_files(false);
  evaluator_.set_limits(&loader.options().eval_limits);
  for (const auto& d : module_.resources) resource_decls_.emplace(d.block->labels[0] + "." + d.block->labels[1], &d);
  for (const auto& d : module_.data) {
    resource_decls_.emplace("data." + d.block->labels[0] + "." + d.block->labels[1], &d);
  }
  for (const auto& d : module_.modules) module_decls_.emplace(d.block->labels[0], &d);
}

Value ModuleEval::eval_in(const model::SourceFile* file, const Expr& e) {
  const model::SourceFile* saved = evaluator_.file();
  evaluator_.set_file(file);
  Value v = evaluator_.eval(e);
  evaluator_.set_file(saved);
  return v;
}

Value ModuleEval::eval_attr(const model::SourceFile* file, const Attribute& a) {
  Value v = eval_in(file, a.value);
  strip_instance_markers(v);
  v.span = Span{file->id(), a.begin, a.end};
  return v;
}

void ModuleEval::init_providers_from_blocks() {
  for (const auto& d : module_.providers) {
    const Body& body = d.block->body;
    std::string key = d.block->labels[0];
    if (const Attribute* alias = body.attribute("alias")) {
      Value a = eval_in(d.file, alias->value);
      if (a.is_string()) key += "." + a.text;
    }
    ProviderConfig pc;
    pc.address = address_.empty() ? key : address_ + "." + key;
    if (address_.empty()) pc.address = key;
    if (const Attribute* region = body.attribute("region")) {
      pc.region = eval_attr(d.file, *region);
    } else if (loader_.options().default_region) {
      pc.region =
          Value::of_string(*loader_.options().default_region, Span{d.file->id(), d.block->begin, d.block->header_end});
    } else {
      pc.region = Value::unknown("provider " + d.block->labels[0] + " has no region",
                                 Span{d.file->id(), d.block->begin, d.block->header_end});
    }
    for (const auto& nb : body.blocks) {
      if (nb.type == "default_tags") {
        if (const Attribute* tags = nb.body.attribute("tags")) pc.default_tags = eval_attr(d.file, *tags);
      }
    }
    providers_[key] = std::move(pc);
  }
}

ProviderConfig ModuleEval::provider_for(const Block& block, const model::SourceFile* file, std::string& local_key) {
  (void)file;
  if (const Attribute* p = block.body.attribute("provider")) {
    local_key = traversal_text(p->value);
  }
  if (local_key.empty()) {
    const std::string& type = block.labels[0];
    local_key = type.substr(0, type.find('_'));
  }
  auto it = providers_.find(local_key);
  if (it != providers_.end()) return it->second;
  ProviderConfig pc;
  pc.address = local_key;
  if (loader_.options().default_region) {
    pc.region = Value::of_string(*loader_.options().default_region);
  } else {
    std::string name = local_key.substr(0, local_key.find('.'));
    pc.region = Value::unknown("provider " + name + " has no region");
  }
  return pc;
}

void ModuleEval::init_variables(const std::map<std::string, Value>& given,
                                const std::map<std::string, Span>& given_spans) {
  (void)given_spans;
  for (const auto& d : module_.variables) {
    const std::string& name = d.block->labels[0];
    const Body& body = d.block->body;
    Value v;
    auto it = given.find(name);
    if (it != given.end()) {
      v = it->second;
    } else if (const Attribute* def = body.attribute("default")) {
      v = eval_attr(d.file, *def);
    } else {
      v = Value::unknown("var." + name, Span{d.file->id(), d.block->begin, d.block->header_end});
    }
    if (const Attribute* type = body.attribute("type")) {
      VariableType t = VariableType::parse(type->value);
      std::string error;
      const model::SourceFile* saved = evaluator_.file();
      evaluator_.set_file(d.file);
      bool ok = convert_to_type(v, t, evaluator_, error);
      evaluator_.set_file(saved);
      if (!ok) {
        Span at = v.span.valid() ? v.span : Span{d.file->id(), d.block->begin, d.block->header_end};
        loader_.result().error(at, "invalid value for variable \"" + name + "\": " + error);
        v = Value::unknown("var." + name, v.span);
      }
    }
    variables_[name] = std::move(v);
  }
  check_validations();
}

// After every variable is set, since a condition may name others (Terraform 1.9). An unknown condition decides
// nothing; a known false one is a warning at the place the value was set, with the rule's error_message.
void ModuleEval::check_validations() {
  for (const auto& d : module_.variables) {
    const std::string& name = d.block->labels[0];
    for (const auto& rule : d.block->body.blocks) {
      const Attribute* condition = rule.type == "validation" ? rule.body.attribute("condition") : nullptr;
      if (condition == nullptr) continue;
      Value ok = eval_in(d.file, condition->value);
      bool passed = true;
      if (!ok.is_known() || !to_bool_value(ok, passed) || passed) continue;
      std::string message;
      if (const Attribute* error_message = rule.body.attribute("error_message")) {
        Value m = eval_in(d.file, error_message->value);
        if (!to_string_value(m, message)) message = std::string(expr_text(*d.file, error_message->value));
      }
      const Value& value = variables_[name];
      Span at = value.origin.valid() ? value.origin
                : value.span.valid() ? value.span
                                     : Span{d.file->id(), condition->begin, condition->end};
      loader_.result().warning(
          at, (address_.empty() ? "" : address_ + ": ") + "variable \"" + name + "\" fails its validation: " + message);
    }
  }
}

Value ModuleEval::resolve(Evaluator& ev, const Expr& root, TraversalSteps steps, size_t& consumed) {
  const std::string& name = root.name;
  auto attr_step = [&](size_t i) -> const std::string* {
    if (i < steps.size() && steps[i]->kind == ExprKind::kGetAttr) return &steps[i]->name;
    return nullptr;
  };
  Span sp = ev.span(root);
  if (name == "var") {
    const std::string* n = attr_step(0);
    if (!n) return ev.error(root, "var needs an attribute");
    consumed = 1;
    auto it = variables_.find(*n);
    if (it == variables_.end()) return ev.error(*steps[0], "reference to undeclared variable \"" + *n + "\"");
    Value v = it->second;
    if (!v.origin.valid()) v.origin = v.span;
    return v;
  }
  if (name == "local") {
    const std::string* n = attr_step(0);
    if (!n) return ev.error(root, "local needs an attribute");
    consumed = 1;
    return ensure_local(*n, *steps[0]);
  }
  if (name == "path") {
    const std::string* n = attr_step(0);
    consumed = n ? 1 : 0;
    if (n && *n == "module") return Value::of_string(path_module_, sp);
    if (n && (*n == "root" || *n == "cwd")) return Value::of_string(".", sp);
    return ev.error(root, "unknown path attribute");
  }
  if (name == "terraform") {
    const std::string* n = attr_step(0);
    consumed = n ? 1 : 0;
    if (n && *n == "workspace") return Value::of_string("default", sp);
    return Value::unknown(ev.text(root), sp);
  }
  if (name == "self") return Value::unknown("self", sp);
  if (name == "count" || name == "each") return ev.error(root, name + " is not available here");
  if (name == "module") {
    const std::string* n = attr_step(0);
    if (!n) return ev.error(root, "module needs a name");
    consumed = 1;
    return ensure_module(*n, *steps[0]);
  }
  if (name == "data") {
    const std::string* type = attr_step(0);
    const std::string* dn = attr_step(1);
    if (!type || !dn) return ev.error(root, "data needs a type and a name");
    consumed = 2;
    return ensure_resource("data." + *type + "." + *dn, true, *steps[1]);
  }
  const std::string* rn = attr_step(0);
  if (rn) {
    std::string key = name + "." + *rn;
    if (resource_decls_.count(key)) {
      consumed = 1;
      return ensure_resource(key, false, *steps[0]);
    }
  }
  return ev.error(root, "reference to undeclared \"" + name + (rn ? "." + *rn : std::string()) + "\"");
}

const Value* ModuleEval::stored(const Expr& root, TraversalSteps steps, size_t& consumed) {
  auto attr_step = [&](size_t i) -> const std::string* {
    if (i < steps.size() && steps[i]->kind == ExprKind::kGetAttr) return &steps[i]->name;
    return nullptr;
  };
  auto done = [](const std::map<std::string, Lazy>& cache, const std::string& key) -> const Value* {
    auto it = cache.find(key);
    return it != cache.end() && it->second.state == 2 ? &it->second.value : nullptr;
  };
  const std::string& name = root.name;
  const std::string* first = attr_step(0);
  if (first == nullptr) return nullptr;
  const Value* found = nullptr;
  size_t used = 1;
  if (name == "var") {
    auto it = variables_.find(*first);
    found = it == variables_.end() ? nullptr : &it->second;
  } else if (name == "local") {
    found = done(locals_, *first);
  } else if (name == "module") {
    found = done(modules_, *first);
  } else if (name == "data") {
    // A resource is walked where it is kept, evaluated first if it was not yet.
    const std::string* second = attr_step(1);
    found = second ? evaluated_resource("data." + *first + "." + *second, true) : nullptr;
    used = 2;
  } else {
    found = evaluated_resource(name + "." + *first, false);
  }
  if (found != nullptr) consumed = used;
  return found;
}

Value ModuleEval::ensure_local(const std::string& name, const Expr& at) {
  auto decl = module_.locals.find(name);
  if (decl == module_.locals.end()) return evaluator_.error(at, "reference to undeclared local value \"" + name + "\"");
  Lazy& lazy = locals_[name];
  if (lazy.state == 2) {
    Value v = lazy.value;
    if (!v.origin.valid()) v.origin = v.span;
    return v;
  }
  if (lazy.state == 1) {
    std::string cycle;
    auto start = std::find(local_stack_.begin(), local_stack_.end(), name);
    for (auto it = start; it != local_stack_.end(); ++it) cycle += "local." + *it + " -> ";
    cycle += "local." + name;
    const auto& [file, attr] = decl->second;
    loader_.result().error(Span{file->id(), attr->begin, attr->end}, "cycle in local values: " + cycle);
    return Value::unknown("local." + name + " (cycle)", evaluator_.span(at));
  }
  lazy.state = 1;
  local_stack_.push_back(name);
  const auto& [file, attr] = decl->second;
  auto saved = evaluator_.take_scope();
  Value v = eval_in(file, attr->value);
  evaluator_.restore_scope(std::move(saved));
  v.span = Span{file->id(), attr->begin, attr->end};
  local_stack_.pop_back();
  Lazy& done = locals_[name];
  done.state = 2;
  done.value = v;
  if (!v.origin.valid()) v.origin = v.span;
  return v;
}

std::string ModuleEval::enter_instance(const std::string& base, int mode, const Value& key, const Value& value) {
  if (mode == 1) {
    Value count = Value::map();
    count.set("index", key);
    evaluator_.push("count", std::move(count));
    return base + instance_key_text(key);
  }
  if (mode == 2 || mode == 3) {
    Value each = Value::map();
    each.set("key", key);
    each.set("value", value);
    evaluator_.push("each", std::move(each));
    if (mode == 2) return base + instance_key_text(key);
  }
  return base;
}

bool ModuleEval::instances(const model::SourceFile* file, const Body& body, std::vector<std::pair<Value, Value>>& keys,
                           int& mode, const std::string& what) {
  // mode: 0 single, 1 count, 2 for_each, 3 unknown repetition (evaluated once with unknown key)
  mode = 0;
  keys.clear();
  const auto& options = loader_.options();
  if (const Attribute* count = body.attribute("count")) {
    mode = 1;
    Value n = eval_in(file, count->value);
    double c = 0;
    if (!n.is_known()) {
      mode = 3;
      keys.emplace_back(Value::unknown("count.index"), Value());
      return true;
    }
    // Range-checked before any conversion: casting a double beyond int64 (1.5e300) is undefined behaviour.
    if (!to_number_value(n, c) || !std::isfinite(c) || c < 0 || c != std::floor(c)) {
      loader_.result().error(
          Span{file->id(), count->begin, count->end},
          what + ": count must be a whole number between 0 and " + std::to_string(options.max_instances));
      return false;
    }
    if (c + double(loader_.instance_count) > double(options.max_instances)) {
      loader_.result().error(Span{file->id(), count->begin, count->end},
                             what + ": more than " + std::to_string(options.max_instances) + " instances");
      return false;
    }
    for (int64_t i = 0; i < static_cast<int64_t>(c); ++i) keys.emplace_back(Value::of_number(double(i)), Value());
    return true;
  }
  if (const Attribute* fe = body.attribute("for_each")) {
    mode = 2;
    Value v = eval_in(file, fe->value);
    if (!v.is_known()) {
      mode = 3;
      keys.emplace_back(Value::unknown("each.key"), Value::unknown("each.value", v.span));
      keys.back().second.refs = v.refs;
      return true;
    }
    if (v.is_map()) {
      for (const auto* e : sorted_entries(v)) keys.emplace_back(Value::of_string(e->key), e->value);
    } else if (v.is_list()) {
      std::set<std::string> seen;
      for (const auto& item : v.items) {
        std::string s;
        if (!item.is_known()) {
          mode = 3;
          keys.clear();
          keys.emplace_back(Value::unknown("each.key"), Value::unknown("each.value", v.span));
          return true;
        }
        if (!to_string_value(item, s)) {
          loader_.result().error(Span{file->id(), fe->begin, fe->end},
                                 what + ": for_each set elements must be strings");
          return false;
        }
        if (!seen.insert(s).second) continue;
        keys.emplace_back(Value::of_string(s), item);
      }
      std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first.text < b.first.text; });
    } else if (v.is_null()) {
      loader_.result().error(Span{file->id(), fe->begin, fe->end}, what + ": for_each is null");
      return false;
    } else {
      loader_.result().error(Span{file->id(), fe->begin, fe->end}, what + ": for_each needs a map or a set of strings");
      return false;
    }
    if (double(keys.size()) + double(loader_.instance_count) > double(options.max_instances)) {
      loader_.result().error(Span{file->id(), fe->begin, fe->end},
                             what + ": more than " + std::to_string(options.max_instances) + " instances");
      return false;
    }
  }
  return true;
}

void ModuleEval::expand_dynamic(const model::SourceFile* file, const Block& block, Value& out, int depth) {
  if (block.labels.empty()) return;
  const std::string& label = block.labels[0];
  const Body& body = block.body;
  std::string iterator = label;
  if (const Attribute* it = body.attribute("iterator")) {
    std::string t = traversal_text(it->value);
    if (!t.empty()) iterator = t;
  }
  const Block* content = nullptr;
  for (const auto& b : body.blocks) {
    if (b.type == "content") content = &b;
  }
  const Attribute* fe = body.attribute("for_each");
  if (!content || !fe) {
    loader_.result().error(Span{file->id(), block.begin, block.header_end},
                           "dynamic \"" + label + "\" needs for_each and a content block");
    return;
  }
  Value coll = eval_in(file, fe->value);
  std::vector<std::pair<Value, Value>> items;
  if (!coll.is_known()) {
    Value unknown_value = Value::unknown(evaluator_.text(fe->value), coll.span);
    unknown_value.refs = coll.refs;
    items.emplace_back(Value::unknown(iterator + ".key"), std::move(unknown_value));
  } else if (coll.is_list()) {
    for (size_t i = 0; i < coll.items.size(); ++i) items.emplace_back(Value::of_number(double(i)), coll.items[i]);
  } else if (coll.is_map()) {
    for (const auto* e : sorted_entries(coll)) items.emplace_back(Value::of_string(e->key), e->value);
  } else if (!coll.is_null()) {
    loader_.result().error(Span{file->id(), fe->begin, fe->end},
                           "dynamic \"" + label + "\": for_each needs a collection");
    return;
  }
  for (auto& [k, v] : items) {
    Value it = Value::map();
    it.set("key", k);
    it.set("value", v);
    evaluator_.push(iterator, std::move(it));
    Value m = Value::map(Span{file->id(), content->begin, content->end});
    eval_body(file, content->body, m, depth + 1, false);
    evaluator_.pop();
    Value* list = out.get(label);
    if (!list || !list->is_list()) list = &out.set(label, Value::list(m.span));
    list->items.push_back(std::move(m));
  }
}

void ModuleEval::eval_body(const model::SourceFile* file, const Body& body, Value& out, int depth, bool skip_meta) {
  if (depth > 64) {
    loader_.result().error(out.span, "nested blocks too deep");
    return;
  }
  if (!out.is_map()) out = Value::map(out.span);
  out.entries.reserve(out.entries.size() + body.attributes.size() + body.blocks.size());  // at most one each
  for (const auto& a : body.attributes) {
    if (skip_meta && (a.name == "count" || a.name == "for_each" || a.name == "provider" || a.name == "depends_on")) {
      continue;
    }
    out.set(a.name, eval_attr(file, a));
  }
  for (const auto& b : body.blocks) {
    if (b.type == "dynamic") {
      expand_dynamic(file, b, out, depth);
      continue;
    }
    // Evaluated once the arguments are known, with `self` in scope (eval_self_blocks).
    if (skip_meta && (b.type == "provisioner" || b.type == "connection" || b.type == "lifecycle")) continue;
    Value m = Value::map(Span{file->id(), b.begin, b.end});
    eval_body(file, b.body, m, depth + 1, false);
    Value* list = out.get(b.type);
    if (!list || !list->is_list()) list = &out.set(b.type, Value::list(m.span));
    list->items.push_back(std::move(m));
  }
}

// Provisioner and connection blocks and lifecycle postconditions may use `self`: the instance whose arguments were
// just evaluated (an attribute it does not set is a reference to the instance, as for any resource). Terraform allows
// `self` nowhere else, so elsewhere it stays unknown. A provisioner's type label is its `type`.
void ModuleEval::eval_self_blocks(const model::SourceFile* file, const Block& block, Value& attrs,
                                  const std::string& address) {
  bool any = std::any_of(block.body.blocks.begin(), block.body.blocks.end(), [](const Block& b) {
    return b.type == "provisioner" || b.type == "connection" || b.type == "lifecycle";
  });
  if (!any) return;
  Value self = attrs;
  self.text = std::string(kResourceInstanceMarker);
  self.refs = {Reference{address, ""}};
  auto append = [](Value& to, const std::string& type, Value m) {
    Value* list = to.get(type);
    if (!list || !list->is_list()) list = &to.set(type, Value::list(m.span));
    list->items.push_back(std::move(m));
  };
  for (const auto& b : block.body.blocks) {
    if (b.type != "provisioner" && b.type != "connection" && b.type != "lifecycle") continue;
    Value m = Value::map(Span{file->id(), b.begin, b.end});
    if (b.type == "lifecycle") {
      for (const auto& a : b.body.attributes) m.set(a.name, eval_attr(file, a));
      for (const auto& rule : b.body.blocks) {
        bool post = rule.type == "postcondition";
        if (post) evaluator_.push("self", self);
        Value r = Value::map(Span{file->id(), rule.begin, rule.end});
        eval_body(file, rule.body, r, 1, false);
        if (post) evaluator_.pop();
        append(m, rule.type, std::move(r));
      }
    } else {
      evaluator_.push("self", self);
      eval_body(file, b.body, m, 1, false);
      evaluator_.pop();
      if (b.type == "provisioner" && !b.labels.empty()) {
        m.set("type", Value::of_string(b.labels[0], Span{file->id(), b.begin, b.header_end}));
      }
    }
    append(attrs, b.type, std::move(m));
  }
}

std::string ModuleEval::resource_address(bool is_data, const Block& b) const {
  std::string a = address_.empty() ? std::string() : address_ + ".";
  if (is_data) a += "data.";
  return a + b.labels[0] + "." + b.labels[1];
}

Value ModuleEval::special_data(const std::string& type, const Value& attributes, const ProviderConfig& provider,
                               const model::SourceFile* file, const Block& b) {
  Value extra = Value::map();
  Span header{file->id(), b.begin, b.header_end};
  if (type == "aws_iam_policy_document") {
    Value json = render_policy_document(attributes, header);
    extra.set("json", json);
    extra.set("minified_json", json);
  } else if (type == "aws_region") {
    Value r = provider.region;
    if (const Value* n = attributes.get("name")) r = *n;
    if (const Value* n = attributes.get("region")) r = *n;
    extra.set("name", r);
    extra.set("region", r);
    extra.set("id", r);
  } else if (type == "aws_partition") {
    if (provider.region.is_string()) {
      const std::string& r = provider.region.text;
      std::string partition = r.rfind("us-gov-", 0) == 0 ? "aws-us-gov" : r.rfind("cn-", 0) == 0 ? "aws-cn" : "aws";
      extra.set("partition", Value::of_string(partition, header));
      extra.set("id", Value::of_string(partition, header));
      extra.set("dns_suffix", Value::of_string(partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com", header));
    }
  }
  return extra;
}

void ModuleEval::emit_resource_instance(const Decl& decl, bool is_data, const std::string& addr, Value attributes,
                                        const ProviderConfig& provider, const std::string& provider_key) {
  (void)provider_key;
  Resource r;
  r.format = model::Format::kTerraform;
  r.type = decl.block->labels[0];
  r.name = decl.block->labels[1];
  r.address = addr;
  r.is_data = is_data;
  r.span = Span{decl.file->id(), decl.block->begin, decl.block->header_end};
  r.provider = provider.address;
  r.region = provider.region;
  r.module_address = address_;
  if (provider.default_tags.is_map()) {
    for (const auto& e : provider.default_tags.entries) {
      std::string s;
      if (to_string_value(e.value, s)) r.tags.emplace_back(e.key, s);
    }
  }
  if (const Value* tags = attributes.get("tags"); tags && tags->is_map()) {
    for (const auto& e : tags->entries) {
      std::string s;
      if (!to_string_value(e.value, s)) continue;
      auto it = std::find_if(r.tags.begin(), r.tags.end(), [&](const auto& t) { return t.first == e.key; });
      if (it != r.tags.end()) {
        it->second = s;
      } else {
        r.tags.emplace_back(e.key, s);
      }
    }
  }
  if (const Value* deps = attributes.get("depends_on")) (void)deps;
  if (const Attribute* deps = decl.block->body.attribute("depends_on")) {
    if (deps->value.kind == ExprKind::kTuple) {
      for (const auto& item : deps->value.kids) {
        std::string t = traversal_text(item);
        if (t.empty()) continue;
        std::string target = (address_.empty() ? "" : address_ + ".") + t;
        r.relations.push_back(model::Relation{"depends_on", target, Span{decl.file->id(), item.begin, item.end}});
      }
    }
  }
  // lifecycle { prevent_destroy = true }: no plan may destroy or replace the object (model::Resource::deletion_policy);
  // an explicit false is the default, Delete.
  if (const Value* lifecycle = attributes.get("lifecycle"); lifecycle && lifecycle->is_list()) {
    for (const Value& block : lifecycle->items) {
      const Value* prevent = block.get("prevent_destroy");
      if (prevent == nullptr || prevent->is_null()) continue;
      bool known_true = (prevent->is_bool() && prevent->boolean) || (prevent->is_string() && prevent->text == "true");
      bool known_false =
          (prevent->is_bool() && !prevent->boolean) || (prevent->is_string() && prevent->text == "false");
      Value policy = known_true    ? Value::of_string("Retain", prevent->span)
                     : known_false ? Value::of_string("Delete", prevent->span)
                                   : *prevent;
      r.deletion_policy = policy;
      r.update_replace_policy = std::move(policy);
    }
  }
  r.attributes = std::move(attributes);
  ++loader_.instance_count;
  produced_.emplace_back(decl.order, std::move(r));
}

Value ModuleEval::ensure_resource(const std::string& key, bool is_data, const Expr& at) {
  auto dit = resource_decls_.find(key);
  if (dit == resource_decls_.end()) return evaluator_.error(at, "reference to undeclared resource \"" + key + "\"");
  if (const Value* value = evaluated_resource(key, is_data)) return *value;
  return Value::reference(Reference{resource_address(is_data, *dit->second->block), ""}, evaluator_.span(at));
}

const Value* ModuleEval::evaluated_resource(const std::string& key, bool is_data) {
  auto dit = resource_decls_.find(key);
  if (dit == resource_decls_.end()) return nullptr;
  Lazy& lazy = resources_[key];  // a std::map: the entry stays where it is while other resources are added
  if (lazy.state == 2) return &lazy.value;
  if (lazy.state == 1) return nullptr;  // a reference cycle: the caller refers to the resource instead
  lazy.state = 1;
  lazy.value = evaluate_resource(*dit->second, is_data);
  lazy.state = 2;
  return &lazy.value;
}

Value ModuleEval::evaluate_resource(const Decl& decl, bool is_data) {
  const Block& b = *decl.block;
  std::string base = resource_address(is_data, b);
  auto saved_scope = evaluator_.take_scope();

  std::string provider_key;
  ProviderConfig provider = provider_for(b, decl.file, provider_key);
  std::vector<std::pair<Value, Value>> keys;
  int mode = 0;
  Value ref_value;
  if (!instances(decl.file, b.body, keys, mode, base)) {
    ref_value = Value::reference(Reference{base, ""}, Span{decl.file->id(), b.begin, b.header_end});
  } else {
    if (mode == 0 || mode == 3) keys.resize(1);
    ref_value = mode == 1 ? Value::list() : mode == 2 ? Value::map() : Value();
    std::set<std::string> instance_keys;
    for (auto& [k, v] : keys) {
      std::string addr = enter_instance(base, mode, k, v);
      Value attrs = Value::map(Span{decl.file->id(), b.begin, b.end});
      eval_body(decl.file, b.body, attrs, 0, true);
      eval_self_blocks(decl.file, b, attrs, addr);
      if (mode != 0) evaluator_.pop();
      if (is_data) {
        Value extra = special_data(b.labels[0], attrs, provider, decl.file, b);
        for (auto& e : extra.entries) attrs.set(e.key, std::move(e.value));
      }
      // What other expressions of the module read of this instance: its arguments, read in place. They belong to
      // the resource emitted below, which no one changes while the module is evaluated (evaluate_root and
      // ensure_module drop this ModuleEval before its resources are used); a copy of `inst` owns what it copies.
      Value inst = Value::borrowing(attrs);
      inst.text = std::string(kResourceInstanceMarker);
      inst.refs = {Reference{addr, ""}};
      if (mode == 1) {
        ref_value.items.push_back(std::move(inst));
      } else if (mode == 2) {
        // Value::set looks keys up one by one; a for_each over thousands of keys must not be quadratic.
        if (instance_keys.insert(k.text).second) {
          ref_value.entries.push_back(model::MapEntry{k.text, std::move(inst)});
        } else {
          ref_value.set(k.text, std::move(inst));
        }
      } else if (mode == 3) {
        ref_value = Value::reference(Reference{base, ""});
      } else {
        ref_value = std::move(inst);
      }
      emit_resource_instance(decl, is_data, addr, std::move(attrs), provider, provider_key);
    }
  }
  evaluator_.restore_scope(std::move(saved_scope));
  return ref_value;
}

Value ModuleEval::ensure_module(const std::string& name, const Expr& at) {
  auto dit = module_decls_.find(name);
  if (dit == module_decls_.end()) return evaluator_.error(at, "reference to undeclared module \"" + name + "\"");
  Lazy& lazy = modules_[name];
  if (lazy.state == 2) return lazy.value;
  std::string base = (address_.empty() ? "" : address_ + ".") + "module." + name;
  if (lazy.state == 1) return Value::unknown(base + " (cycle)", evaluator_.span(at));
  lazy.state = 1;
  auto saved_scope = evaluator_.take_scope();
  const Decl& decl = *dit->second;
  const Block& b = *decl.block;
  const model::SourceFile* file = decl.file;
  Span header{file->id(), b.begin, b.header_end};
  Value result = Value::unknown(base, header);

  std::string source;
  const Attribute* src_attr = b.body.attribute("source");
  if (src_attr) {
    Value s = eval_in(file, src_attr->value);
    if (s.is_string()) source = s.text;
  }
  std::string json_key = modules_json_key_.empty() ? name : modules_json_key_ + "." + name;
  std::optional<fs::path> dir;
  Span src_span = src_attr ? Span{file->id(), src_attr->begin, src_attr->end} : header;
  // Local paths and modules.json directories (which ship with the scanned tree) get the same scan-root check.
  auto inside_root = [&](const fs::path& d) {
    if (loader_.options().allow_outside_root || loader_.scan_root().empty()) return true;
    if (is_within(d, loader_.containment_root()) || d == loader_.containment_root()) return true;
    loader_.error_once(src_span, "module " + name + ": source \"" + source +
                                     "\" is outside the scanned directory; not loaded (allow it with "
                                     "--allow-outside-root)");
    return false;
  };
  if (loader_.reading_stdin() && !source.empty()) {
    // One file on standard input has no directory: no module is read relative to the current one.
    loader_.result().warning(src_span, "module " + name + ": source \"" + source +
                                           "\" is not read for a file on standard input; its outputs are unknown");
  } else if (source.rfind("./", 0) == 0 || source.rfind("../", 0) == 0 || source == "." || source == "..") {
    fs::path d = loader_.canonical(module_.dir / source);
    if (inside_root(d)) dir = d;
  } else if (source.empty()) {
    loader_.error_once(header, "module " + name + ": missing or non-literal source");
  } else {
    dir = loader_.fetched_module_dir(json_key);
    if (!dir) {
      loader_.result().warning(src_span, "module " + name + ": remote source not fetched; its outputs are unknown");
    } else if (!inside_root(*dir)) {
      dir.reset();
    }
  }
  std::error_code ec;
  if (dir && !fs::is_directory(*dir, ec)) {
    loader_.error_once(src_span, "module " + name + ": directory " + loader_.display(*dir) + " does not exist");
    dir.reset();
  }
  if (dir && (*dir == module_.dir || std::find(ancestors_.begin(), ancestors_.end(), *dir) != ancestors_.end())) {
    // ancestors_ ends at this module's parent, so the current directory closes the chain before the repeated one.
    std::string chain;
    for (const auto& a : ancestors_) chain += loader_.display(a) + " -> ";
    chain += loader_.display(module_.dir) + " -> " + loader_.display(*dir);
    loader_.error_once(src_span, "module cycle: " + chain);
    dir.reset();
  }
  if (dir && depth_ + 1 > loader_.options().max_module_depth) {
    loader_.error_once(src_span, "module " + name + ": nesting deeper than " +
                                     std::to_string(loader_.options().max_module_depth) + " modules");
    dir.reset();
  }
  const ParsedModule* child = dir ? loader_.module(*dir) : nullptr;
  std::vector<std::pair<Value, Value>> keys;
  int mode = 0;
  if (child && instances(file, b.body, keys, mode, base)) {
    // Providers: explicit `providers = {...}`, else the default (unaliased) configurations are inherited.
    std::map<std::string, ProviderConfig> child_providers;
    if (const Attribute* pa = b.body.attribute("providers"); pa && pa->value.kind == ExprKind::kObject) {
      const auto& kids = pa->value.kids;
      for (size_t i = 0; i + 1 < kids.size(); i += 2) {
        std::string child_key = traversal_text(kids[i]);
        std::string parent_key = traversal_text(kids[i + 1]);
        if (child_key.empty() || parent_key.empty()) continue;
        auto it = providers_.find(parent_key);
        if (it != providers_.end()) {
          child_providers[child_key] = it->second;
        } else {
          ProviderConfig pc;
          pc.address = parent_key;
          pc.region = loader_.options().default_region
                          ? Value::of_string(*loader_.options().default_region)
                          : Value::unknown("provider " + parent_key.substr(0, parent_key.find('.')) + " has no region");
          child_providers[child_key] = pc;
        }
      }
    } else {
      for (const auto& [k, pc] : providers_) {
        if (k.find('.') == std::string::npos) child_providers[k] = pc;
      }
    }
    if (mode == 0 || mode == 3) keys.resize(1);
    Value value = mode == 1 ? Value::list(header) : mode == 2 ? Value::map(header) : Value();
    std::vector<fs::path> ancestors = ancestors_;
    ancestors.push_back(module_.dir);
    std::string path_module = loader_.display(*dir);
    if (!loader_.scan_root().empty()) {
      fs::path rel = dir->lexically_relative(loader_.root_dir());
      path_module = rel.empty() ? dir->generic_string() : rel.generic_string();
    }
    for (auto& [k, v] : keys) {
      std::string addr = enter_instance(base, mode, k, v);
      std::map<std::string, Value> inputs;
      std::map<std::string, Span> spans;
      for (const auto& a : b.body.attributes) {
        if (a.name == "source" || a.name == "version" || a.name == "count" || a.name == "for_each" ||
            a.name == "providers" || a.name == "depends_on") {
          continue;
        }
        Value iv = eval_attr(file, a);
        if (!iv.origin.valid()) iv.origin = iv.span;
        inputs[a.name] = std::move(iv);
      }
      if (mode != 0) evaluator_.pop();
      ModuleEval child_eval(loader_, *child, addr, path_module, child_providers, ancestors, depth_ + 1, json_key);
      child_eval.init_variables(inputs, spans);
      child_eval.run();
      Value outputs = child_eval.outputs();
      for (auto& [order, r] : child_eval.produced()) {
        (void)order;
        produced_.emplace_back(decl.order, std::move(r));
      }
      if (mode == 1) {
        value.items.push_back(std::move(outputs));
      } else if (mode == 2) {
        value.set(k.text, std::move(outputs));
      } else if (mode == 3) {
        value = Value::unknown(base, header);
      } else {
        value = std::move(outputs);
      }
    }
    result = std::move(value);
  }
  evaluator_.restore_scope(std::move(saved_scope));
  Lazy& done = modules_[name];
  done.state = 2;
  done.value = result;
  return result;
}

void ModuleEval::run() {
  init_providers_from_blocks();  // after the variables: `region = var.region` is common
  evaluate_declarations(module_.resources, false);
  evaluate_declarations(module_.data, true);
  for (const auto& d : module_.modules) {
    if (module_decls_[d.block->labels[0]] == &d) {
      ensure_module(d.block->labels[0], Expr{});
    } else {
      loader_.result().error(Span{d.file->id(), d.block->begin, d.block->header_end},
                             "duplicate module call \"" + d.block->labels[0] + "\"; only the first is loaded");
    }
  }
  for (const auto& [name, decl] : module_.locals) ensure_local(name, Expr{});
  // Declaration order; Resource is large, so the order is sorted and each resource moved once, and only when
  // evaluation did not already produce them in order (a reference to a later resource evaluates it first).
  auto by_declaration = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (std::is_sorted(produced_.begin(), produced_.end(), by_declaration)) return;
  std::vector<size_t> order(produced_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return produced_[a].first < produced_[b].first; });
  std::vector<std::pair<size_t, Resource>> sorted;
  sorted.reserve(produced_.size());
  for (size_t i : order) sorted.push_back(std::move(produced_[i]));
  produced_ = std::move(sorted);
}

void ModuleEval::evaluate_declarations(const std::vector<Decl>& decls, bool is_data) {
  for (const auto& d : decls) {
    std::string key = (is_data ? "data." : "") + d.block->labels[0] + "." + d.block->labels[1];
    if (resource_decls_[key] == &d) {
      evaluated_resource(key, is_data);
      continue;
    }
    // Terraform rejects the module; a linter still checks both blocks.
    const Decl& first = *resource_decls_[key];
    auto pos = first.file->position(first.block->begin);
    loader_.result().error(Span{d.file->id(), d.block->begin, d.block->header_end},
                           "duplicate " + std::string(is_data ? "data source" : "resource") + " \"" + key +
                               "\" (first declared at " + first.file->path() + ":" + std::to_string(pos.line) + ")");
    evaluate_resource(d, is_data);
  }
}

Value ModuleEval::outputs() {
  if (outputs_done_) return outputs_;
  outputs_done_ = true;
  outputs_ = Value::map();
  for (const auto& d : module_.outputs) {
    const Attribute* v = d.block->body.attribute("value");
    if (!v) continue;
    outputs_.set(d.block->labels[0], eval_attr(d.file, *v));
  }
  return outputs_;
}

// Variable values from the root module's inputs, lowest precedence first.
class RootVariables {
 public:
  RootVariables(Loader& loader, const fs::path& dir) : loader_(loader), dir_(dir) {}

  void collect() {
    const auto& options = loader_.options();
    if (options.use_env_vars) {
      for (char** env = environ; env && *env; ++env) {
        std::string_view kv(*env);
        if (kv.rfind("TF_VAR_", 0) != 0) continue;
        size_t eq = kv.find('=');
        if (eq == std::string_view::npos) continue;
        raw_[std::string(kv.substr(7, eq - 7))] = std::string(kv.substr(eq + 1));
      }
    }
    std::error_code ec;
    // Standard input has no directory: only the files and values named on the command line.
    bool in_dir = !loader_.reading_stdin();
    if (in_dir && fs::is_regular_file(dir_ / "terraform.tfvars", ec)) read_tfvars(dir_ / "terraform.tfvars");
    if (in_dir && fs::is_regular_file(dir_ / "terraform.tfvars.json", ec)) read_tfvars(dir_ / "terraform.tfvars.json");
    std::vector<fs::path> autos;
    for (fs::directory_iterator d(dir_, ec), end; in_dir && !ec && d != end; d.increment(ec)) {
      std::string n = d->path().filename().string();
      if (n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json")) autos.push_back(d->path());
    }
    std::sort(autos.begin(), autos.end());
    for (const auto& p : autos) read_tfvars(p);
    for (const auto& p : options.var_files) read_tfvars(p.is_relative() ? fs::absolute(p) : p, true);
    for (const auto& [k, v] : options.vars) {
      raw_[k] = v;
      values_.erase(k);
    }
  }

  /// Final values, with raw strings (environment, --var) parsed per the declared type.
  std::map<std::string, Value> values(const ParsedModule& module) {
    std::map<std::string, Value> out = values_;
    for (const auto& [name, text] : raw_) {
      if (out.count(name)) continue;
      bool string_typed = true;
      for (const auto& d : module.variables) {
        if (d.block->labels[0] != name) continue;
        if (const Attribute* t = d.block->body.attribute("type")) {
          VariableType vt = VariableType::parse(t->value);
          string_typed = vt.kind == VariableType::Kind::kString || vt.kind == VariableType::Kind::kNumber ||
                         vt.kind == VariableType::Kind::kBool || vt.kind == VariableType::Kind::kAny;
        }
      }
      if (string_typed) {
        out[name] = Value::of_string(text);
        continue;
      }
      auto tmp = std::make_shared<model::SourceFile>(Span::kNoFile, "<var " + name + ">", "v = " + text + "\n");
      std::vector<model::Diagnostic> diags;
      HclFile parsed = parse_hcl(*tmp, diags);
      const Attribute* a = parsed.body.attribute("v");
      if (!diags.empty() || !a) {
        loader_.result().error(Span{}, "--var " + name + ": cannot parse \"" + text + "\"");
        continue;
      }
      Evaluator ev(nullptr, tmp.get(), dir_, nullptr);
      Value v = ev.eval(a->value);
      strip_spans(v);
      out[name] = std::move(v);
    }
    return out;
  }

 private:
  static void strip_spans(Value& v) {
    v.span = Span{};
    for (auto& i : v.items) strip_spans(i);
    for (auto& e : v.entries) strip_spans(e.value);
  }

  void read_tfvars(const fs::path& path, bool trusted = false) {
    if (!trusted && loader_.refused_outside_root(path)) return;
    model::ParseResult& result = loader_.result();
    const model::SourceFile* file =
        model::timed_syntax(result, [&] { return loader_.source(loader_.canonical(path), trusted); });
    if (!file) return;
    if (path.filename().string().ends_with(".json")) {
      std::optional<Value> v =
          model::timed_syntax(result, [&] { return syntax::read_json(*file, result.diagnostics); });
      if (!v) return;
      if (!v->is_map()) {
        loader_.result().error(Span{file->id(), 0, 0}, "variables file must hold a JSON object");
        return;
      }
      for (auto& e : v->entries) set(e.key, std::move(e.value));
      return;
    }
    HclFile parsed = model::timed_syntax(result, [&] { return parse_hcl(*file, result.diagnostics); });
    Evaluator ev(nullptr, file, dir_, &loader_.result().diagnostics);
    for (const auto& a : parsed.body.attributes) {
      Value v = ev.eval(a.value);
      v.span = Span{file->id(), a.begin, a.end};
      set(a.name, std::move(v));
    }
  }

  void set(const std::string& name, Value v) {
    raw_.erase(name);
    values_[name] = std::move(v);
  }

  Loader& loader_;
  fs::path dir_;
  std::map<std::string, std::string> raw_;
  std::map<std::string, Value> values_;
};

void evaluate_root(Loader& loader, const ParsedModule& module, const fs::path& dir, model::ParseResult& result) {
  RootVariables vars(loader, dir);
  vars.collect();
  std::map<std::string, Value> given = vars.values(module);
  ModuleEval eval(loader, module, "", ".", {}, {}, 0, "");
  eval.init_variables(given, {});
  eval.run();
  result.resources.reserve(result.resources.size() + eval.produced().size());
  for (auto& [order, r] : eval.produced()) {
    (void)order;
    result.resources.push_back(std::move(r));
  }
}

}  // namespace

std::shared_ptr<ModuleCache> make_module_cache(const std::vector<fs::path>& called_dirs,
                                               syntax::CanonicalPaths& paths) {
  std::set<std::string> dirs;
  for (const auto& dir : called_dirs) dirs.insert(paths.resolve(dir).generic_string());
  return std::make_shared<ModuleCache>(std::move(dirs));
}

model::ParseResult load_root_module(model::SourceSet& sources, const fs::path& dir, const LoadOptions& options) {
  model::ParseResult result;
  Loader loader(sources, options, result);
  fs::path root = loader.canonical(dir);
  loader.set_root_dir(root);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    result.error(Span{}, "not a directory: " + dir.generic_string());
    return result;
  }
  evaluate_root(loader, *loader.module(root), root, result);
  return result;
}

model::ParseResult load_stdin_module(model::SourceSet& sources, uint32_t file_id, const LoadOptions& options) {
  model::ParseResult result;
  Loader loader(sources, options, result);
  loader.read_stdin(&sources.file(file_id));
  evaluate_root(loader, *loader.stdin_module(), fs::path(), result);
  return result;
}

model::ParseResult parse_only(const model::SourceFile& file) {
  model::ParseResult result;
  {
    model::SyntaxTimer timer(result);
    if (file.path().ends_with(".json")) {
      parse_json_config(file, result.diagnostics);
    } else {
      parse_hcl(file, result.diagnostics);
    }
  }
  return result;
}

}  // namespace gclint::terraform
