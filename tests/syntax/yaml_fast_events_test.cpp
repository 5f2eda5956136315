#include "syntax/yaml_fast_events.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/yaml_event_recorder.h"

namespace gclint::syntax {
namespace {
namespace fs = std::filesystem;

using testing::describe_events;
using testing::yaml_cpp_events;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The fast reader either declines, or gives exactly yaml-cpp's events; it never accepts what yaml-cpp rejects.
// Returns true when the fast reader took the text.
bool expect_same_as_yaml_cpp(const std::string& text, const std::string& name) {
  auto fast = fast_yaml_events(text);
  if (!fast) return false;
  auto reference = yaml_cpp_events(text);
  EXPECT_TRUE(reference.has_value()) << name << ": the fast reader accepted what yaml-cpp rejects";
  if (reference) {
    EXPECT_EQ(describe_events(*fast), describe_events(*reference)) << name;
  }
  return true;
}

TEST(YamlFastEventsTest, SnippetsMatchYamlCpp) {
  const std::vector<std::string> snippets = {
      "a: 1\nb:\n  - x\n  - \"q\"\n  - !Ref Foo\nc: !GetAtt [A, B.Arn]\nd: {k: v, \"j\": [1, 2]}\ne:\n- 1\n- k: v\n  "
      "m: "
      "n\nf: |\n  line1\n  line2\ng: >-\n  folded\n  more\nh:\ni: ~\n--- \nx: 1\n",
      "a:\nb: null\nc: Null\nd: \"\"\ne:\n  - \n  -\nh: x # c\n# full\ni: \"a\\\"b\\n\\u00e9\"\nj: 'it''s'\n",
      "# lead\n\nk: !If\n  - c\n  - !Ref x\nm: !Foo\n  a: b\nn: !Ref ~\no: !!str 1\n",
      "---\n# c\nk: v\n---\n---\n",
      "k: |\n  abc",
      "k: |+\n  abc\n\n\nz: >\n  a\n  b\n\n  c\n",
      "k: >\n  a\n\n\n  b\n  c\nl: |-\n  x\n\n  y\n\n",
      "- a\n-\n- - b\n  - c\n- k: v\n  l:\n  - 1\n",
      "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "
      "\"${AWS::StackName}-x\"\n"
      "      Tags: [{Key: a, Value: b}, {Key: c, Value: !Ref P}]\n",
      "list: [\n  a,\n  \"b\", # note\n  c,\n]\nmap: {\n  a: 1,\n  b: [x, y]\n}\n",
      "url: http://example.com/a:b\nempty_flow: []\nempty_map: {}\ncolon: a:b\nhash: a#b\n",
      "",
      "# only a comment\n",
      "plain top-level scalar\n",
      "k: v\n...\n---\nz: 1\n",
  };
  int fast = 0;
  for (size_t i = 0; i < snippets.size(); ++i)
    fast += expect_same_as_yaml_cpp(snippets[i], "snippet " + std::to_string(i));
  EXPECT_GE(fast, 10);
}

TEST(YamlFastEventsTest, DeclinesWhatItDoesNotKnow) {
  for (const char* text : {"a: &x 1\nb: *x\n", "a:\tb\n", "a: b\r\n", "? complex\n: key\n", "%YAML 1.2\n---\na: 1\n",
                           "a: \"multi\n  line\"\n", "a: plain\n  continued\n", "a: |2\n   x\n",
                           "\xEF\xBB\xBF"
                           "a: 1\n",
                           "a: [b, , c]\n", "a: {b: , c}\n", "a: b: c\n", "- a\n b\n"}) {
    EXPECT_FALSE(fast_yaml_events(text).has_value()) << text;
  }
}

// Every YAML file of the repository (fixtures, test data, the rule pack) and the yaml-test-suite inputs.
TEST(YamlFastEventsTest, RepositoryAndConformanceFilesMatchYamlCpp) {
  std::vector<fs::path> roots = {fs::path(GCLINT_SOURCE_DIR) / "fixtures",
                                 fs::path(GCLINT_SOURCE_DIR) / "tests" / "data",
                                 fs::path(GCLINT_SOURCE_DIR) / "checks"};
  int files = 0;
  int fast = 0;
  for (const auto& root : roots) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml" && ext != ".template")) continue;
      ++files;
      fast += expect_same_as_yaml_cpp(slurp(entry.path()), entry.path().string());
    }
  }
  // Most real files must take the fast path, or this test proves nothing.
  EXPECT_GT(files, 300);
  EXPECT_GT(fast * 10, files * 6) << fast << " of " << files << " files read by the fast reader";

  const fs::path suite = fs::path(GCLINT_SHARED_DIR) / "conformance" / "yaml";
  if (!fs::exists(suite)) return;
  int cases = 0;
  for (const auto& entry : fs::recursive_directory_iterator(suite)) {
    if (entry.path().filename() != "in.yaml") continue;
    ++cases;
    expect_same_as_yaml_cpp(slurp(entry.path()), entry.path().string());
  }
  EXPECT_GT(cases, 300);
}

}  // namespace
}  // namespace gclint::syntax
