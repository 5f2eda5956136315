#include "kubernetes/relation_linker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kubernetes/manifest_loader.h"

namespace gclint::kubernetes {
namespace {

using model::Resource;

class RelationLinkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::filesystem::path(GCLINT_SOURCE_DIR) / "tests/data/kubernetes/relations.yaml");
    std::stringstream s;
    s << in.rdbuf();
    uint32_t id = sources_.add("relations.yaml", s.str());
    result_ = load_manifests(sources_, id, LoadOptions{});
    ASSERT_FALSE(result_.has_errors());
    link_relations(result_.resources);
  }

  const Resource& get(std::string_view address) const {
    for (const auto& r : result_.resources) {
      if (r.address == address) return r;
    }
    throw std::runtime_error("no resource " + std::string(address));
  }

  std::vector<std::string> targets(std::string_view address, std::string_view kind) const {
    std::vector<std::string> out;
    for (const auto& rel : get(address).relations) {
      if (rel.kind == kind) out.push_back(rel.target);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string text(const model::Span& span) const {
    return sources_.file(span.file).content().substr(span.begin, span.end - span.begin);
  }

  model::SourceSet sources_;
  model::ParseResult result_;
};

using Targets = std::vector<std::string>;

TEST_F(RelationLinkerTest, ServiceSelectsMatchingWorkloadsInItsNamespace) {
  EXPECT_EQ(targets("Service/apps/web", "selects"), Targets{"Deployment/apps/web"});
  EXPECT_EQ(text(get("Service/apps/web").relations[0].span), "selector:\n    app: web");
}

TEST_F(RelationLinkerTest, IngressRoutesToServices) {
  EXPECT_EQ(targets("Ingress/apps/web", "routes_to"), (Targets{"Service/apps/fallback", "Service/apps/web"}));
}

TEST_F(RelationLinkerTest, NetworkPolicySelectorsAndPeers) {
  EXPECT_EQ(targets("NetworkPolicy/apps/db-ingress", "selects"), Targets{"StatefulSet/apps/db"});
  EXPECT_EQ(targets("NetworkPolicy/apps/db-ingress", "allows_from"),
            (Targets{"DaemonSet/ops/agent", "Deployment/apps/web"}));
  EXPECT_EQ(targets("NetworkPolicy/apps/default-deny", "selects"),
            (Targets{"Deployment/apps/web", "StatefulSet/apps/db"}));
}

TEST_F(RelationLinkerTest, WorkloadsUseServiceAccounts) {
  EXPECT_EQ(targets("Deployment/apps/web", "uses_service_account"), Targets{"ServiceAccount/apps/web-sa"});
  EXPECT_EQ(targets("StatefulSet/apps/db", "uses_service_account"), Targets{"ServiceAccount/apps/default"});
}

TEST_F(RelationLinkerTest, BindingsPointAtRolesAndSubjects) {
  EXPECT_EQ(targets("RoleBinding/apps/web-reader", "binds_role"), Targets{"Role/apps/reader"});
  EXPECT_EQ(targets("RoleBinding/apps/web-reader", "binds_subject"),
            (Targets{"ServiceAccount/apps/web-sa", "User/alice@example.jp"}));
  EXPECT_EQ(targets("ClusterRoleBinding/admins", "binds_role"), Targets{"ClusterRole/cluster-admin"});
  EXPECT_EQ(targets("ClusterRoleBinding/admins", "binds_subject"), Targets{"ServiceAccount/ops/agent"});
}

TEST_F(RelationLinkerTest, NamespaceLabelsAreInheritedWithoutOverriding) {
  const auto& tags = get("Deployment/apps/web").tags;
  auto value = [&](std::string_view key) {
    for (const auto& [k, v] : tags) {
      if (k == key) return v;
    }
    return std::string("(none)");
  };
  EXPECT_EQ(value("gc-tier"), "mynumber");
  EXPECT_EQ(value("team"), "payments");
  const auto& db_tags = get("StatefulSet/apps/db").tags;
  ASSERT_EQ(db_tags.size(), 2u);
  EXPECT_EQ(db_tags[0], (std::pair<std::string, std::string>{"gc-tier", "lgwan"}));
}

TEST(RelationLinkerAcrossFilesTest, LinksResourcesLoadedFromDifferentFiles) {
  model::SourceSet sources;
  uint32_t a =
      sources.add("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: x}\n");
  uint32_t b = sources.add(
      "pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: x}\nspec:\n  containers: []\n");
  auto resources = load_manifests(sources, a, {}).resources;
  for (auto& r : load_manifests(sources, b, {}).resources) resources.push_back(std::move(r));
  model::Resource terraform;
  terraform.type = "aws_s3_bucket";
  resources.push_back(terraform);
  link_relations(resources);
  ASSERT_EQ(resources[0].relations.size(), 1u);
  EXPECT_EQ(resources[0].relations[0].target, "Pod/default/p");
  EXPECT_TRUE(resources[2].relations.empty());
}

}  // namespace
}  // namespace gclint::kubernetes

namespace gclint::kubernetes {
namespace {

// Linking what drop_unlinked_parts leaves gives the relations and labels linking the whole documents gives.
TEST(DropUnlinkedParts, LinkingWhatIsLeftGivesTheSameRelations) {
  std::ifstream in(std::filesystem::path(GCLINT_SOURCE_DIR) / "tests/data/kubernetes/relations.yaml");
  std::stringstream s;
  s << in.rdbuf();
  model::SourceSet sources;
  uint32_t id = sources.add("relations.yaml", s.str());
  std::vector<model::Resource> whole = load_manifests(sources, id, LoadOptions{}).resources;
  std::vector<model::Resource> dropped = load_manifests(sources, id, LoadOptions{}).resources;
  size_t workloads = 0;
  for (auto& r : dropped) {
    bool linked_by_document = r.type == "Service" || r.type == "Ingress" || r.type == "NetworkPolicy" ||
                              r.type == "RoleBinding" || r.type == "ClusterRoleBinding";
    EXPECT_EQ(drop_unlinked_parts(r), !linked_by_document) << r.address;
    EXPECT_EQ(r.attributes.is_null(), !linked_by_document) << r.address;
    if (r.view("pod_spec") != nullptr) {
      ++workloads;
      EXPECT_EQ(r.view("pod_spec")->get("containers"), nullptr) << r.address;
    }
  }
  EXPECT_GT(workloads, 0u);
  link_relations(whole);
  link_relations(dropped);
  ASSERT_EQ(whole.size(), dropped.size());
  size_t relations = 0;
  for (size_t i = 0; i < whole.size(); ++i) {
    ASSERT_EQ(whole[i].relations.size(), dropped[i].relations.size()) << whole[i].address;
    for (size_t k = 0; k < whole[i].relations.size(); ++k) {
      EXPECT_EQ(whole[i].relations[k].kind, dropped[i].relations[k].kind);
      EXPECT_EQ(whole[i].relations[k].target, dropped[i].relations[k].target);
      EXPECT_EQ(whole[i].relations[k].span.begin, dropped[i].relations[k].span.begin);
    }
    relations += whole[i].relations.size();
    EXPECT_EQ(whole[i].tags, dropped[i].tags) << whole[i].address;
  }
  EXPECT_GT(relations, 5u);
}

}  // namespace
}  // namespace gclint::kubernetes
