#include "cloudformation/template_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cloudformation/cfn_test_support.h"

namespace gclint::cloudformation {
namespace {

using model::Reference;
using model::Value;
using testing::Loaded;

std::string read_data(const std::string& name) {
  std::ifstream in(std::filesystem::path(GCLINT_SOURCE_DIR) / "tests/data/cloudformation" / name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(TemplateLoaderTest, SyntaxOnlyReadsAndStops) {
  const std::string text =
      "AWSTemplateFormatVersion: '2010-09-09'\n"
      "Resources:\n"
      "  Logs:\n"
      "    Type: AWS::S3::Bucket\n";
  LoadOptions options;
  options.syntax_only = true;
  Loaded only("t.yaml", text, options);
  EXPECT_TRUE(only.result.resources.empty());
  EXPECT_EQ(only.errors(), "");
  EXPECT_GT(only.result.syntax_time.count(), 0);
  Loaded broken("b.yaml", "Resources:\n  Logs: [\n", options);
  EXPECT_TRUE(broken.result.has_errors());
  Loaded full("t.yaml", text);
  EXPECT_EQ(full.result.resources.size(), 1u);
  EXPECT_GT(full.result.syntax_time.count(), 0);
}

TEST(TemplateLoaderTest, ResourceCarriesTypeNameSpanMetadataAndTags) {
  Loaded t("t.yaml",
           "AWSTemplateFormatVersion: '2010-09-09'\n"
           "Resources:\n"
           "  Logs:\n"
           "    Type: AWS::S3::Bucket\n"
           "    Metadata:\n"
           "      gclint:\n"
           "        ignore: [GC-ENC-001]\n"
           "    Properties:\n"
           "      BucketName: logs\n"
           "      Tags:\n"
           "        - Key: gc-tier\n"
           "          Value: lgwan\n"
           "  Param:\n"
           "    Type: AWS::SSM::Parameter\n"
           "    Properties:\n"
           "      Tags: {gc-zone: dmz}\n"
           "  Empty:\n"
           "    Type: AWS::SNS::Topic\n");
  ASSERT_EQ(t.errors(), "");
  ASSERT_EQ(t.result.resources.size(), 3u);
  const model::Resource* logs = t.one("Logs");
  ASSERT_TRUE(logs);
  EXPECT_EQ(logs->format, model::Format::kCloudFormation);
  EXPECT_EQ(logs->type, "AWS::S3::Bucket");
  EXPECT_EQ(logs->address, "Logs");
  EXPECT_EQ(logs->scenario, "");
  EXPECT_EQ(t.begin(logs->span).line, 3u);
  EXPECT_EQ(t.begin(logs->span).column, 3u);
  EXPECT_EQ(logs->span.end - logs->span.begin, 4u);
  EXPECT_EQ(logs->attributes.get("BucketName")->text, "logs");
  ASSERT_TRUE(logs->metadata.get("gclint"));
  ASSERT_EQ(logs->tags.size(), 1u);
  EXPECT_EQ(logs->tags[0], (std::pair<std::string, std::string>{"gc-tier", "lgwan"}));
  EXPECT_EQ(t.one("Param")->tags[0].first, "gc-zone");
  const model::Resource* empty = t.one("Empty");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->attributes.is_map());
  EXPECT_TRUE(empty->attributes.entries.empty());
  EXPECT_EQ(t.begin(empty->attributes.span).line, 17u);
  EXPECT_TRUE(empty->metadata.is_null());
}

TEST(TemplateLoaderTest, DependsOnBecomesRelations) {
  Loaded t("t.yaml",
           "Resources:\n  A:\n    Type: AWS::SNS::Topic\n  B:\n    Type: AWS::SNS::Topic\n    DependsOn: A\n"
           "  C:\n    Type: AWS::SNS::Topic\n    DependsOn: [A, B]\n"
           "  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: https://x/t.yaml\n");
  ASSERT_EQ(t.errors(), "");
  ASSERT_EQ(t.one("B")->relations.size(), 1u);
  EXPECT_EQ(t.one("B")->relations[0].kind, "depends_on");
  EXPECT_EQ(t.one("B")->relations[0].target, "A");
  EXPECT_EQ(t.begin(t.one("B")->relations[0].span).line, 6u);
  EXPECT_EQ(t.one("C")->relations.size(), 2u);
  ASSERT_TRUE(t.one("Nested"));
  EXPECT_EQ(t.one("Nested")->type, "AWS::CloudFormation::Stack");

  Loaded bad("t.yaml", "Resources:\n  B:\n    Type: AWS::SNS::Topic\n    DependsOn: Missing\n");
  const model::Diagnostic* d = bad.diagnostic("DependsOn refers to undefined resource 'Missing'");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(bad.begin(d->span).line, 4u);
}

const char* kConditions =
    "Parameters:\n"
    "  Env:\n"
    "    Type: String\n"
    "    Default: prod\n"
    "  Unset:\n"
    "    Type: String\n"
    "Conditions:\n"
    "  IsProd: !Equals [!Ref Env, prod]\n"
    "  IsDev: !Equals [dev, !Ref Env]\n"
    "  ProdOrDev: !Or [!Condition IsProd, !Condition IsDev]\n"
    "  NotProd: !Not [!Condition IsProd]\n"
    "  Both: !And [!Condition IsProd, !Condition IsDev]\n"
    "  Number: !Equals [1, '1']\n"
    "  Mystery: !Equals [!Ref Unset, x]\n"
    "  ProdOrMystery: !Or [!Condition IsProd, !Condition Mystery]\n"
    "  DevAndMystery: !And [!Condition IsDev, !Condition Mystery]\n";

TEST(TemplateLoaderTest, ConditionsEvaluateFromKnownValues) {
  std::string text = std::string(kConditions) +
                     "Resources:\n"
                     "  R:\n"
                     "    Type: AWS::SNS::Topic\n"
                     "    Properties:\n"
                     "      A: !If [IsProd, yes, no]\n"
                     "      B: !If [IsDev, yes, no]\n"
                     "      C: !If [ProdOrDev, yes, no]\n"
                     "      D: !If [NotProd, yes, no]\n"
                     "      E: !If [Both, yes, no]\n"
                     "      F: !If [Number, yes, no]\n"
                     "      G: !If [ProdOrMystery, yes, no]\n"
                     "      H: !If [DevAndMystery, yes, no]\n"
                     "      I: !If [IsDev, yes, !Ref AWS::NoValue]\n";
  Loaded t("t.yaml", text);
  ASSERT_EQ(t.errors(), "");
  const model::Resource* r = t.one("R");
  ASSERT_TRUE(r);
  const Value& a = r->attributes;
  EXPECT_EQ(a.get("A")->text, "yes");
  EXPECT_EQ(a.get("B")->text, "no");
  EXPECT_EQ(a.get("C")->text, "yes");
  EXPECT_EQ(a.get("D")->text, "no");
  EXPECT_EQ(a.get("E")->text, "no");
  EXPECT_EQ(a.get("F")->text, "yes");
  EXPECT_EQ(a.get("G")->text, "yes");  // true without knowing Mystery
  EXPECT_EQ(a.get("H")->text, "no");   // false without knowing Mystery
  EXPECT_EQ(a.get("I"), nullptr);
  EXPECT_EQ(t.begin(a.get("A")->span).line, 21u);
}

TEST(TemplateLoaderTest, ResourceWithFalseConditionIsDropped) {
  std::string text = std::string(kConditions) +
                     "Resources:\n"
                     "  DevOnly:\n    Type: AWS::SNS::Topic\n    Condition: IsDev\n"
                     "  ProdOnly:\n    Type: AWS::SNS::Topic\n    Condition: IsProd\n";
  Loaded t("t.yaml", text);
  ASSERT_EQ(t.errors(), "");
  EXPECT_TRUE(t.all("DevOnly").empty());
  ASSERT_TRUE(t.one("ProdOnly"));
  EXPECT_EQ(t.one("ProdOnly")->scenario, "");

  LoadOptions dev;
  dev.parameters["Env"] = "dev";
  Loaded d("t.yaml", text, dev);
  EXPECT_TRUE(d.one("DevOnly"));
  EXPECT_TRUE(d.all("ProdOnly").empty());
}

const char* kUnknownEnv =
    "Parameters:\n"
    "  Env:\n"
    "    Type: String\n"
    "  Key:\n"
    "    Type: String\n"
    "Conditions:\n"
    "  IsProd: !Equals [!Ref Env, prod]\n"
    "  NotProd: !Not [!Condition IsProd]\n"
    "  HasKey: !Not [!Equals [!Ref Key, '']]\n"
    "Resources:\n"
    "  Other:\n"
    "    Type: AWS::KMS::Key\n";

TEST(TemplateLoaderTest, UnknownConditionKeepsBothBranchesAsScenarios) {
  std::string text = std::string(kUnknownEnv) +
                     "  Bucket:\n"
                     "    Type: AWS::S3::Bucket\n"
                     "    Properties:\n"
                     "      Versioning: !If [IsProd, Enabled, Suspended]\n"
                     "      Key: !If [NotProd, none, !GetAtt Other.Arn]\n";
  Loaded t("t.yaml", text);
  ASSERT_EQ(t.errors(), "");
  auto copies = t.all("Bucket");
  ASSERT_EQ(copies.size(), 2u);
  EXPECT_EQ(copies[0]->scenario, "IsProd=true");
  EXPECT_EQ(copies[0]->attributes.get("Versioning")->text, "Enabled");
  // NotProd follows from the assumption about IsProd, so it does not multiply the copies.
  ASSERT_EQ(copies[0]->attributes.get("Key")->refs.size(), 1u);
  EXPECT_EQ(copies[0]->attributes.get("Key")->refs[0], (Reference{"Other", "Arn"}));
  EXPECT_EQ(copies[1]->scenario, "IsProd=false");
  EXPECT_EQ(copies[1]->attributes.get("Versioning")->text, "Suspended");
  EXPECT_EQ(copies[1]->attributes.get("Key")->text, "none");
  ASSERT_EQ(t.all("Other").size(), 1u);
  EXPECT_EQ(t.all("Other")[0]->scenario, "");
}

TEST(TemplateLoaderTest, ScenariosCombineInADeterministicOrder) {
  std::string text = std::string(kUnknownEnv) +
                     "  Bucket:\n"
                     "    Type: AWS::S3::Bucket\n"
                     "    Condition: IsProd\n"
                     "    Properties:\n"
                     "      Key: !If [HasKey, !Ref Key, !Ref AWS::NoValue]\n";
  Loaded t("t.yaml", text);
  ASSERT_EQ(t.errors(), "");
  auto copies = t.all("Bucket");
  ASSERT_EQ(copies.size(), 2u);  // IsProd=false drops the resource
  EXPECT_EQ(copies[0]->scenario, "IsProd=true,HasKey=true");
  EXPECT_TRUE(copies[0]->attributes.get("Key")->is_unknown());
  EXPECT_EQ(copies[1]->scenario, "IsProd=true,HasKey=false");
  EXPECT_EQ(copies[1]->attributes.get("Key"), nullptr);
}

TEST(TemplateLoaderTest, ScenarioBudgetLeavesTheRestUnknown) {
  std::string text = std::string(kUnknownEnv) +
                     "  Bucket:\n"
                     "    Type: AWS::S3::Bucket\n"
                     "    Properties:\n"
                     "      A: !If [IsProd, a, b]\n"
                     "      B: !If [HasKey, !GetAtt Other.Arn, c]\n";
  LoadOptions options;
  options.max_scenarios = 2;
  Loaded t("t.yaml", text, options);
  EXPECT_FALSE(t.result.has_errors()) << t.errors();
  auto copies = t.all("Bucket");
  ASSERT_EQ(copies.size(), 2u);
  EXPECT_EQ(copies[0]->scenario, "IsProd=true");
  const Value* b = copies[0]->attributes.get("B");
  ASSERT_TRUE(b->is_unknown());
  EXPECT_EQ(b->text, "Fn::If HasKey");
  ASSERT_EQ(b->refs.size(), 1u);  // both branches' references are kept
  const model::Diagnostic* d = t.diagnostic("condition scenarios");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->level, model::Diagnostic::Level::kNotEvaluated);

  options.max_scenarios = 16;
  Loaded all("t.yaml", text, options);
  ASSERT_EQ(all.all("Bucket").size(), 4u);
  EXPECT_EQ(all.all("Bucket")[3]->scenario, "IsProd=false,HasKey=false");
}

TEST(TemplateLoaderTest, JsonTemplateSpansGiveTrueLineAndColumn) {
  Loaded t("template.json", read_data("bucket.json"));
  ASSERT_EQ(t.errors(), "");
  const model::Resource* bucket = t.one("DataBucket");
  ASSERT_TRUE(bucket);
  EXPECT_EQ(t.begin(bucket->span).line, 10u);
  EXPECT_EQ(t.begin(bucket->span).column, 5u);
  const Value* sse = bucket->attributes.get("BucketEncryption")
                         ->get("ServerSideEncryptionConfiguration")
                         ->items[0]
                         .get("ServerSideEncryptionByDefault");
  ASSERT_TRUE(sse);
  const Value* algorithm = sse->get("SSEAlgorithm");
  ASSERT_TRUE(algorithm);
  EXPECT_EQ(algorithm->text, "AES256");
  EXPECT_EQ(t.begin(algorithm->span).line, 18u);
  EXPECT_EQ(t.begin(algorithm->span).column, 17u);
  const Value* name = bucket->attributes.get("BucketName");
  EXPECT_EQ(name->text, "gc-data-dev");
  EXPECT_EQ(t.begin(name->span).line, 13u);
  EXPECT_EQ(t.begin(name->span).column, 9u);
  const Value* key = t.one("Queue")->attributes.get("KmsMasterKeyId");
  EXPECT_EQ(key->refs[0], (Reference{"Key", "Arn"}));
  EXPECT_EQ(t.begin(key->span).line, 28u);
}

TEST(TemplateLoaderTest, MalformedTemplatesGivePositionedErrors) {
  struct Case {
    const char* name;
    const char* text;
    const char* message;
    uint32_t line;
  };
  const Case cases[] = {
      {"dup.yaml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n", "duplicate", 4},
      {"dup.json", "{\"Resources\": {\n \"A\": {\"Type\": \"AWS::SNS::Topic\"},\n \"A\": {\"Type\": \"X\"}}}",
       "duplicate key 'A'", 3},
      {"tag.yaml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      X: !Reff y\n", "unknown tag",
       5},
      {"res.yaml", "Resources: [a, b]\n", "Resources must be a mapping", 1},
      {"none.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n", "no Resources", 1},
      {"type.yaml", "Resources:\n  A:\n    Properties: {}\n", "resource 'A' has no Type", 2},
      {"typelist.yaml", "Resources:\n  A:\n    Type: [x]\n", "Type must be", 3},
      {"body.yaml", "Resources:\n  A: 3\n", "must be a mapping with a Type", 2},
      {"root.yaml", "- a\n- b\n", "must be a mapping", 1},
      {"syntax.json", "{\"Resources\": {\n  \"A\": {\"Type\" \"X\"}}}", "expected ':'", 2},
      {"syntax.yaml", "Resources:\n  A: [unclosed\n", "", 0},
      {"cond.yaml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Condition: Nope\n", "undefined condition 'Nope'",
       4},
      {"param.yaml", "Parameters:\n  P: {Default: x}\nResources:\n  A:\n    Type: AWS::SNS::Topic\n", "has no Type", 2},
      {"props.yaml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties: [1]\n", "Properties of 'A'", 4},
      {"output.yaml", "Resources:\n  A:\n    Type: AWS::SNS::Topic\nOutputs:\n  O:\n    Value: !Ref Missing\n",
       "undefined parameter or resource 'Missing'", 6},
      {"cycle.yaml",
       "Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  R:\n    Type: X\n    Condition: A\n",
       "refers to itself", 0},
      {"empty.yaml", "", "empty template", 1},
  };
  for (const Case& c : cases) {
    Loaded t(c.name, c.text);
    EXPECT_TRUE(t.result.has_errors()) << c.name;
    if (!*c.message) continue;
    const model::Diagnostic* d = t.diagnostic(c.message);
    ASSERT_NE(d, nullptr) << c.name << ":\n" << t.errors();
    EXPECT_EQ(d->level, model::Diagnostic::Level::kError) << c.name;
    if (c.line) {
      EXPECT_EQ(t.begin(d->span).line, c.line) << c.name << ":\n" << t.errors();
    }
  }
}

TEST(TemplateLoaderTest, MalformedPartsDoNotStopTheRest) {
  Loaded t("t.yaml",
           "Resources:\n  Bad:\n    Properties: {}\n  Good:\n    Type: AWS::SNS::Topic\n"
           "    Properties:\n      X: !Ref Missing\n      Y: ok\n");
  EXPECT_TRUE(t.result.has_errors());
  ASSERT_TRUE(t.one("Good"));
  EXPECT_EQ(t.one("Good")->attributes.get("Y")->text, "ok");
}

TEST(TemplateLoaderTest, DeepNestingIsAnErrorNotACrash) {
  std::string yaml = "Resources:\n  A:\n    Type: X\n    Properties:\n      P: " + std::string(5000, '[') +
                     std::string(5000, ']') + "\n";
  Loaded y("deep.yaml", yaml);
  EXPECT_TRUE(y.result.has_errors());
  std::string json = "{\"Resources\": {\"A\": {\"Type\": \"X\", \"Properties\": {\"P\": " + std::string(5000, '[') +
                     std::string(5000, ']') + "}}}}";
  Loaded j("deep.json", json);
  EXPECT_TRUE(j.result.has_errors());
}

TEST(TemplateLoaderTest, ParametersAreResourcesAndDeletionPoliciesAreRead) {
  Loaded t("t.yaml",
           "Parameters:\n"
           "  DbPassword:\n"
           "    Type: String\n"
           "    NoEcho: true\n"
           "    Default: secret\n"
           "  Keep:\n"
           "    Type: String\n"
           "    Default: Snapshot\n"
           "Resources:\n"
           "  Volume:\n"
           "    Type: AWS::EC2::Volume\n"
           "    DeletionPolicy: Retain\n"
           "    UpdateReplacePolicy: !Ref Keep\n"
           "  Files:\n"
           "    Type: AWS::EFS::FileSystem\n");
  ASSERT_EQ(t.errors(), "");
  const model::Resource* parameter = t.one("DbPassword");
  ASSERT_TRUE(parameter);
  EXPECT_EQ(parameter->type, "AWS::CloudFormation::Parameter");
  EXPECT_EQ(parameter->address, "Parameters.DbPassword");
  EXPECT_EQ(t.begin(parameter->span).line, 2u);
  EXPECT_EQ(parameter->attributes.get("Default")->text, "secret");
  EXPECT_TRUE(parameter->attributes.get("NoEcho")->boolean);
  const model::Resource* volume = t.one("Volume");
  ASSERT_TRUE(volume);
  EXPECT_EQ(volume->deletion_policy.text, "Retain");
  EXPECT_EQ(t.begin(volume->deletion_policy.span).line, 12u);
  EXPECT_EQ(volume->update_replace_policy.text, "Snapshot");
  const model::Resource* files = t.one("Files");
  ASSERT_TRUE(files);
  EXPECT_TRUE(files->deletion_policy.is_null());
  EXPECT_TRUE(files->update_replace_policy.is_null());

  Loaded unresolved("u.yaml",
                    "Parameters:\n  Keep:\n    Type: String\nResources:\n  Volume:\n    Type: AWS::EC2::Volume\n"
                    "    DeletionPolicy: !Ref Keep\n");
  ASSERT_TRUE(unresolved.one("Volume"));
  EXPECT_TRUE(unresolved.one("Volume")->deletion_policy.is_unknown());
}

TEST(TemplateLoaderTest, OtherTransformsAreReported) {
  Loaded t("t.yaml", "Transform: MyMacro\nResources:\n  A:\n    Type: AWS::SNS::Topic\n");
  const model::Diagnostic* d = t.diagnostic("transform 'MyMacro' is not expanded");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->level, model::Diagnostic::Level::kWarning);
  EXPECT_TRUE(t.one("A"));

