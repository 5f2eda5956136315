#include "cloudformation/sam_expander.h"

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

class SamExpanderTest : public ::testing::Test {
 protected:
  static LoadOptions options() {
    LoadOptions o;
    o.region = "ap-northeast-1";
    return o;
  }
  Loaded t{"sam.yaml", read_data("sam.yaml"), options()};
};

TEST_F(SamExpanderTest, FunctionBecomesLambdaFunctionWithGlobalsMerged) {
  ASSERT_EQ(t.errors(), "");
  const model::Resource* fn = t.one("Handler");
  ASSERT_TRUE(fn);
  EXPECT_EQ(fn->type, "AWS::Lambda::Function");
  EXPECT_EQ(t.begin(fn->span).line, 12u);
  const Value& a = fn->attributes;
  EXPECT_EQ(a.get("Runtime")->text, "python3.12");
  EXPECT_EQ(t.begin(a.get("Runtime")->span).line, 5u);  // written in Globals
  EXPECT_EQ(a.get("Handler")->text, "app.handler");
  EXPECT_EQ(a.get("Code")->get("S3Bucket")->text, "artifacts");
  EXPECT_EQ(a.get("Code")->get("S3Key")->text, "handler.zip");
  const Value* variables = a.get("Environment")->get("Variables");
  EXPECT_EQ(variables->get("LEVEL")->text, "debug");
  EXPECT_EQ(variables->get("STAGE")->text, "prod");
  EXPECT_EQ(a.get("KmsKeyArn")->refs[0], (Reference{"Key", "Arn"}));
  EXPECT_EQ(t.begin(a.get("KmsKeyArn")->span).line, 20u);
  EXPECT_EQ(a.get("Role")->refs[0], (Reference{"HandlerRole", "Arn"}));
  EXPECT_TRUE(fn->metadata.get("gclint"));
  bool tier = false;
  for (const auto& [k, v] : fn->tags) tier |= k == "gc-tier" && v == "internet";
  EXPECT_TRUE(tier);
}

TEST_F(SamExpanderTest, FunctionWithoutRoleGetsAnExecutionRole) {
  const model::Resource* role = t.one("HandlerRole");
  ASSERT_TRUE(role);
  EXPECT_EQ(role->type, "AWS::IAM::Role");
  EXPECT_EQ(t.begin(role->span).line, 12u);
  const Value* managed = role->attributes.get("ManagedPolicyArns");
  ASSERT_TRUE(managed && managed->is_list());
  ASSERT_EQ(managed->items.size(), 2u);
  EXPECT_EQ(managed->items[0].text, "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
  EXPECT_EQ(managed->items[1].text, "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
  const Value* policies = role->attributes.get("Policies");
  ASSERT_TRUE(policies && policies->items.size() == 2u);
  EXPECT_EQ(policies->items[0].get("PolicyDocument")->get("Statement")->items[0].get("Action")->text,
            "sqs:SendMessage");
  EXPECT_TRUE(policies->items[1].get("PolicyDocument")->is_unknown());
  const Value* principal =
      role->attributes.get("AssumeRolePolicyDocument")->get("Statement")->items[0].get("Principal");
  EXPECT_EQ(principal->get("Service")->items[0].text, "lambda.amazonaws.com");

  EXPECT_TRUE(t.one("Worker"));
  EXPECT_TRUE(t.all("WorkerRole").empty());
  EXPECT_EQ(t.one("Worker")->attributes.get("Code")->get("ZipFile")->text, "print(1)");
}

TEST_F(SamExpanderTest, FunctionUrlConfigBecomesLambdaUrl) {
  const model::Resource* url = t.one("HandlerUrl");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->type, "AWS::Lambda::Url");
  EXPECT_EQ(url->attributes.get("AuthType")->text, "NONE");
  EXPECT_EQ(t.begin(url->attributes.get("AuthType")->span).line, 33u);
  EXPECT_EQ(url->attributes.get("TargetFunctionArn")->refs[0], (Reference{"Handler", ""}));
}

TEST_F(SamExpanderTest, ApisBecomeApiAndStage) {
  const model::Resource* rest = t.one("Rest");
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->type, "AWS::ApiGateway::RestApi");
  EXPECT_EQ(rest->attributes.get("EndpointConfiguration")->get("Types")->items[0].text, "REGIONAL");
  const model::Resource* stage = t.one("RestprodStage");
  ASSERT_TRUE(stage);
  EXPECT_EQ(stage->type, "AWS::ApiGateway::Stage");
  EXPECT_TRUE(stage->attributes.get("TracingEnabled")->boolean);
  EXPECT_EQ(stage->attributes.get("RestApiId")->refs[0], (Reference{"Rest", ""}));

  const model::Resource* http = t.one("Http");
  ASSERT_TRUE(http);
  EXPECT_EQ(http->type, "AWS::ApiGatewayV2::Api");
  const model::Resource* http_stage = t.one("HttpApiGatewayDefaultStage");
  ASSERT_TRUE(http_stage);
  EXPECT_EQ(http_stage->type, "AWS::ApiGatewayV2::Stage");
  EXPECT_EQ(http_stage->attributes.get("StageName")->text, "$default");
  EXPECT_EQ(t.begin(http_stage->span).line, 50u);
}

