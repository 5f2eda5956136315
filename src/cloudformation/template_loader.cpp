#include "cloudformation/template_loader.h"

#include <deque>
#include <set>
#include <tuple>

#include "cloudformation/intrinsic_resolver.h"
#include "cloudformation/parameter_values.h"
#include "cloudformation/sam_expander.h"
#include "cloudformation/short_form_tags.h"
#include "cloudformation/template_context.h"
#include "syntax/json_reader.h"
#include "syntax/yaml_reader.h"

namespace gclint::cloudformation {
namespace {

using model::Span;
using model::Value;

bool looks_like_json(const std::string& content) {
  size_t i = content.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < content.size() && (content[i] == ' ' || content[i] == '\t' || content[i] == '\n' || content[i] == '\r')) {
    ++i;
  }
  return i < content.size() && content[i] == '{';
}

// The span of a mapping key written at `begin`: quoted keys up to the closing quote, plain keys by length.
Span key_span(const model::SourceFile& file, uint32_t begin, const std::string& key) {
  const std::string& text = file.content();
  uint32_t size = static_cast<uint32_t>(text.size());
  if (begin >= size) return Span{file.id(), size, size};
  char quote = text[begin];
  if (quote == '"' || quote == '\'') {
    for (uint32_t i = begin + 1; i < size; ++i) {
      if (text[i] == '\\' && quote == '"') {
        ++i;
      } else if (text[i] == quote) {
        return Span{file.id(), begin, i + 1};
      } else if (text[i] == '\n') {
        break;
      }
    }
  }
  return Span{file.id(), begin, std::min<uint32_t>(size, begin + static_cast<uint32_t>(key.size()))};
}

std::vector<std::pair<std::string, std::string>> read_tags(const Value& attributes) {
  std::vector<std::pair<std::string, std::string>> out;
  const Value* tags = attributes.get("Tags");
  if (!tags) return out;
  auto add = [&](const Value& key, const Value& value) {
    // A tag whose key or value is not known cannot place the resource in a tier; leave it out.
    if (key.is_known() && !key.is_map() && !key.is_list() && value.is_known() && !value.is_map() && !value.is_list()) {
      out.emplace_back(key.to_display(), value.to_display());
    }
  };
  if (tags->is_list()) {
    for (const Value& tag : tags->items) {
      const Value* key = tag.get("Key");
      const Value* value = tag.get("Value");
      if (key && value) add(*key, *value);
    }
  } else if (tags->is_map()) {
    for (const auto& [key, value] : tags->entries) add(Value::of_string(key), value);
  }
  return out;
}

class TemplateLoader {
 public:
  TemplateLoader(const model::SourceFile& file, const LoadOptions& options, model::ParseResult& result)
      : file_(file), options_(options), result_(result), resolver_(context_, result.diagnostics) {
    context_.file = &file;
    context_.options = &options;
  }

  void load();

 private:
  std::optional<Value> read_root();
  void load_resource(const std::string& id, const Value& body);
  // One resolution of a resource under `scenario`; std::nullopt when its Condition is false or a fork is due.
  std::optional<model::Resource> build(const std::string& id, const Value& body, const Span& id_span,
                                       Scenario& scenario);
  void check_outputs(const Value& root);
  void load_parameters(const Value& parameters);
  // DeletionPolicy / UpdateReplacePolicy, which may be written with Ref or Fn::If; null when absent.
  Value resource_policy(const Value& body, std::string_view key, Scenario& scenario);
  void check_transforms(const Value& root);
  void error(const Span& span, std::string message) { result_.error(span, std::move(message)); }

