// Regression tests for hostile-input fixes: modules.json escaping the scan root, float -> integer conversions of
// user numbers, bounded format() widths, and module cycle / outside-root diagnostics.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "terraform/terraform_test_support.h"

namespace gclint::terraform {
namespace {

using testing::load;

size_t count_of(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

/// Evaluates `expr` as the bucket name of a single resource; returns the string or the diagnostics.
std::string eval_bucket(const std::string& expr, std::string* diagnostics = nullptr) {
  auto l = load({{"main.tf", "resource \"test_thing\" \"t\" {\n  name = " + expr + "\n}\n"}});
  if (diagnostics) *diagnostics = l->diagnostics();
  const model::Resource* r = l->find("test_thing.t");
  if (!r) return "<no resource>";
  const model::Value* v = r->attributes.get("name");
  if (!v) return "<no name>";
  if (!v->is_known()) return "<unknown>";
  return v->text;
}

TEST(RobustnessFix, ModulesJsonDirOutsideRootIsRefused) {
  testing::TempDir outer;
  outer.write("outside/main.tf", "resource \"test_thing\" \"x\" {}\n");
  outer.write("root/main.tf", "module \"m\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n}\n");
  outer.write("root/.terraform/modules/modules.json",
              "{\"Modules\": [{\"Key\": \"m\", \"Source\": \"x\", \"Dir\": \"../outside\"}]}");
  model::SourceSet sources;
  LoadOptions options;
  options.scan_root = outer.path() / "root";
  auto result = load_root_module(sources, outer.path() / "root", options);
  EXPECT_TRUE(result.resources.empty());
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_NE(result.diagnostics[0].message.find("outside the scanned directory"), std::string::npos)
      << result.diagnostics[0].message;

  options.allow_outside_root = true;
  model::SourceSet sources2;
  auto allowed = load_root_module(sources2, outer.path() / "root", options);
  ASSERT_EQ(allowed.resources.size(), 1u);
  EXPECT_EQ(allowed.resources[0].address, "module.m.test_thing.x");
}

TEST(RobustnessFix, ModulesJsonDirInsideRootIsLoaded) {
  auto l = load({{"main.tf", "module \"m\" {\n  source = \"terraform-aws-modules/s3-bucket/aws\"\n}\n"},
                 {".terraform/modules/m/main.tf", "resource \"test_thing\" \"x\" {}\n"},
                 {".terraform/modules/modules.json",
                  "{\"Modules\": [{\"Key\": \"m\", \"Source\": \"x\", \"Dir\": \".terraform/modules/m\"}]}"}});
  EXPECT_NE(l->find("module.m.test_thing.x"), nullptr) << l->diagnostics();
}

TEST(RobustnessFix, HugeOrFractionalCountIsAClearError) {
  auto l = load({{"main.tf",
                  "resource \"test_thing\" \"a\" {\n  count = 1.5e300\n}\n"
                  "resource \"test_thing\" \"b\" {\n  count = 1.5\n}\n"
                  "resource \"test_thing\" \"c\" {\n  count = -1\n}\n"
                  "resource \"test_thing\" \"d\" {\n  count = 2\n}\n"}});
  std::string d = l->diagnostics();
  EXPECT_NE(d.find("test_thing.a: more than 100000 instances"), std::string::npos) << d;
  EXPECT_NE(d.find("test_thing.b: count must be a whole number between 0 and 100000"), std::string::npos) << d;
  EXPECT_NE(d.find("test_thing.c: count must be a whole number between 0 and 100000"), std::string::npos) << d;
  EXPECT_NE(l->find("test_thing.d[1]"), nullptr) << d;
  EXPECT_EQ(l->find("test_thing.a[0]"), nullptr);
}

TEST(RobustnessFix, IndexArgumentsBeyondInt64AreErrors) {
  std::string d;
  EXPECT_EQ(eval_bucket("element([\"a\", \"b\"], 1.5e300)", &d), "<unknown>");
  EXPECT_NE(d.find("element: index must be a whole number"), std::string::npos) << d;
  EXPECT_EQ(eval_bucket("element([\"a\", \"b\"], 3)"), "b");
  EXPECT_EQ(eval_bucket("substr(\"hello\", 1.5e300, 2)", &d), "<unknown>");
  EXPECT_NE(d.find("substr: offset and length"), std::string::npos) << d;
  EXPECT_EQ(eval_bucket("substr(\"hello\", 1, -1.0e300)", &d), "<unknown>");
  EXPECT_EQ(eval_bucket("substr(\"hello\", 1, 3)"), "ell");
  EXPECT_EQ(eval_bucket("tostring(length(chunklist([1, 2, 3], 1.0e300)))", &d), "<unknown>");
  EXPECT_NE(d.find("chunklist: size must be"), std::string::npos) << d;
  EXPECT_EQ(eval_bucket("tostring(length(chunklist([1, 2, 3], 2)))"), "2");
  EXPECT_EQ(eval_bucket("tostring(length(slice([1, 2, 3], 0, 1.0e300)))"), "<unknown>");
  EXPECT_EQ(eval_bucket("tostring(length(slice([1, 2, 3], 1, 3)))"), "2");
}

TEST(RobustnessFix, NetworkArgumentsBeyondInt32AreErrors) {
  EXPECT_EQ(eval_bucket("cidrsubnet(\"10.0.0.0/16\", 1.5e300, 1)"), "<unknown>");
  EXPECT_EQ(eval_bucket("cidrsubnet(\"10.0.0.0/16\", 8, 1.5e300)"), "<unknown>");
  EXPECT_EQ(eval_bucket("cidrsubnet(\"10.0.0.0/16\", 8, 3)"), "10.0.3.0/24");
  EXPECT_EQ(eval_bucket("join(\",\", cidrsubnets(\"10.0.0.0/16\", 1.5e300))"), "<unknown>");
  EXPECT_EQ(eval_bucket("join(\",\", cidrsubnets(\"10.0.0.0/16\", 8, 8))"), "10.0.0.0/24,10.0.1.0/24");
  EXPECT_EQ(eval_bucket("cidrhost(\"10.0.0.0/24\", 1.5e300)"), "<unknown>");
  EXPECT_EQ(eval_bucket("cidrhost(\"10.0.0.0/24\", 5)"), "10.0.0.5");
}

TEST(RobustnessFix, FormatWidthIsBounded) {
  std::string d;
  EXPECT_EQ(eval_bucket("format(\"%0999999999d\", 1)", &d), "<unknown>");
  EXPECT_NE(d.find("format: width or precision above 1000"), std::string::npos) << d;
  EXPECT_EQ(eval_bucket("format(\"%.99999f\", 1)", &d), "<unknown>");
  EXPECT_NE(d.find("above 1000"), std::string::npos) << d;
  EXPECT_EQ(eval_bucket("format(\"%05d|%-4s|%4s|%.2s\", 42, \"ab\", \"cd\", \"xyz\")"), "00042|ab  |  cd|xy");
  EXPECT_EQ(eval_bucket("format(\"%1000d\", 7)").size(), 1000u);
}

TEST(RobustnessFix, FormatOutputIsNotTruncated) {
  std::string long_arg(2000, 'a');
  EXPECT_EQ(eval_bucket("format(\"%s!\", \"" + long_arg + "\")"), long_arg + "!");
  EXPECT_EQ(eval_bucket("format(\"%5s\", \"" + long_arg + "\")"), long_arg);
  // 1e300 in %f has 301 integer digits plus 6 decimals, and a 1000-wide field pads past the old 512-byte buffer.
  std::string f = eval_bucket("format(\"%f\", 1.0e300)");
  EXPECT_EQ(f.size(), 308u) << f;
  EXPECT_EQ(eval_bucket("format(\"%-1000sX\", \"a\")").size(), 1001u);
  std::string list_out = eval_bucket("join(\",\", formatlist(\"%600s\", [\"a\", \"b\"]))");
  EXPECT_EQ(list_out.size(), 1201u);
}

TEST(RobustnessFix, FormatNegativeAndHugeIntegers) {
  EXPECT_EQ(eval_bucket("format(\"%b\", -5)"), "-101");
  EXPECT_EQ(eval_bucket("format(\"%b\", 5)"), "101");
  EXPECT_EQ(eval_bucket("format(\"%x|%X|%o|%d\", -255, 255, -8, -12)"), "-ff|FF|-10|-12");
  EXPECT_EQ(eval_bucket("format(\"%05d|%+d|%#x\", -42, 3, 255)"), "-0042|+3|0xff");
  EXPECT_EQ(eval_bucket("format(\"%d\", 18446744073709551615)"), "<unknown>");
  EXPECT_EQ(eval_bucket("format(\"%d\", 9007199254740993)"), "9007199254740992");
  std::string d;
  EXPECT_EQ(eval_bucket("format(\"%x\", 1.5e300)", &d), "<unknown>");
  EXPECT_NE(d.find("format: %x: number out of range"), std::string::npos) << d;
  EXPECT_EQ(eval_bucket("format(\"%d\", 1.5)", &d), "<unknown>");
  EXPECT_NE(d.find("not a whole number"), std::string::npos) << d;
  EXPECT_EQ(eval_bucket("format(\"%x\", \"hi\")"), "6869");
}

TEST(RobustnessFix, ModuleCycleShowsTheFullChain) {
  auto l = load({{"main.tf", "module \"m1\" {\n  source = \"./m1\"\n}\n"},
                 {"m1/main.tf", "module \"m2\" {\n  source = \"../m2\"\n}\n"},
                 {"m2/main.tf", "module \"m1\" {\n  source = \"../m1\"\n}\n"}});
  std::string d = l->diagnostics();
  EXPECT_NE(d.find("module cycle: . -> m1 -> m2 -> m1"), std::string::npos) << d;
  EXPECT_EQ(count_of(d, "module cycle"), 1u) << d;
}

TEST(RobustnessFix, OutsideRootModuleErrorAppearsOnce) {
  testing::TempDir outer;
  outer.write("shared/main.tf", "output \"o\" {\n  value = 1\n}\n");
  outer.write("root/main.tf",
              "module \"s\" {\n  source = \"../shared\"\n}\n"
              "resource \"test_thing\" \"t\" {\n  name = module.s.o\n}\n"
              "output \"x\" {\n  value = module.s.o\n}\n");
  model::SourceSet sources;
  LoadOptions options;
  options.scan_root = outer.path() / "root";
  auto result = load_root_module(sources, outer.path() / "root", options);
  std::string d;
  for (const auto& diag : result.diagnostics) d += diag.message + "\n";
  EXPECT_EQ(count_of(d, "outside the scanned directory"), 1u) << d;
}

TEST(RobustnessFix, OutsideRootErrorInsideACountedModuleAppearsOnce) {
  testing::TempDir outer;
  outer.write("shared/main.tf", "resource \"test_thing\" \"x\" {}\n");
  outer.write("root/main.tf", "module \"a\" {\n  source = \"./a\"\n  count = 3\n}\n");
  outer.write("root/a/main.tf", "module \"s\" {\n  source = \"../../shared\"\n}\n");
  model::SourceSet sources;
  LoadOptions options;
  options.scan_root = outer.path() / "root";
  auto result = load_root_module(sources, outer.path() / "root", options);
  std::string d;
  for (const auto& diag : result.diagnostics) d += diag.message + "\n";
  EXPECT_EQ(count_of(d, "outside the scanned directory"), 1u) << d;
  EXPECT_TRUE(result.resources.empty());
}

}  // namespace
}  // namespace gclint::terraform
