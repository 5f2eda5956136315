#include "kubernetes/manifest_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kubernetes/relation_linker.h"

namespace gclint::kubernetes {
namespace {

using model::Resource;
using model::Value;

std::string slurp(const std::string& name) {
  std::ifstream in(std::filesystem::path(GCLINT_SOURCE_DIR) / "tests" / "data" / "kubernetes" / name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Loaded {
  model::SourceSet sources;
  uint32_t file = 0;
  model::ParseResult result;

  const Resource* find(std::string_view address) const {
    for (const auto& r : result.resources) {
      if (r.address == address) return &r;
    }
    return nullptr;
  }
  std::string text(const model::Span& span) const {
    return sources.file(span.file).content().substr(span.begin, span.end - span.begin);
  }
  uint32_t line(const model::Span& span) const { return sources.begin_of(span).line; }
};

std::unique_ptr<Loaded> load_text(std::string path, std::string content, LoadOptions options = {}) {
  auto loaded = std::make_unique<Loaded>();
  loaded->file = loaded->sources.add(std::move(path), std::move(content));
  loaded->result = load_manifests(loaded->sources, loaded->file, options);
  return loaded;
}

std::unique_ptr<Loaded> load(const std::string& name, LoadOptions options = {}) {
  return load_text(name, slurp(name), std::move(options));
}

TEST(ManifestLoaderTest, SyntaxOnlyReadsAndStops) {
  LoadOptions options;
  options.syntax_only = true;
  auto l = load("workloads.yaml", options);
  EXPECT_FALSE(l->result.has_errors());
  EXPECT_TRUE(l->result.resources.empty());
  EXPECT_GT(l->result.syntax_time.count(), 0);
  auto broken = load_text("broken.yaml", "kind: Pod\nmetadata: {name: x\n", options);
  EXPECT_TRUE(broken->result.has_errors());
  auto full = load("workloads.yaml");
  EXPECT_EQ(full->result.resources.size(), 9u);
  EXPECT_GT(full->result.syntax_time.count(), 0);
}

TEST(ManifestLoaderTest, EveryWorkloadKindGetsAPodSpecView) {
  auto l = load("workloads.yaml");
  ASSERT_FALSE(l->result.has_errors());
  ASSERT_EQ(l->result.resources.size(), 9u);
  for (const auto& r : l->result.resources) {
    SCOPED_TRACE(r.address);
    EXPECT_EQ(r.format, model::Format::kKubernetes);
    const Value* view = r.view("pod_spec");
    ASSERT_NE(view, nullptr);
    const Value* all = view->get("allContainers");
    ASSERT_NE(all, nullptr);
    size_t expected = r.type == "Pod" ? 3 : 2;
    ASSERT_EQ(all->items.size(), expected);
    EXPECT_EQ(all->items[0].get("name")->text, "app");
    EXPECT_EQ(all->items[1].get("name")->text, "init");
    EXPECT_EQ(l->text(all->items[0].span).substr(0, 9), "name: app");
    ASSERT_NE(view->get("serviceAccountName"), nullptr);
    EXPECT_TRUE(view->get("podMetadata")->is_map());
    const Value* privileged = all->items[0].get("securityContext")->get("privileged");
    EXPECT_EQ(l->text(privileged->span), "privileged: false");
  }
  // The view reads the document's containers and pod metadata in place instead of holding copies; only the view's
  // own container lists are copies, so that each value is reachable from the view's root by one path.
  for (const auto& r : l->result.resources) {
    SCOPED_TRACE(r.address);
    const Value& view = *r.view("pod_spec");
    const Value& all = *view.get("allContainers");
    const Value* spec = r.type == "Pod"           ? r.attributes.get("spec")
                        : r.type == "PodTemplate" ? r.attributes.get("template")->get("spec")
                        : r.type == "CronJob"
                            ? r.attributes.get("spec")->get("jobTemplate")->get("spec")->get("template")->get("spec")
                            : r.attributes.get("spec")->get("template")->get("spec");
    ASSERT_NE(spec, nullptr);
    const Value& first = spec->get("containers")->items[0];
    EXPECT_EQ(all.items[0].entries.data(), first.entries.data());
    EXPECT_NE(view.get("containers")->items[0].entries.data(), first.entries.data());
    EXPECT_EQ(view.get("serviceAccountName")->span.begin, spec->get("serviceAccountName")->span.begin);
  }
  const Resource* cron = l->find("CronJob/apps/cron-a");
  ASSERT_NE(cron, nullptr);
  EXPECT_EQ(cron->view("pod_spec")->get("serviceAccountName")->text, "cron-sa");
  EXPECT_EQ(cron->view("pod_spec")->get("podMetadata")->get("labels")->get("app")->text, "batch");
  const Resource* pod = l->find("Pod/apps/pod-a");
  ASSERT_NE(pod, nullptr);
  EXPECT_EQ(pod->view("pod_spec")->get("allContainers")->items[2].get("name")->text, "debug");
  EXPECT_EQ(l->text(pod->span), "kind: Pod");
  EXPECT_EQ(l->line(pod->span), 3u);
  const Resource* tpl = l->find("PodTemplate/default/template-a");
  ASSERT_NE(tpl, nullptr);
  EXPECT_EQ(tpl->view("pod_spec")->get("podMetadata")->get("labels")->get("app")->text, "tpl");
  EXPECT_NE(l->find("ReplicationController/apps/replicationcontroller-a"), nullptr);
}

TEST(ManifestLoaderTest, ListsEmptyDocumentsAndNonObjects) {
  auto l = load("list.yaml");
  ASSERT_FALSE(l->result.has_errors());
  ASSERT_EQ(l->result.resources.size(), 3u);
  EXPECT_NE(l->find("ConfigMap/default/settings"), nullptr);
  const Resource* ns = l->find("Namespace/team-a");
  ASSERT_NE(ns, nullptr);
  EXPECT_TRUE(ns->namespace_name.empty());
  const Resource* listed = l->find("Deployment/team-a/listed");
  ASSERT_NE(listed, nullptr);
  EXPECT_EQ(l->line(listed->span), 26u);
  EXPECT_NE(listed->view("pod_spec"), nullptr);
}

TEST(ManifestLoaderTest, DefaultNamespaceOption) {
  LoadOptions options;
  options.default_namespace = "tenant";
  auto l = load("list.yaml", options);
  EXPECT_NE(l->find("ConfigMap/tenant/settings"), nullptr);
  EXPECT_NE(l->find("Namespace/team-a"), nullptr);
}

TEST(ManifestLoaderTest, ClusterScopedKinds) {
  auto l = load_text("c.yaml",
                     "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n---\n"
                     "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: s}\n---\n"
                     "apiVersion: example.jp/v1\nkind: Widget\nmetadata: {name: w}\n");
  EXPECT_NE(l->find("ClusterRole/r"), nullptr);
  EXPECT_NE(l->find("StorageClass/s"), nullptr);
  EXPECT_NE(l->find("Widget/default/w"), nullptr);
}

TEST(ManifestLoaderTest, JsonManifests) {
  auto l = load("manifest.json");
  ASSERT_FALSE(l->result.has_errors());
  ASSERT_EQ(l->result.resources.size(), 2u);
  const Resource* deployment = l->find("Deployment/apps/web");
  ASSERT_NE(deployment, nullptr);
  EXPECT_EQ(l->text(deployment->span), "\"kind\": \"Deployment\"");
  EXPECT_EQ(deployment->view("pod_spec")->get("allContainers")->items.size(), 1u);
  link_relations(l->result.resources);
  const Resource* service = l->find("Service/apps/web");
  ASSERT_EQ(service->relations.size(), 1u);
  EXPECT_EQ(service->relations[0].target, "Deployment/apps/web");
}

TEST(ManifestLoaderTest, FlowStyleYamlIsNotMistakenForJson) {
  auto l = load_text("flow.yaml", "{apiVersion: v1, kind: Namespace, metadata: {name: x}}\n");
  ASSERT_FALSE(l->result.has_errors());
  EXPECT_NE(l->find("Namespace/x"), nullptr);
}

TEST(ManifestLoaderTest, SecretAndConfigMapValuesAreRedacted) {
  const std::string content = slurp("secrets.yaml");
  auto l = load("secrets.yaml");
  ASSERT_EQ(l->result.resources.size(), 2u);
  for (const auto& r : l->result.resources) {
    std::string json = r.attributes.to_json() + r.metadata.to_json();
    for (const char* secret : {"aHVudGVyMg==", "s3cr3t-token", "AAEC", "plain-text-key"}) {
      EXPECT_EQ(json.find(secret), std::string::npos) << secret;
    }
  }
  const Resource* secret = l->find("Secret/apps/db");
  const Value* password = secret->attributes.get("data")->get("password");
  EXPECT_EQ(password->text, "(redacted)");
  EXPECT_EQ(l->text(password->span), "password: aHVudGVyMg==");
  EXPECT_EQ(secret->attributes.get("type")->text, "Opaque");
  EXPECT_EQ(secret->metadata.get("kubectl.kubernetes.io/last-applied-configuration")->text, "(redacted)");
}

TEST(ManifestLoaderTest, AliasedSecretValuesAreRedactedToo) {
  auto ok = load_text("s.yaml",
                      "apiVersion: v1\nkind: Secret\ndata:\n  password: &pw c2VjcmV0\nmetadata:\n  name: s\n"
                      "  annotations:\n    copy: *pw\n    same: c2VjcmV0\n");
  ASSERT_FALSE(ok->result.has_errors());
  const Resource& r = ok->result.resources.at(0);
  EXPECT_EQ(r.attributes.to_json().find("c2VjcmV0"), std::string::npos);
  EXPECT_EQ(r.metadata.get("copy")->text, "(redacted)");
  EXPECT_EQ(r.metadata.get("same")->text, "(redacted)");
  EXPECT_EQ(r.name, "s");
}

TEST(ManifestLoaderTest, LabelsAndAnnotations) {
  auto l = load_text("a.yaml",
                     "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels: {gc-tier: lgwan, n: 3}\n"
                     "  annotations:\n    gclint.io/ignore: GC-K8S-001\n");
  const Resource& r = l->result.resources.at(0);
  ASSERT_EQ(r.tags.size(), 2u);
  EXPECT_EQ(r.tags[0], (std::pair<std::string, std::string>{"gc-tier", "lgwan"}));
  EXPECT_EQ(r.tags[1].second, "3");
  EXPECT_EQ(r.metadata.get("gclint.io/ignore")->text, "GC-K8S-001");
}

TEST(ManifestLoaderTest, HelmSourcesAreMappedToTemplatePaths) {
  auto l = load("helm.yaml");
  ASSERT_EQ(l->result.resources.size(), 3u);
  const Resource* service = l->find("Service/default/web");
  const Resource* deployment = l->find("Deployment/default/web");
  const Resource* headless = l->find("Service/default/web-headless");
  EXPECT_EQ(l->sources.path_of(service->span), "web/templates/service.yaml");
  EXPECT_EQ(l->sources.path_of(deployment->span), "web/templates/deployment.yaml");
  EXPECT_EQ(headless->span.file, service->span.file);
  EXPECT_EQ(l->sources.size(), 3u);
  EXPECT_EQ(l->text(deployment->span), "kind: Deployment");
  EXPECT_EQ(l->line(deployment->span), 13u);
  const Value* image = deployment->view("pod_spec")->get("allContainers")->items[0].get("image");
  EXPECT_EQ(l->sources.path_of(image->span), "web/templates/deployment.yaml");
  EXPECT_EQ(l->text(image->span), "image: nginx:1.25");
}

TEST(ManifestLoaderTest, HelmMappingCanBeTurnedOff) {
  LoadOptions options;
  options.map_helm_sources = false;
  auto l = load("helm.yaml", options);
  EXPECT_EQ(l->sources.size(), 1u);
  EXPECT_EQ(l->result.resources.at(0).span.file, l->file);
}

TEST(ManifestLoaderTest, MalformedYamlReportsPositionAndKeepsEarlierDocuments) {
  auto l = load("malformed.yaml");
  ASSERT_TRUE(l->result.has_errors());
  EXPECT_NE(l->find("ConfigMap/default/ok"), nullptr);
  const auto& error = l->result.diagnostics.back();
  EXPECT_EQ(error.span.file, l->file);
  auto position = l->sources.begin_of(error.span);
  EXPECT_GE(position.line, 10u);
  EXPECT_LE(position.line, 11u);
}

TEST(ManifestLoaderTest, MalformedJsonIsAnError) {
  auto l = load_text("bad.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",}\n");
  EXPECT_TRUE(l->result.has_errors());
  EXPECT_TRUE(l->result.resources.empty());
}

TEST(ManifestLoaderTest, HostileInputNeverCrashes) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
  }
  EXPECT_TRUE(load_text("bomb.yaml", bomb)->result.has_errors());
  EXPECT_TRUE(load_text("deep.yaml", std::string(5000, '[') + "\n")->result.has_errors());
  std::string nested_lists = "apiVersion: v1\nkind: List\nitems:\n";
  std::string indent = "  ";
  for (int i = 0; i < 12; ++i) {
    nested_lists += indent + "- apiVersion: v1\n" + indent + "  kind: List\n" + indent + "  items:\n";
    indent += "    ";
  }
  auto nested = load_text("nested.yaml", nested_lists);
  EXPECT_TRUE(nested->result.resources.empty());
}

}  // namespace
}  // namespace gclint::kubernetes
