#include "syntax/yaml_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace gclint::syntax {
namespace {

using model::Value;

struct Read {
  std::unique_ptr<model::SourceFile> file;
  std::vector<YamlDocument> docs;
  std::vector<model::Diagnostic> diagnostics;

  std::string text(const model::Span& span) const { return file->content().substr(span.begin, span.end - span.begin); }
  bool has_error() const {
    for (const auto& d : diagnostics) {
      if (d.level == model::Diagnostic::Level::kError) return true;
    }
    return false;
  }
};

Read read(std::string content, const YamlReadOptions& options = {}) {
  Read r;
  r.file = std::make_unique<model::SourceFile>(7, "in.yaml", std::move(content));
  r.docs = read_yaml(*r.file, r.diagnostics, options);
  return r;
}

TEST(YamlReaderTest, CoreSchemaScalars) {
  auto r = read(
      "n1: ~\nn2: null\nn3:\nb1: true\nb2: False\ni1: 42\ni2: -7\ni3: 0x1F\ni4: 0o17\nf1: 1.5\nf2: .inf\n"
      "f3: -.Inf\nf4: .nan\nf5: 1e3\ns1: yes\ns2: \"42\"\ns3: 'true'\ns4: 1.2.3\ns5: 0x\n");
  ASSERT_FALSE(r.has_error());
  ASSERT_EQ(r.docs.size(), 1u);
  const Value& m = r.docs[0].root;
  EXPECT_TRUE(m.get("n1")->is_null());
  EXPECT_TRUE(m.get("n2")->is_null());
  EXPECT_TRUE(m.get("n3")->is_null());
  EXPECT_TRUE(m.get("b1")->boolean);
  EXPECT_TRUE(m.get("b2")->is_bool());
  EXPECT_FALSE(m.get("b2")->boolean);
  EXPECT_EQ(m.get("i1")->number, 42);
  EXPECT_EQ(m.get("i2")->number, -7);
  EXPECT_EQ(m.get("i3")->number, 31);
  EXPECT_EQ(m.get("i4")->number, 15);
  EXPECT_EQ(m.get("f1")->number, 1.5);
  EXPECT_TRUE(std::isinf(m.get("f2")->number));
  EXPECT_LT(m.get("f3")->number, 0);
  EXPECT_TRUE(std::isnan(m.get("f4")->number));
  EXPECT_EQ(m.get("f5")->number, 1000);
  EXPECT_EQ(m.get("s1")->text, "yes");
  EXPECT_TRUE(m.get("s2")->is_string());
  EXPECT_EQ(m.get("s2")->text, "42");
  EXPECT_TRUE(m.get("s3")->is_string());
  EXPECT_EQ(m.get("s4")->text, "1.2.3");
  EXPECT_EQ(m.get("s5")->text, "0x");
}

TEST(YamlReaderTest, CoreTagsAreHonoured) {
  auto r = read("a: !!str 12\nb: !!int \"12\"\nc: !!float 3\nd: !!bool true\ne: !!null ''\n");
  ASSERT_FALSE(r.has_error());
  const Value& m = r.docs[0].root;
  EXPECT_TRUE(m.get("a")->is_string());
  EXPECT_EQ(m.get("a")->text, "12");
  EXPECT_EQ(m.get("b")->number, 12);
  EXPECT_EQ(m.get("c")->number, 3);
  EXPECT_TRUE(m.get("d")->boolean);
  EXPECT_TRUE(m.get("e")->is_null());
}

TEST(YamlReaderTest, InvalidCoreTagValueIsAnError) {
  auto r = read("a: !!int twelve\n");
  EXPECT_TRUE(r.has_error());
}

TEST(YamlReaderTest, SpansAreByteOffsetsAndEntriesStartAtTheirKey) {
  auto r = read("# héllo\nmeta:\n  name: \"wéb\"\n  list: [1, 'two']\n");
  ASSERT_FALSE(r.has_error());
  const Value& m = r.docs[0].root;
  const Value* name = m.get("meta")->get("name");
  EXPECT_EQ(r.text(name->span), "name: \"wéb\"");
  const Value* list = m.get("meta")->get("list");
  EXPECT_EQ(r.text(list->span), "list: [1, 'two']");
  EXPECT_EQ(r.text(list->items[0].span), "1");
  EXPECT_EQ(r.text(list->items[1].span), "'two'");
  auto pos = r.file->position(name->span.begin);
  EXPECT_EQ(pos.line, 3u);
  EXPECT_EQ(pos.column, 3u);
}

TEST(YamlReaderTest, BomAndCrlfKeepOffsets) {
  auto r = read(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: x\r\n");
  ASSERT_FALSE(r.has_error());
  EXPECT_EQ(r.text(r.docs[0].root.get("b")->span), "b: x");
}

TEST(YamlReaderTest, BlockScalarSpanCoversItsLines) {
  auto r = read("a: |\n  one\n  two\n\nb: 1\n");
  ASSERT_FALSE(r.has_error());
  EXPECT_EQ(r.docs[0].root.get("a")->text, "one\ntwo\n");
  EXPECT_EQ(r.text(r.docs[0].root.get("a")->span), "a: |\n  one\n  two");
}

TEST(YamlReaderTest, MultipleDocumentsAndEmptyOnes) {
  auto r = read("a: 1\n---\n# only a comment\n---\nb: 2\n...\n");
  ASSERT_FALSE(r.has_error());
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_TRUE(r.docs[1].root.is_null());
  EXPECT_EQ(r.docs[2].root.get("b")->number, 2);
  EXPECT_LE(r.docs[2].begin, r.docs[2].root.span.begin);
  EXPECT_GE(r.docs[2].begin, r.docs[1].begin);
}

TEST(YamlReaderTest, AnchorsAliasesAndMergeKeys) {
  auto r = read("base: &b {x: 1, y: 2}\nuse: *b\nmerged:\n  <<: *b\n  y: 3\nmulti:\n  <<: [{p: 1}, {p: 2, q: 2}]\n");
  ASSERT_FALSE(r.has_error());
  const Value& m = r.docs[0].root;
  EXPECT_EQ(m.get("use")->get("x")->number, 1);
  EXPECT_EQ(r.text(m.get("use")->span), "use: *b");
  EXPECT_EQ(m.get("merged")->get("x")->number, 1);
  EXPECT_EQ(m.get("merged")->get("y")->number, 3);
  EXPECT_EQ(m.get("merged")->get("<<"), nullptr);
  EXPECT_EQ(m.get("multi")->get("p")->number, 1);
  EXPECT_EQ(m.get("multi")->get("q")->number, 2);
}

TEST(YamlReaderTest, QuotedMergeKeyIsAnOrdinaryKey) {
  auto r = read("a:\n  '<<': {x: 1}\n");
  ASSERT_FALSE(r.has_error());
  EXPECT_NE(r.docs[0].root.get("a")->get("<<"), nullptr);
}

TEST(YamlReaderTest, BillionLaughsIsStopped) {
  std::string doc = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    doc += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) doc += std::string(i ? ", *" : "*") + prev;
    doc += "]\n";
    prev = c;
  }
  auto r = read(doc);
  ASSERT_TRUE(r.has_error());
  EXPECT_NE(r.diagnostics[0].message.find("alias expansion"), std::string::npos);
}