  const model::SourceFile& file_;
  const LoadOptions& options_;
  model::ParseResult& result_;
  TemplateContext context_;
  IntrinsicResolver resolver_;
};

std::optional<Value> TemplateLoader::read_root() {
  model::SyntaxTimer timer(result_);
  if (looks_like_json(file_.content())) return syntax::read_json(file_, result_.diagnostics);
  syntax::YamlReadOptions options;
  options.tag_handler = expand_short_form_tag;
  std::vector<syntax::YamlDocument> documents = syntax::read_yaml(file_, result_.diagnostics, options);
  if (documents.empty()) {
    if (!result_.has_errors()) error(Span{file_.id(), 0, 0}, "empty template");
    return std::nullopt;
  }
  if (documents.size() > 1) {
    result_.warning(Span{file_.id(), documents[1].begin, documents[1].begin},
                    "a CloudFormation template is one YAML document; later documents are ignored");
  }
  return std::move(documents[0].root);
}

void TemplateLoader::load() {
  std::optional<Value> root = read_root();
  if (!root || options_.syntax_only) return;
  if (!root->is_map()) {
    error(root->span, "a CloudFormation template must be a mapping");
    return;
  }
  Span root_start{file_.id(), root->span.begin, root->span.begin};
  const Value* resources = root->get("Resources");
  if (!resources) {
    error(root_start, "template has no Resources section");
    return;
  }
  if (!resources->is_map()) {
    error(resources->span, "Resources must be a mapping of logical IDs to resources");
    return;
  }
  check_transforms(*root);
  Value expanded;
  if (uses_serverless_transform(*root)) {
    expanded = expand_serverless(*root, *resources, result_.diagnostics);
    resources = &expanded;
  }

  const Value* parameters = root->get("Parameters");
  context_.parameters =
      read_parameter_values(parameters ? *parameters : Value::null(), parameters ? parameters->span : root_start,
                            options_, result_.diagnostics);
  if (const Value* mappings = root->get("Mappings")) {
    if (mappings->is_map()) {
      context_.mappings = *mappings;
    } else {
      error(mappings->span, "Mappings must be a mapping");
    }
  }
  if (const Value* conditions = root->get("Conditions")) {
    if (conditions->is_map()) {
      context_.conditions = *conditions;
    } else {
      error(conditions->span, "Conditions must be a mapping");
    }
  }
  for (const auto& entry : resources->entries) context_.resource_ids.insert(entry.key);
  for (const auto& [id, body] : resources->entries) {
    if (id.starts_with("Fn::ForEach::")) {
      result_.warning(key_span(file_, body.span.begin, id),
                      "Fn::ForEach is not expanded; the resources it would create are not checked");
      continue;
    }
    load_resource(id, body);
  }
  if (parameters != nullptr && parameters->is_map()) load_parameters(*parameters);
  check_outputs(*root);
}

// Each template parameter becomes a resource of type AWS::CloudFormation::Parameter whose attributes are its
// declaration (Type, Default, NoEcho, ...), so checks can read defaults and NoEcho like any other property.
void TemplateLoader::load_parameters(const Value& parameters) {
  for (const auto& [name, declaration] : parameters.entries) {
    if (!declaration.is_map()) continue;
    model::Resource parameter;
    parameter.format = model::Format::kCloudFormation;
    parameter.type = "AWS::CloudFormation::Parameter";
    parameter.name = name;
    parameter.address = "Parameters." + name;
    parameter.span = key_span(file_, declaration.span.begin, name);
    parameter.attributes = declaration;
    parameter.region = options_.region ? Value::of_string(*options_.region, parameter.span)
                                       : Value::unknown("AWS::Region", parameter.span);
    result_.resources.push_back(std::move(parameter));
  }
}

Value TemplateLoader::resource_policy(const Value& body, std::string_view key, Scenario& scenario) {
  const Value* policy = body.get(key);
  if (policy == nullptr) return Value::null();
  if (policy->is_string()) return *policy;
  std::optional<Value> resolved = resolver_.resolve(*policy, scenario);
  if (!resolved) return Value::unknown(std::string(key), policy->span);
  if (!resolved->is_string() && !resolved->is_unknown()) {
    error(policy->span, std::string(key) + " must be Delete, Retain, RetainExceptOnCreate or Snapshot");
    return Value::null();
  }
  return *resolved;
}

void TemplateLoader::load_resource(const std::string& id, const Value& body) {
  Span id_span = key_span(file_, body.span.begin, id);
  if (!body.is_map()) {
    error(id_span, "resource '" + id + "' must be a mapping with a Type");
    return;
  }
  const Value* type = body.get("Type");
  if (!type) {
    error(id_span, "resource '" + id + "' has no Type");
    return;
  }
  if (!type->is_string() || type->text.empty()) {
    error(type->span, "resource '" + id + "' Type must be a resource type name");
    return;
  }
  uint32_t max_scenarios = std::max<uint32_t>(1, options_.max_scenarios);
  uint32_t scenarios = 1;
  bool warned = false;
  std::deque<Scenario> todo(1);
  while (!todo.empty()) {
    Scenario scenario = std::move(todo.front());
    todo.pop_front();
    scenario.may_branch = scenarios < max_scenarios;
    std::optional<model::Resource> resource = build(id, body, id_span, scenario);
    if (scenario.branch_on) {
      // Depth-first, true before false: the order of copies is stable from run to run.
      for (bool assumption : {false, true}) {
        Scenario child;
        child.assumptions = scenario.assumptions;
        child.assumptions.emplace_back(*scenario.branch_on, assumption);
        todo.push_front(std::move(child));
      }
      ++scenarios;
      continue;
    }
    if (scenario.left_unknown && !warned) {
      warned = true;
      result_.diagnostics.push_back(
          model::Diagnostic{model::Diagnostic::Level::kNotEvaluated, id_span,
                            "resource '" + id + "' depends on more than " + std::to_string(max_scenarios) +
                                " condition scenarios; the remaining Fn::If values are unknown"});
    }
    if (resource) result_.resources.push_back(std::move(*resource));
  }
}

std::optional<model::Resource> TemplateLoader::build(const std::string& id, const Value& body, const Span& id_span,
                                                     Scenario& scenario) {
  if (const Value* condition = body.get("Condition")) {
    if (!condition->is_string()) {
      error(condition->span, "resource Condition must be a condition name");
    } else {
      Truth truth = resolver_.condition(condition->text, condition->span, scenario);
      if (truth == Truth::kFalse || scenario.branch_on) return std::nullopt;
    }
  }
  model::Resource resource;
  resource.format = model::Format::kCloudFormation;
  resource.type = body.get("Type")->text;
  resource.name = id;
  resource.address = id;
  resource.span = id_span;
  if (const Value* properties = body.get("Properties")) {
    std::optional<Value> resolved = resolver_.resolve(*properties, scenario);
    if (resolved && resolved->is_map()) {
      resource.attributes = std::move(*resolved);
    } else {
      if (resolved && !resolved->is_unknown()) error(properties->span, "Properties of '" + id + "' must be a mapping");
      resource.attributes = Value::map(properties->span);
    }
  } else {
    resource.attributes = Value::map(id_span);
  }
  resource.deletion_policy = resource_policy(body, "DeletionPolicy", scenario);
  resource.update_replace_policy = resource_policy(body, "UpdateReplacePolicy", scenario);
  if (scenario.branch_on) return std::nullopt;
  if (const Value* metadata = body.get("Metadata")) resource.metadata = *metadata;
  resource.tags = read_tags(resource.attributes);
  resource.region =
      options_.region ? Value::of_string(*options_.region, id_span) : Value::unknown("AWS::Region", id_span);
  if (const Value* depends = body.get("DependsOn")) {
    std::vector<const Value*> targets;
    if (depends->is_list()) {
      for (const Value& item : depends->items) targets.push_back(&item);
    } else {
      targets.push_back(depends);
    }
    for (const Value* target : targets) {
      if (!target->is_string()) {
        error(target->span, "DependsOn takes logical IDs");
      } else if (!context_.resource_ids.count(target->text)) {
        error(target->span, "DependsOn refers to undefined resource '" + target->text + "'");
      } else {
        resource.relations.push_back(model::Relation{"depends_on", target->text, target->span});
      }
    }
  }
  resource.scenario = scenario.label();
  return resource;
}

void TemplateLoader::check_outputs(const Value& root) {
  // Outputs produce no resources; resolving them reports broken references in them.
  const Value* outputs = root.get("Outputs");
  if (!outputs || !outputs->is_map()) return;
  for (const auto& [name, output] : outputs->entries) {
    const Value* value = output.get("Value");
    if (!value) {
      error(key_span(file_, output.span.begin, name), "output '" + name + "' has no Value");
      continue;
    }
    Scenario scenario;
    scenario.may_branch = false;
    resolver_.resolve(*value, scenario);
  }
}

void TemplateLoader::check_transforms(const Value& root) {
  const Value* transform = root.get("Transform");
  if (!transform) return;
  std::vector<const Value*> names;
  if (transform->is_list()) {
    for (const Value& item : transform->items) names.push_back(&item);
  } else {
    names.push_back(transform);
  }
  for (const Value* name : names) {
    // The SAM transform is expanded; AWS::LanguageExtensions adds functions the resolver implements itself.
    if (name->is_string() && (name->text == "AWS::Serverless-2016-10-31" || name->text == "AWS::LanguageExtensions")) {
      continue;
    }
    result_.warning(name->span, "transform " + (name->is_string() ? "'" + name->text + "' " : std::string()) +
                                    "is not expanded; the template is checked as written");
  }
}

// The same diagnostic comes once per scenario that met it; keep the first.
void deduplicate(std::vector<model::Diagnostic>& diagnostics) {
  std::set<std::tuple<int, uint32_t, uint32_t, uint32_t, std::string>> seen;
  std::vector<model::Diagnostic> out;
  for (auto& d : diagnostics) {
    if (seen.emplace(static_cast<int>(d.level), d.span.file, d.span.begin, d.span.end, d.message).second) {
      out.push_back(std::move(d));
    }
  }
  diagnostics = std::move(out);
}

}  // namespace

model::ParseResult load_template(const model::SourceFile& file, const LoadOptions& options) {
  model::ParseResult result;
  TemplateLoader loader(file, options, result);
  loader.load();
  deduplicate(result.diagnostics);
  return result;
}

}  // namespace gclint::cloudformation
