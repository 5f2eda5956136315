#include <gtest/gtest.h>

#include "terraform/hash_functions.h"
#include "terraform_test_support.h"

namespace gclint::terraform {
namespace {

using model::Value;
using testing::load;

std::string json(const std::string& expr, const std::map<std::string, std::string>& extra_files = {}) {
  std::map<std::string, std::string> files = extra_files;
  files["main.tf"] = "resource \"test_thing\" \"t\" {\n  v = " + expr + "\n}\n";
  auto loaded = load(files);
  const model::Resource* r = loaded->find("test_thing.t");
  if (!r) return "<no resource>";
  const Value* v = r->attributes.get("v");
  if (!v) return "<no value>";
  if (v->is_unknown()) return "unknown";
  return v->to_json();
}

TEST(FunctionLibrary, Numeric) {
  EXPECT_EQ(json("abs(-3)"), "3");
  EXPECT_EQ(json("ceil(1.2)"), "2");
  EXPECT_EQ(json("floor(1.8)"), "1");
  EXPECT_EQ(json("max(1, 5, 3)"), "5");
  EXPECT_EQ(json("min(4, 2)"), "2");
  EXPECT_EQ(json("parseint(\"ff\", 16)"), "255");
  EXPECT_EQ(json("signum(-9)"), "-1");
  EXPECT_EQ(json("sum([1, 2, 3.5])"), "6.5");
}

TEST(FunctionLibrary, Strings) {
  EXPECT_EQ(json("format(\"%s-%03d-%.1f-%v\", \"a\", 7, 1.25, true)"), "\"a-007-1.2-true\"");
  EXPECT_EQ(json("formatlist(\"%s=%s\", [\"a\", \"b\"], \"x\")"), "[\"a=x\",\"b=x\"]");
  EXPECT_EQ(json("join(\",\", [\"a\", \"b\"])"), "\"a,b\"");
  EXPECT_EQ(json("split(\",\", \"a,b,,c\")"), "[\"a\",\"b\",\"\",\"c\"]");
  EXPECT_EQ(json("lower(\"AbC\")"), "\"abc\"");
  EXPECT_EQ(json("upper(\"abc\")"), "\"ABC\"");
  EXPECT_EQ(json("title(\"hello world\")"), "\"Hello World\"");
  EXPECT_EQ(json("chomp(\"x\\n\\n\")"), "\"x\"");
  EXPECT_EQ(json("trim(\"?!x!?\", \"!?\")"), "\"x\"");
  EXPECT_EQ(json("trimprefix(\"abc\", \"ab\")"), "\"c\"");
  EXPECT_EQ(json("trimsuffix(\"abc\", \"bc\")"), "\"a\"");
  EXPECT_EQ(json("trimspace(\"  x \\n\")"), "\"x\"");
  EXPECT_EQ(json("replace(\"a-b-c\", \"-\", \"_\")"), "\"a_b_c\"");
  EXPECT_EQ(json("replace(\"a1b22\", \"/([0-9]+)/\", \"<$1>\")"), "\"a<1>b<22>\"");
  EXPECT_EQ(json("regex(\"([a-z]+)-([0-9]+)\", \"ab-12\")"), "[\"ab\",\"12\"]");
  EXPECT_EQ(json("regex(\"(?P<name>[a-z]+)\", \"ab-12\")"), "{\"name\":\"ab\"}");
  EXPECT_EQ(json("regexall(\"[0-9]\", \"a1b2\")"), "[\"1\",\"2\"]");
  EXPECT_EQ(json("substr(\"日本語です\", 1, 2)"), "\"本語\"");
  EXPECT_EQ(json("startswith(\"abc\", \"ab\")"), "true");
  EXPECT_EQ(json("endswith(\"abc\", \"x\")"), "false");
  EXPECT_EQ(json("strcontains(\"abc\", \"b\")"), "true");
  EXPECT_EQ(json("strrev(\"abc\")"), "\"cba\"");
  EXPECT_EQ(json("length(\"日本\")"), "2");
}

TEST(FunctionLibrary, Collections) {
  EXPECT_EQ(json("element([\"a\", \"b\"], 3)"), "\"b\"");
  EXPECT_EQ(json("index([\"a\", \"b\"], \"b\")"), "1");
  EXPECT_EQ(json("lookup({ a = 1 }, \"b\", 9)"), "9");
  EXPECT_EQ(json("keys({ b = 1, a = 2 })"), "[\"a\",\"b\"]");
  EXPECT_EQ(json("values({ b = 1, a = 2 })"), "[2,1]");
  EXPECT_EQ(json("merge({ a = 1 }, { a = 2, b = 3 })"), "{\"a\":2,\"b\":3}");
  EXPECT_EQ(json("concat([1], [2, 3])"), "[1,2,3]");
  EXPECT_EQ(json("contains([\"a\"], \"a\")"), "true");
  EXPECT_EQ(json("coalesce(null, \"\", \"x\")"), "\"x\"");
  EXPECT_EQ(json("coalescelist([], [1])"), "[1]");
  EXPECT_EQ(json("compact([\"a\", \"\", null])"), "[\"a\"]");
  EXPECT_EQ(json("distinct([1, 2, 1])"), "[1,2]");
  EXPECT_EQ(json("flatten([[1, [2]], 3])"), "[1,2,3]");
  EXPECT_EQ(json("range(3)"), "[0,1,2]");
  EXPECT_EQ(json("range(1, 10, 4)"), "[1,5,9]");
  EXPECT_EQ(json("reverse([1, 2])"), "[2,1]");
  EXPECT_EQ(json("slice([1, 2, 3, 4], 1, 3)"), "[2,3]");
  EXPECT_EQ(json("sort([\"b\", \"a\"])"), "[\"a\",\"b\"]");
  EXPECT_EQ(json("setunion([\"b\"], [\"a\", \"b\"])"), "[\"a\",\"b\"]");
  EXPECT_EQ(json("setintersection([\"a\", \"b\"], [\"b\"])"), "[\"b\"]");
  EXPECT_EQ(json("setsubtract([\"a\", \"b\"], [\"b\"])"), "[\"a\"]");
  EXPECT_EQ(json("setproduct([\"a\"], [1, 2])"), "[[\"a\",1],[\"a\",2]]");
  EXPECT_EQ(json("zipmap([\"a\", \"b\"], [1, 2])"), "{\"a\":1,\"b\":2}");
  EXPECT_EQ(json("toset([\"b\", \"a\", \"b\"])"), "[\"a\",\"b\"]");
  EXPECT_EQ(json("tostring(5)"), "\"5\"");
  EXPECT_EQ(json("tonumber(\"5\")"), "5");
  EXPECT_EQ(json("tobool(\"true\")"), "true");
  EXPECT_EQ(json("one([7])"), "7");
  EXPECT_EQ(json("alltrue([true, false])"), "false");
  EXPECT_EQ(json("anytrue([true, false])"), "true");
  EXPECT_EQ(json("length({ a = 1 })"), "1");
}

TEST(FunctionLibrary, Encoding) {
  EXPECT_EQ(json("jsonencode({ b = [1, \"<\"], a = null })"), "\"{\\\"a\\\":null,\\\"b\\\":[1,\\\"\\\\u003c\\\"]}\"");
  EXPECT_EQ(json("jsondecode(\"{\\\"a\\\": [1, true]}\")"), "{\"a\":[1,true]}");
  EXPECT_EQ(json("yamldecode(\"a: 1\\nb: [x, true]\\n\")"), "{\"a\":1,\"b\":[\"x\",true]}");
  EXPECT_EQ(json("yamldecode(yamlencode({ a = [\"x\"] }))"), "{\"a\":[\"x\"]}");
  EXPECT_EQ(json("base64encode(\"hello\")"), "\"aGVsbG8=\"");
  EXPECT_EQ(json("base64decode(\"aGVsbG8=\")"), "\"hello\"");
  EXPECT_EQ(json("urlencode(\"a b/c\")"), "\"a%20b%2Fc\"");
}

TEST(FunctionLibrary, Network) {
  EXPECT_EQ(json("cidrsubnet(\"10.0.0.0/16\", 8, 2)"), "\"10.0.2.0/24\"");
  EXPECT_EQ(json("cidrsubnets(\"10.0.0.0/16\", 8, 4)"), "[\"10.0.0.0/24\",\"10.0.16.0/20\"]");
  EXPECT_EQ(json("cidrhost(\"10.0.1.0/24\", 5)"), "\"10.0.1.5\"");
  EXPECT_EQ(json("cidrhost(\"10.0.1.0/24\", -1)"), "\"10.0.1.255\"");
  EXPECT_EQ(json("cidrnetmask(\"10.0.0.0/12\")"), "\"255.240.0.0\"");
}

TEST(FunctionLibrary, Hashes) {
  EXPECT_EQ(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(json("md5(\"abc\")"), "\"900150983cd24fb0d6963f7d28e17f72\"");
}

TEST(FunctionLibrary, FilesAreConfinedToTheScanRoot) {
  EXPECT_EQ(json("file(\"${path.module}/p.json\")", {{"p.json", "{}"}}), "\"{}\"");
  EXPECT_EQ(json("fileexists(\"p.json\")", {{"p.json", "{}"}}), "true");
  EXPECT_EQ(json("fileexists(\"nope.json\")"), "false");
  EXPECT_EQ(json("templatefile(\"t.tpl\", { name = \"x\", items = [1, 2] })",
                 {{"t.tpl", "hi ${name}\n%{ for i in items ~}\n- ${i}\n%{ endfor ~}\n"}}),
            "\"hi x\\n- 1\\n- 2\\n\"");
  EXPECT_EQ(json("file(\"/etc/hostname\")"), "unknown");
}

TEST(FunctionLibrary, UnknownResults) {
  EXPECT_EQ(json("uuid()"), "unknown");
  EXPECT_EQ(json("timestamp()"), "unknown");
  EXPECT_EQ(json("no_such_function(1)"), "unknown");
}

}  // namespace
}  // namespace gclint::terraform
