#include "report/streamed_json.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace gclint::report {
namespace {

// A document whose arrays span several rendering batches, with elements of two lines each.
std::string render(unsigned threads, size_t count) {
  nlohmann::ordered_json document;
  document["version"] = 1;
  document["items"] = "\x01items";
  document["nested"] = {{"more", "\x01more"}};
  std::vector<StreamedArray> arrays;
  arrays.push_back({"\x01items", count, nullptr,
                    [](size_t i, std::string& out) { out += "{\n  \"i\": " + std::to_string(i) + "\n}"; }});
  arrays.push_back({"\x01more", 3, [](size_t i) { return nlohmann::ordered_json{{"n", i}}; }, nullptr});
  std::ostringstream out;
  write_streamed(out, document, arrays, threads);
  return out.str();
}

TEST(StreamedJsonTest, WritesWhatDumpWould) {
  nlohmann::ordered_json expected;
  expected["version"] = 1;
  expected["items"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < 1300; ++i) expected["items"].push_back({{"i", i}});
  expected["nested"] = {{"more", {{{"n", 0}}, {{"n", 1}}, {{"n", 2}}}}};
  EXPECT_EQ(render(1, 1300), expected.dump(2) + "\n");
}

TEST(StreamedJsonTest, OutputDoesNotDependOnThreads) {
  // 1300 elements: two full batches and a partial one.
  std::string one = render(1, 1300);
  EXPECT_EQ(render(2, 1300), one);
  EXPECT_EQ(render(7, 1300), one);
  EXPECT_EQ(render(4, 0), render(1, 0));
  EXPECT_NE(render(1, 0).find("\"items\": []"), std::string::npos);
}

}  // namespace
}  // namespace gclint::report
