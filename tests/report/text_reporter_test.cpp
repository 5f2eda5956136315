#include "report/text_reporter.h"

#include <gtest/gtest.h>

#include <sstream>

#include "report/code_frame.h"
#include "report/report_fixture.h"

namespace gclint::report {
namespace {

std::string render(const ReportInput& input) {
  std::ostringstream out;
  TextReporter().write(input, out);
  return out.str();
}

TEST(TextReporterTest, EnglishGolden) {
  testing::ReportFixture fx;
  EXPECT_EQ(render(fx.input()),
            "modules/storage/main.tf:4:7: HIGH GC-ENC-002 aws_s3_bucket_server_side_encryption_configuration.logs "
            "uses an AWS-managed key, so its data cannot be crypto-erased [GC-ENC-02]\n"
            "4 |       sse_algorithm = \"AES256\"\n"
            "  |       ^^^^^^^^^^^^^^^^^^^^^^^^\n"
            "  = fix: set kms_master_key_id to an aws_kms_key defined here\n"
            "  = see: docs/checks/GC-ENC-002.md\n"
            "k8s/broken.yaml:1:7: error: unexpected end of flow sequence\n"
            "1 | kind: [\n"
            "  |       ^\n"
            "Scanned 2 files (1 resource): 1 finding (HIGH 1), 1 suppressed, 1 error\n");
}

TEST(TextReporterTest, JapaneseTexts) {
  testing::ReportFixture fx;
  std::string out = render(fx.input("ja"));
  EXPECT_NE(out.find("AWS 管理鍵を使っており"), std::string::npos);
  EXPECT_NE(out.find("  = 修正: kms_master_key_id にここで定義した"), std::string::npos);
  EXPECT_NE(out.find("  = 参照: docs/checks/GC-ENC-002.md"), std::string::npos);
  EXPECT_NE(out.find("k8s/broken.yaml:1:7: エラー: unexpected"), std::string::npos);
  EXPECT_NE(out.find("2 ファイル (リソース 1 件) を検査: 指摘 1 件 (HIGH 1)、抑止 1 件、エラー 1 件"),
            std::string::npos);
}

TEST(TextReporterTest, ColourOnlyWhenAsked) {
  testing::ReportFixture fx;
  EXPECT_EQ(render(fx.input()).find('\x1b'), std::string::npos);
  auto input = fx.input();
  input.color = true;
  EXPECT_NE(render(input).find("\x1b[31mHIGH\x1b[0m"), std::string::npos);
}

TEST(TextReporterTest, NamesResourceWhenMessageDoesNot) {
  testing::ReportFixture fx;
  fx.drafts[0].message.en = "uses an AWS-managed key";
  fx.rebuild();
  EXPECT_NE(render(fx.input()).find("GC-ENC-002 aws_s3_bucket_server_side_encryption_configuration.logs uses an"),
            std::string::npos);
}

TEST(TextReporterTest, NoFindingsSummary) {
  testing::ReportFixture fx;
  fx.findings.clear();
  fx.diagnostics.clear();
  EXPECT_EQ(render(fx.input()), "Scanned 2 files (1 resource): no findings\n");
}

TEST(CodeFrameTest, KeepsTabsAndClipsMultiLineSpans) {
  model::SourceSet sources;
  uint32_t id = sources.add("a.tf", "a {\n\tkey = \"é\"\n}\n");
  // From "key" to the closing brace on the next line: the caret runs to the end of line 2.
  EXPECT_EQ(render_code_frame(sources, model::Span{id, 5, 16}), "2 | \tkey = \"é\"\n  | \t^^^^^^^^^\n");
  EXPECT_EQ(render_code_frame(sources, model::Span{}), "");
  EXPECT_EQ(render_code_frame(sources, model::Span{42, 0, 1}), "");
}

// A secret under the span is shown as one '*' per character, multi-byte ones included; the carets still line up.
TEST(CodeFrameTest, MasksTheSpanOfASecret) {
  model::SourceSet sources;
  uint32_t id = sources.add("a.tf", "r {\n  password = \"パスw0rd\" # x\n}\n");
  // From "password" to the closing quote.
  std::string line = "  password = \"パスw0rd\" # x";
  uint32_t begin = 6;
  uint32_t end = 4 + static_cast<uint32_t>(line.find(" #"));  // line 2 starts at byte 4
  EXPECT_EQ(render_code_frame(sources, model::Span{id, begin, end}, {}, true),
            "2 |   ******************* # x\n  |   ^^^^^^^^^^^^^^^^^^^\n");
  EXPECT_EQ(render_code_frame(sources, model::Span{id, begin, end}, {}, false).find("*"), std::string::npos);
}

}  // namespace
}  // namespace gclint::report
