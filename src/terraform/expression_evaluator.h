#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostic.h"
#include "model/source_set.h"
#include "model/value.h"
#include "terraform/eval_limits.h"
#include "terraform/hcl_ast.h"

namespace gclint::terraform {

class Evaluator;

/// The attribute, index and splat steps of a traversal, outermost last.
using TraversalSteps = std::span<const Expr* const>;

/// Resolves names that are not bound by the expression itself (var, local, module, data, resources, ...).
class NameResolver {
 public:
  virtual ~NameResolver() = default;
  /// Resolves the traversal `root` `steps...`; sets `consumed` to the number of steps it used.
  /// `whole` is the outermost expression (for unknown texts and spans).
  virtual model::Value resolve(Evaluator& evaluator, const Expr& root, TraversalSteps steps, size_t& consumed) = 0;
  /// The value the traversal names when the resolver already holds it (an evaluated variable, local, resource or
  /// module), so that `aws_subnet.app[count.index]` indexes it in place instead of copying every instance; nullptr
  /// to go through resolve(). The pointer stays valid while the traversal is evaluated.
  virtual const model::Value* stored(const Expr& root, TraversalSteps steps, size_t& consumed) {
    (void)root;
    (void)steps;
    (void)consumed;
    return nullptr;
  }
};

/// Marks a map that stands for a resource instance: attributes it lacks become references.
inline constexpr std::string_view kResourceInstanceMarker = "\x01resource-instance";

/// Evaluates HCL expressions to values with spans; unknown inputs give unknown results that keep references.
class Evaluator {
 public:
  Evaluator(NameResolver* resolver, const model::SourceFile* file, std::filesystem::path module_dir,
            std::vector<model::Diagnostic>* diagnostics);

  /// Evaluates `e` from the current file.
  model::Value eval(const Expr& e);
  /// Switches the file whose expressions are evaluated next.
  void set_file(const model::SourceFile* file) { file_ = file; }
  const model::SourceFile* file() const { return file_; }
  /// Binds a name (for-expression variables, each, count, dynamic iterators) until pop().
  void push(std::string name, model::Value value) { scope_.emplace_back(std::move(name), std::move(value)); }
  void pop() { scope_.pop_back(); }
  const model::Value* bound(std::string_view name) const;
  using Bindings = std::vector<std::pair<std::string, model::Value>>;
  /// Saves and clears the bindings: a declaration evaluated on demand must not see its caller's each/count.
  Bindings take_scope() {
    Bindings saved = std::move(scope_);
    scope_.clear();
    return saved;
  }
  void restore_scope(Bindings saved) { scope_ = std::move(saved); }

  /// A span in the current file.
  model::Span span(uint32_t begin, uint32_t end) const;
  model::Span span(const Expr& e) const { return span(e.begin, e.end); }
  /// Source text of `e`, shortened for messages.
  std::string text(const Expr& e) const;
  /// Records an evaluation error (suppressed inside try/can) and returns an unknown value.
  model::Value error(const Expr& e, const std::string& message);
  /// Number of errors so far (try/can compare it).
  uint64_t error_count() const { return errors_; }

  /// Applies a traversal step (kGetAttr, kIndex, kSplat) to a value.
  model::Value apply_step(model::Value base, const Expr& step);
  /// Calls a function with evaluated arguments.
  model::Value call(const Expr& call, std::vector<model::Value>& args);

  /// Directory relative file() paths start from (Terraform: the root module's directory).
  const std::filesystem::path& module_dir() const { return module_dir_; }
  /// file(), fileexists() and templatefile() may only read below this directory (empty: anywhere).
  void set_file_root(std::filesystem::path root) { file_root_ = std::move(root); }
  /// false: file(), templatefile() and the other file functions give unknown with a warning (standard input has no
  /// directory, and nothing is read relative to the current one).
  void set_read_files(bool read) { read_files_ = read; }
  /// Evaluation depth guard shared by resolvers that evaluate other expressions.
  bool enter();
  void leave() { --*depth_; }
  /// Shares one depth budget among the evaluators of nested modules (they call each other).
  void share_depth(int* depth) { depth_ = depth; }
  /// String, collection and time bounds (owned by the caller; defaults when never set).
  void set_limits(const EvalLimits* limits) { limits_ = limits; }
  const EvalLimits& limits() const { return *limits_; }
  /// True once the deadline has passed: every expression evaluates to unknown from then on.
  bool stopped() const { return stopped_; }

 private:
  model::Value eval_template(const Expr& e);
  void append_template(const Expr& tpl, std::string& out, model::Value& unknown, bool& is_unknown);
  model::Value eval_for(const Expr& e);
  model::Value eval_binary(const Expr& e);
  model::Value eval_traversal(const Expr& e);
  model::Value index_step(model::Value base, const Expr& step, model::Value key);
  model::Value instance_attribute(const model::Value& instance, const Expr& step);
  model::Value call_try(const Expr& e);
  model::Value call_can(const Expr& e);
  bool read_confined(const Expr& e, const std::string& path, std::string& content, bool quiet_missing);

  NameResolver* resolver_;
  const model::SourceFile* file_;
  std::filesystem::path module_dir_;
  std::filesystem::path file_root_;
  bool read_files_ = true;
  std::vector<model::Diagnostic>* diagnostics_;
  std::vector<std::pair<std::string, model::Value>> scope_;
  std::vector<const model::Value*> splat_items_;
  uint64_t errors_ = 0;
  int quiet_ = 0;
  bool json_placeholders_ = false;
  int own_depth_ = 0;
  int* depth_ = &own_depth_;
  const EvalLimits* limits_ = &kDefaultLimits;
  uint32_t evaluations_ = 0;
  bool stopped_ = false;
  bool template_too_long_ = false;
  static const EvalLimits kDefaultLimits;
};

/// Adds every reference in `from` (deeply) to `to.refs`, without duplicates.
void merge_refs(model::Value& to, const model::Value& from);
/// An unknown value for `why` carrying the references of `operands`.
model::Value unknown_from(std::string why, model::Span span, std::initializer_list<const model::Value*> operands);
/// Converts a scalar to a string as Terraform does; false when not convertible.
bool to_string_value(const model::Value& v, std::string& out);
/// Converts to a number as Terraform does; false when not convertible.
bool to_number_value(const model::Value& v, double& out);
/// Converts to a bool as Terraform does; false when not convertible.
bool to_bool_value(const model::Value& v, bool& out);
/// JSON text as Terraform's jsonencode writes it (keys in lexical order, <>& escaped). Unknown leaves are
/// written as "${<expression>}" so that a policy stays parseable.
std::string json_encode(const model::Value& v);
/// JSON text to a value (all spans set to `span`); false on a syntax error.
bool json_decode(std::string_view text, model::Span span, model::Value& out);
/// Map entries in Terraform's iteration order (lexical by key).
std::vector<const model::MapEntry*> sorted_entries(const model::Value& map);
/// Replaces resource-instance marker maps with plain references (before values leave the evaluator).
void strip_instance_markers(model::Value& v);

}  // namespace gclint::terraform
