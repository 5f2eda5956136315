#include <gtest/gtest.h>

#include "engine/cidr.h"
#include "engine/glob_match.h"
#include "engine/spelling.h"
#include "engine/suppression.h"

namespace gclint::engine {
namespace {

TEST(GlobMatch, SegmentsAndDoubleStar) {
  EXPECT_TRUE(glob_match("envs/juki/**", "envs/juki/main.tf"));
  EXPECT_TRUE(glob_match("envs/juki/**", "envs/juki/modules/db/main.tf"));
  EXPECT_TRUE(glob_match("envs/*/main.tf", "envs/juki/main.tf"));
  EXPECT_FALSE(glob_match("envs/*/main.tf", "envs/juki/db/main.tf"));
  EXPECT_TRUE(glob_match("**/dmz/*.tf", "a/b/dmz/x.tf"));
  EXPECT_TRUE(glob_match("**/dmz/*.tf", "dmz/x.tf"));
  EXPECT_TRUE(glob_match("envs/juki", "envs/juki/main.tf"));
  EXPECT_FALSE(glob_match("envs/juk", "envs/juki/main.tf"));
  EXPECT_TRUE(glob_match("module.juki*", "module.juki_db"));
  EXPECT_TRUE(glob_match("./a/?.tf", "a/b.tf"));
}

TEST(Cidr, ParsesAndClassifies) {
  EXPECT_FALSE(parse_cidr("10.0.0.0/33"));
  EXPECT_FALSE(parse_cidr("10.0.0"));
  EXPECT_FALSE(parse_cidr("1.2.3.4/"));
  EXPECT_FALSE(parse_cidr("fe80::1::2"));
  EXPECT_EQ(parse_cidr("10.1.2.3/8"), parse_cidr("10.0.0.0/8"));
  EXPECT_TRUE(cidr_is_any(*parse_cidr("::/0")));
  EXPECT_TRUE(cidr_is_public(*parse_cidr("0.0.0.0/0")));
  EXPECT_FALSE(cidr_is_public(*parse_cidr("100.64.1.0/24")));
  EXPECT_FALSE(cidr_is_public(*parse_cidr("224.0.0.0/3")));  // multicast + reserved: covered by two ranges
  EXPECT_TRUE(cidr_is_public(*parse_cidr("11.0.0.0/8")));
  EXPECT_TRUE(cidr_is_public(*parse_cidr("10.0.0.0/7")));
  EXPECT_FALSE(cidr_is_public(*parse_cidr("2001:db8:1::/48")));
  EXPECT_TRUE(cidr_is_public(*parse_cidr("::ffff:8.8.8.8")));
  EXPECT_TRUE(cidr_overlaps(*parse_cidr("10.0.0.0/8"), *parse_cidr("10.20.0.0/16")));
  EXPECT_FALSE(cidr_overlaps(*parse_cidr("10.0.0.0/8"), *parse_cidr("::/0")));
  EXPECT_TRUE(cidr_within(*parse_cidr("10.20.0.0/16"), *parse_cidr("10.0.0.0/8")));
}

TEST(Spelling, DidYouMean) {
  EXPECT_EQ(unknown_word_message("operator", "equal", {"equals", "exists"}),
            "unknown operator 'equal'; did you mean 'equals'?");
  EXPECT_EQ(unknown_word_message("operator", "zzz", {"equals"}), "unknown operator 'zzz'");
}

TEST(Suppression, ParsesTheCommentForms) {
  Suppression s = parse_suppression_text(" GC-ENC-002, GC-ENC-003 reason=\"shared key\" until=2027-03-31");
  EXPECT_EQ(s.ids, (std::vector<std::string>{"GC-ENC-002", "GC-ENC-003"}));
  EXPECT_EQ(s.reason, "shared key");
  EXPECT_EQ(s.until, "2027-03-31");
  Suppression k = parse_suppression_text("GC-K8S-001 reason=vendor image runs as root until=2027-01-01");
  EXPECT_EQ(k.reason, "vendor image runs as root");
  EXPECT_EQ(k.until, "2027-01-01");
  validate_suppression(k, "2026-11-22");
  EXPECT_EQ(k.problem, "");
  validate_suppression(k, "2027-01-02");
  EXPECT_EQ(k.problem, "expired on 2027-01-01");
  Suppression bad = parse_suppression_text("GC-A-001 reason=x until=tomorrow");
  validate_suppression(bad, "2026-11-22");
  EXPECT_NE(bad.problem.find("invalid until date"), std::string::npos);
}

TEST(Suppression, InlineCommentsOnly) {
  model::SourceSet sources;
  uint32_t id = sources.add("main.tf",
                            "a = \"gclint:ignore GC-A-001 reason=x\"\n"
                            "b = 1 // gclint:ignore GC-B-001 reason=\"y\"\n"
                            "  # gclint:ignore GC-C-001\n");
  auto found = inline_suppressions(sources.file(id));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].line, 2u);
  EXPECT_EQ(found[0].ids, std::vector<std::string>{"GC-B-001"});
  EXPECT_EQ(found[1].line, 3u);
  EXPECT_EQ(sources.begin_of(found[1].span).column, 3u);
}

}  // namespace
}  // namespace gclint::engine