TEST_F(SamExpanderTest, SimpleTableStateMachineAndLayer) {
  const model::Resource* table = t.one("Table");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->type, "AWS::DynamoDB::Table");
  EXPECT_EQ(table->attributes.get("KeySchema")->items[0].get("AttributeName")->text, "pk");
  EXPECT_EQ(table->attributes.get("AttributeDefinitions")->items[0].get("AttributeType")->text, "N");
  EXPECT_EQ(table->attributes.get("BillingMode")->text, "PAY_PER_REQUEST");
  EXPECT_TRUE(table->attributes.get("SSESpecification")->get("SSEEnabled")->boolean);

  const model::Resource* flow = t.one("Flow");
  ASSERT_TRUE(flow);
  EXPECT_EQ(flow->type, "AWS::StepFunctions::StateMachine");
  EXPECT_EQ(flow->attributes.get("LoggingConfiguration")->get("Level")->text, "ALL");
  EXPECT_EQ(flow->attributes.get("RoleArn")->refs[0], (Reference{"FlowRole", "Arn"}));
  const model::Resource* flow_role = t.one("FlowRole");
  ASSERT_TRUE(flow_role);
  EXPECT_EQ(flow_role->attributes.get("AssumeRolePolicyDocument")
                ->get("Statement")
                ->items[0]
                .get("Principal")
                ->get("Service")
                ->items[0]
                .text,
            "states.amazonaws.com");

  const model::Resource* layer = t.one("Layer");
  ASSERT_TRUE(layer);
  EXPECT_EQ(layer->type, "AWS::Lambda::LayerVersion");
  EXPECT_EQ(layer->attributes.get("Content")->get("S3Bucket")->text, "layers");
}

TEST_F(SamExpanderTest, NoServerlessTypeRemains) {
  for (const auto& r : t.result.resources) {
    EXPECT_FALSE(r.type.starts_with("AWS::Serverless::")) << r.name;
  }
  EXPECT_EQ(t.result.resources.size(), 13u);
}

TEST(SamExpanderStandaloneTest, WithoutTheTransformNothingIsExpanded) {
  Loaded t("t.yaml", "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: x}\n");
  ASSERT_TRUE(t.one("F"));
  EXPECT_EQ(t.one("F")->type, "AWS::Serverless::Function");
}

TEST(SamExpanderStandaloneTest, WrittenResourceWinsOverAGeneratedOne) {
  Loaded t("t.yaml",
           "Transform: [AWS::Serverless-2016-10-31]\nResources:\n  F:\n    Type: AWS::Serverless::Function\n"
           "    Properties: {Handler: x, InlineCode: y}\n  FRole:\n    Type: AWS::IAM::Role\n"
           "    Properties: {Path: /mine/}\n");
  ASSERT_EQ(t.all("FRole").size(), 1u);
  EXPECT_EQ(t.one("FRole")->attributes.get("Path")->text, "/mine/");
  EXPECT_NE(t.diagnostic("already defines"), nullptr);
}

TEST(SamExpanderStandaloneTest, ConditionsCarryOverToGeneratedResources) {
  Loaded t("t.yaml",
           "Transform: AWS::Serverless-2016-10-31\nConditions:\n  Never: !Equals [a, b]\nResources:\n"
           "  F:\n    Type: AWS::Serverless::Function\n    Condition: Never\n    Properties: {Handler: x}\n");
  EXPECT_EQ(t.errors(), "");
  EXPECT_TRUE(t.result.resources.empty());
}

}  // namespace
}  // namespace gclint::cloudformation
