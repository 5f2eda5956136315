#include "kubernetes/manifest_loader.h"

#include <string_view>

#include "kubernetes/helm_source_mapper.h"
#include "kubernetes/kind_catalog.h"
#include "kubernetes/pod_spec_normalizer.h"
#include "kubernetes/secret_redactor.h"
#include "kubernetes/selector_matcher.h"
#include "syntax/json_reader.h"
#include "syntax/yaml_reader.h"

namespace gclint::kubernetes {
namespace {

using model::Value;

/// Lists inside lists are legal but never deeper than this in practice.
constexpr int kMaxListNesting = 8;

bool looks_like_json(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

std::string string_at(const Value* map, std::string_view key) {
  if (map == nullptr) return "";
  const Value* v = map->get(key);
  return v != nullptr && v->is_string() ? v->text : "";
}

class ManifestBuilder {
 public:
  ManifestBuilder(const LoadOptions& options, model::ParseResult& out) : options_(options), out_(out) {}

  void add_document(Value document, int list_depth = 0) {
    if (!document.is_map()) return;
    const Value* kind = document.get("kind");
    const Value* api_version = document.get("apiVersion");
    if (kind == nullptr || !kind->is_string() || kind->text.empty() || api_version == nullptr ||
        !api_version->is_string()) {
      return;
    }
    Value* items = document.get("items");
    if (kind->text.ends_with("List") && items != nullptr && (items->is_list() || items->is_null())) {
      if (list_depth >= kMaxListNesting) {
        out_.warning(kind->span, kind->text + " nested deeper than " + std::to_string(kMaxListNesting) +
                                     " lists; its items are skipped");
        return;
      }
      if (items->is_null()) return;
      for (auto& item : items->items) add_document(std::move(item), list_depth + 1);
      return;
    }
    add_object(std::move(document));
  }

 private:
  void add_object(Value document) {
    model::Resource resource;
    resource.format = model::Format::kKubernetes;
    const Value* kind = document.get("kind");
    resource.type = kind->text;
    resource.span = kind->span;
    const Value* metadata = document.get("metadata");
    if (metadata != nullptr && !metadata->is_map()) metadata = nullptr;
    resource.name = string_at(metadata, "name");
    if (resource.name.empty()) resource.name = string_at(metadata, "generateName");
    if (resource.name.empty()) resource.name = "(unnamed)";
    if (!is_cluster_scoped(resource.type)) {
      resource.namespace_name = string_at(metadata, "namespace");
      if (resource.namespace_name.empty()) resource.namespace_name = options_.default_namespace;
    }
    resource.address = resource.namespace_name.empty()
                           ? resource.type + "/" + resource.name
                           : resource.type + "/" + resource.namespace_name + "/" + resource.name;

    if (holds_secret_data(resource.type)) redact_secret_data(document);
    metadata = document.get("metadata");
    const Value* annotations = metadata != nullptr && metadata->is_map() ? metadata->get("annotations") : nullptr;
    resource.metadata = annotations != nullptr && annotations->is_map() ? *annotations : Value::null();
    const Value* labels = metadata != nullptr && metadata->is_map() ? metadata->get("labels") : nullptr;
    resource.tags = labels_of(labels);

    if (is_workload(resource.type)) {
      if (auto view = normalize_pod_spec(document, resource.type)) {
        resource.views.emplace_back("pod_spec", std::move(*view));
      }
    }
    resource.attributes = std::move(document);
    out_.resources.push_back(std::move(resource));
  }

  const LoadOptions& options_;
  model::ParseResult& out_;
};

}  // namespace

model::ParseResult load_manifests(model::SourceSet& sources, uint32_t file_id, const LoadOptions& options) {
  model::ParseResult result;
  const model::SourceFile& file = sources.file(file_id);
  ManifestBuilder builder(options, result);

  std::vector<model::Diagnostic> json_diagnostics;
  bool json_file = file.path().ends_with(".json");
  if (json_file || looks_like_json(file.content())) {
    std::optional<Value> root = model::timed_syntax(result, [&] { return syntax::read_json(file, json_diagnostics); });
    if (root || json_file) {
      result.diagnostics = std::move(json_diagnostics);
      if (!root || options.syntax_only) return result;
      if (root->is_list()) {
        for (auto& item : root->items) builder.add_document(std::move(item));
      } else {
        builder.add_document(std::move(*root));
      }
      return result;
    }
  }

  // Flow-style YAML (stdin, *.yaml) also starts with '{' or '['; its JSON errors count only if YAML fails too.
  std::vector<syntax::YamlDocument> documents =
      model::timed_syntax(result, [&] { return syntax::read_yaml(file, result.diagnostics); });
  if (!json_diagnostics.empty() && result.has_errors()) result.diagnostics = std::move(json_diagnostics);
  if (options.syntax_only) return result;
  HelmSourceMapper mapper(sources, file_id);
  uint32_t previous_end = 0;
  for (auto& doc : documents) {
    if (options.map_helm_sources) {
      uint32_t content_begin = doc.root.is_null() ? doc.end : doc.root.span.begin;
      std::string template_path = helm_source_path(file.content(), previous_end, content_begin);
      if (!template_path.empty() && doc.root.is_map()) {
        HelmSourceMapper::retarget(doc.root, mapper.file_for(template_path));
      }
    }
    previous_end = std::max(previous_end, doc.end);
    builder.add_document(std::move(doc.root));
  }
  return result;
}

}  // namespace gclint::kubernetes
