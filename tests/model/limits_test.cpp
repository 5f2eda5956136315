#include "model/limits.h"

#include <gtest/gtest.h>

#include <set>

namespace gclint::model {
namespace {

TEST(LimitsTest, ByteSizesTakeDecimalAndBinaryUnits) {
  EXPECT_EQ(parse_byte_size("0"), 0u);
  EXPECT_EQ(parse_byte_size("123"), 123u);
  EXPECT_EQ(parse_byte_size("10MB"), 10'000'000u);
  EXPECT_EQ(parse_byte_size("10 mb"), 10'000'000u);
  EXPECT_EQ(parse_byte_size("16MiB"), 16u << 20);
  EXPECT_EQ(parse_byte_size("1.5GiB"), 3u << 29);
  EXPECT_EQ(parse_byte_size("4GiB"), uint64_t{4} << 30);
  EXPECT_EQ(parse_byte_size("2k"), 2000u);
  for (const char* bad : {"", "MB", "-1", "10XB", "1e3", "ten", "99999999999999999999GB", "nan"}) {
    EXPECT_FALSE(parse_byte_size(bad).has_value()) << bad;
  }
}

TEST(LimitsTest, DurationsDefaultToSeconds) {
  EXPECT_EQ(parse_duration_ms("300"), 300'000u);
  EXPECT_EQ(parse_duration_ms("1.5s"), 1'500u);
  EXPECT_EQ(parse_duration_ms("250ms"), 250u);
  EXPECT_EQ(parse_duration_ms("5m"), 300'000u);
  EXPECT_EQ(parse_duration_ms("1h"), 3'600'000u);
  EXPECT_EQ(parse_duration_ms("0"), 0u);
  for (const char* bad : {"", "s", "-5", "5d", "1e9h"}) EXPECT_FALSE(parse_duration_ms(bad).has_value()) << bad;
}

TEST(LimitsTest, SetLimitValidatesNameUnitAndRange) {
  Limits limits;
  EXPECT_EQ(set_limit(limits, "file_size", "20MB"), std::nullopt);
  EXPECT_EQ(limits.file_size, 20'000'000u);
  EXPECT_EQ(set_limit(limits, "instances", "5000"), std::nullopt);
  EXPECT_EQ(limits.instances, 5000u);

  auto unknown = set_limit(limits, "file_sizes", "1");
  ASSERT_TRUE(unknown);
  EXPECT_NE(unknown->find("unknown limit 'file_sizes'"), std::string::npos) << *unknown;
  EXPECT_NE(unknown->find("file_size"), std::string::npos) << *unknown;

  auto not_a_count = set_limit(limits, "instances", "10MB");
  ASSERT_TRUE(not_a_count);
  EXPECT_NE(not_a_count->find("whole number"), std::string::npos) << *not_a_count;

  // Spans are 32-bit byte offsets: no file may be larger than 4 GiB - 1.
  EXPECT_TRUE(set_limit(limits, "file_size", "4GiB"));
  EXPECT_TRUE(set_limit(limits, "file_size", "0"));
  EXPECT_TRUE(set_limit(limits, "nesting_depth", "5000"));  // yaml-cpp stops at 2000 on its own
  EXPECT_EQ(limits.file_size, 20'000'000u);                 // unchanged by the refused values
}

TEST(LimitsTest, EveryLimitHasADistinctNameAndAValidDefault) {
  Limits defaults;
  std::set<std::string_view> names;
  for (const auto& spec : limit_specs()) {
    EXPECT_TRUE(names.insert(spec.name).second) << spec.name;
    EXPECT_EQ(find_limit(spec.name), &spec);
    uint64_t value = defaults.*(spec.field);
    EXPECT_GE(value, spec.min) << spec.name;
    EXPECT_LE(value, spec.max) << spec.name;
  }
  EXPECT_EQ(names.size(), 8u);
  EXPECT_EQ(defaults.file_size, 10'000'000u);
}

TEST(LimitsTest, DescribesSizesForMessages) {
  EXPECT_EQ(describe_bytes(10'000'000), "10000000 bytes (10 MB)");
  EXPECT_EQ(describe_bytes(16u << 20), "16777216 bytes (16 MiB)");
  EXPECT_EQ(describe_bytes(uint64_t{4} << 30), "4294967296 bytes (4 GiB)");
  EXPECT_EQ(describe_bytes(512), "512 bytes");
}

}  // namespace
}  // namespace gclint::model