  Loaded ext("t.yaml",
             "Transform: AWS::LanguageExtensions\nResources:\n  A:\n    Type: AWS::SNS::Topic\n"
             "  Fn::ForEach::Topics:\n    - Name\n    - [a, b]\n    - Topic${Name}:\n        Type: AWS::SNS::Topic\n");
  EXPECT_FALSE(ext.result.has_errors()) << ext.errors();
  EXPECT_EQ(ext.result.diagnostics.size(), 1u) << ext.errors();
  const model::Diagnostic* each = ext.diagnostic("Fn::ForEach is not expanded");
  ASSERT_NE(each, nullptr);
  EXPECT_EQ(ext.begin(each->span).line, 5u);
  EXPECT_EQ(ext.result.resources.size(), 1u);
}

}  // namespace
}  // namespace gclint::cloudformation

namespace gclint::cloudformation {
namespace {

// Every prefix and many one-byte corruptions of real templates: diagnostics, never a crash or a hang.
TEST(TemplateLoaderRobustnessTest, CorruptedTemplatesNeverCrash) {
  for (const char* name : {"sam.yaml", "bucket.json"}) {
    const std::string text = read_data(name);
    ASSERT_FALSE(text.empty()) << name;
    bool json = std::string(name).ends_with(".json");
    for (size_t cut = 0; cut < text.size(); cut += 7) {
      testing::Loaded t(name, text.substr(0, cut));
      if (json) {
        EXPECT_TRUE(t.result.has_errors()) << name << " cut at " << cut;
      }
    }
    for (size_t at = 0; at < text.size(); at += 13) {
      for (char c : {'{', '!', ':', '"', '\0', '-', '['}) {
        std::string broken = text;
        broken[at] = c;
        testing::Loaded t(name, broken);
        for (const auto& d : t.result.diagnostics) {
          EXPECT_LE(d.span.begin, broken.size()) << name << " @" << at;
        }
      }
    }
  }
}

}  // namespace
}  // namespace gclint::cloudformation