TEST(YamlReaderTest, NestedAnchorsCannotCopyQuadratically) {
  std::string doc;
  for (int i = 0; i < 400; ++i) doc += "&a" + std::to_string(i) + " [";
  doc += "0";
  for (int i = 0; i < 20000; ++i) doc += ", 0";
  doc += std::string(400, ']') + "\n";
  auto r = read(doc);
  EXPECT_TRUE(r.has_error());
}

TEST(YamlReaderTest, DepthLimitIsAnError) {
  YamlReadOptions options;
  options.max_depth = 20;
  auto r = read(std::string(30, '[') + std::string(30, ']') + "\n", options);
  EXPECT_TRUE(r.has_error());
  auto deep = read(std::string(100000, '[') + "\n");
  EXPECT_TRUE(deep.has_error());
}

TEST(YamlReaderTest, DuplicateKeysAreErrors) {
  auto r = read("a: 1\nb: 2\na: 3\n");
  ASSERT_TRUE(r.has_error());
  auto pos = r.file->position(r.diagnostics[0].span.begin);
  EXPECT_EQ(pos.line, 3u);
  EXPECT_EQ(pos.column, 1u);
  EXPECT_EQ(r.docs[0].root.get("a")->number, 1);
}

TEST(YamlReaderTest, SyntaxErrorKeepsEarlierDocumentsAndGivesPosition) {
  auto r = read("a: 1\n---\nb: [1, 2\nc: d\n");
  ASSERT_TRUE(r.has_error());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].root.get("a")->number, 1);
  auto pos = r.file->position(r.diagnostics.back().span.begin);
  EXPECT_EQ(pos.line, 4u);
}

TEST(YamlReaderTest, StrayTopLevelCommaIsAnErrorNotAnEndlessStream) {
  auto r = read(" , a\n");
  ASSERT_TRUE(r.has_error());
  EXPECT_EQ(r.file->position(r.diagnostics[0].span.begin).column, 2u);
  EXPECT_LE(r.docs.size(), 1u);
}

TEST(YamlReaderTest, LocalTagsGoToTheHandler) {
  YamlReadOptions options;
  std::vector<std::string> seen;
  options.tag_handler = [&](std::string_view tag, Value value) -> std::optional<Value> {
    seen.emplace_back(tag);
    if (tag == "!Bad") return std::nullopt;
    Value wrapped = Value::map(value.span);
    wrapped.set(std::string(tag.substr(1)), std::move(value));
    return wrapped;
  };
  auto r = read("a: !Ref Bucket\nb: !Join ['-', [x, y]]\nc: !Bad z\n", options);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(r.docs[0].root.get("a")->get("Ref")->text, "Bucket");
  EXPECT_EQ(r.docs[0].root.get("b")->get("Join")->items.size(), 2u);
  ASSERT_TRUE(r.has_error());
  EXPECT_NE(r.diagnostics[0].message.find("!Bad"), std::string::npos);
  EXPECT_TRUE(r.docs[0].root.get("c")->is_unknown());
}

TEST(YamlReaderTest, LocalTagsAreIgnoredWithoutHandler) {
  auto r = read("a: !Ref Bucket\nb: !Num 3\nc: !Q '3'\n");
  ASSERT_FALSE(r.has_error());
  EXPECT_EQ(r.docs[0].root.get("a")->text, "Bucket");
  EXPECT_EQ(r.docs[0].root.get("b")->number, 3);
  EXPECT_EQ(r.docs[0].root.get("c")->text, "3");
}

// --- yaml-test-suite conformance ---

bool same(const Value& v, const nlohmann::json& j) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return j.is_null();
    case Value::Kind::kBool:
      return j.is_boolean() && j.get<bool>() == v.boolean;
    case Value::Kind::kNumber:
      return j.is_number() && j.get<double>() == v.number;
    case Value::Kind::kString:
      return j.is_string() && j.get<std::string>() == v.text;
    case Value::Kind::kList:
      if (!j.is_array() || j.size() != v.items.size()) return false;
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (!same(v.items[i], j[i])) return false;
      }
      return true;
    case Value::Kind::kMap:
      if (!j.is_object() || j.size() != v.entries.size()) return false;
      for (const auto& e : v.entries) {
        auto it = j.find(e.key);
        if (it == j.end() || !same(e.value, *it)) return false;
      }
      return true;
    case Value::Kind::kUnknown:
      return false;
  }
  return false;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(YamlConformanceTest, YamlTestSuiteDeviationsAreAllKnown) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(GCLINT_SHARED_DIR) / "conformance" / "yaml";
  if (!fs::exists(root)) GTEST_SKIP() << "no conformance data at " << root;

  std::map<std::string, std::string> known;  // case -> deviation kind
  std::ifstream list(fs::path(GCLINT_SOURCE_DIR) / "tests" / "syntax" / "yaml_known_deviations.txt");
  ASSERT_TRUE(list) << "tests/syntax/yaml_known_deviations.txt missing";
  for (std::string line; std::getline(list, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id, kind;
    fields >> id >> kind;
    known[id] = kind;
  }

  std::vector<fs::path> cases;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().filename() == "in.yaml") cases.push_back(entry.path().parent_path());
  }
  std::sort(cases.begin(), cases.end());
  ASSERT_GT(cases.size(), 300u);

  int agree = 0;
  std::map<std::string, std::string> actual;
  for (const auto& dir : cases) {
    std::string id = fs::relative(dir, root).generic_string();
    bool must_reject = fs::exists(dir / "error");
    auto r = read(slurp(dir / "in.yaml"));
    bool rejected = r.has_error();
    std::string deviation;
    if (must_reject && !rejected) {
      deviation = "accepts-invalid";
    } else if (!must_reject && rejected) {
      deviation = "rejects-valid";
    } else if (!rejected && fs::exists(dir / "in.json")) {
      std::istringstream in(slurp(dir / "in.json"));
      std::vector<nlohmann::json> expected;
      try {
        while ((in >> std::ws) && in.peek() != EOF) {
          nlohmann::json j;
          in >> j;
          expected.push_back(std::move(j));
        }
      } catch (const nlohmann::json::exception&) {
        expected.clear();
      }
      bool equal = expected.size() == r.docs.size();
      for (size_t i = 0; equal && i < expected.size(); ++i) equal = same(r.docs[i].root, expected[i]);
      if (!equal) deviation = "value-mismatch";
    }
    if (deviation.empty()) {
      ++agree;
    } else {
      actual[id] = deviation;
    }
  }

  for (const auto& [id, kind] : actual) {
    auto it = known.find(id);
    EXPECT_TRUE(it != known.end() && it->second == kind) << "unlisted deviation: " << id << " " << kind;
  }
  for (const auto& [id, kind] : known) {
    EXPECT_TRUE(actual.count(id)) << "listed deviation no longer occurs: " << id << " " << kind;
  }
  std::cout << "yaml-test-suite: " << agree << " of " << cases.size() << " cases agree, " << actual.size()
            << " known deviations\n";
}

}  // namespace
}  // namespace gclint::syntax
