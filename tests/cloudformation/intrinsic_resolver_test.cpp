#include "cloudformation/intrinsic_resolver.h"

#include <gtest/gtest.h>

#include "cloudformation/cfn_test_support.h"

namespace gclint::cloudformation {
namespace {

using model::Reference;
using model::Value;
using testing::Loaded;

// A template whose resource R has Properties `props` (YAML, indented by 6), after `header` sections.
std::string with_props(const std::string& header, const std::string& props) {
  return header +
         "Resources:\n  Other:\n    Type: AWS::S3::Bucket\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n" + props;
}

const Value& prop(const Loaded& t, const std::string& key) {
  static const Value kMissing = Value::unknown("(missing)");
  const model::Resource* r = t.one("R");
  if (!r) return kMissing;
  const Value* v = r->attributes.get(key);
  return v ? *v : kMissing;
}

TEST(IntrinsicResolverTest, RefToParameterUsesDefaultOrOverride) {
  std::string text =
      with_props("Parameters:\n  Name:\n    Type: String\n    Default: logs\n", "      BucketName: !Ref Name\n");
  Loaded t("t.yaml", text);
  ASSERT_EQ(t.errors(), "");
  const Value& v = prop(t, "BucketName");
  ASSERT_TRUE(v.is_string());
  EXPECT_EQ(v.text, "logs");
  EXPECT_EQ(t.begin(v.span).line, 11u);
  EXPECT_EQ(t.begin(v.span).column, 7u);
  EXPECT_EQ(t.begin(v.origin).line, 4u);

  LoadOptions options;
  options.parameters["Name"] = "audit";
  Loaded o("t.yaml", text, options);
  EXPECT_EQ(prop(o, "BucketName").text, "audit");
}

TEST(IntrinsicResolverTest, ParameterWithoutValueIsUnknown) {
  Loaded t("t.yaml", with_props("Parameters:\n  Name:\n    Type: String\n", "      BucketName: !Ref Name\n"));
  ASSERT_EQ(t.errors(), "");
  const Value& v = prop(t, "BucketName");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(v.text, "Parameters.Name");
}

TEST(IntrinsicResolverTest, AllowedValuesAreChecked) {
  std::string text =
      with_props("Parameters:\n  Env:\n    Type: String\n    Default: dev\n    AllowedValues: [dev, prod]\n",
                 "      BucketName: !Ref Env\n");
  LoadOptions options;
  options.parameters["Env"] = "staging";
  Loaded bad("t.yaml", text, options);
  ASSERT_NE(bad.diagnostic("not in AllowedValues"), nullptr) << bad.errors();
  options.parameters["Env"] = "prod";
  Loaded good("t.yaml", text, options);
  EXPECT_EQ(good.errors(), "");
}

TEST(IntrinsicResolverTest, ListParametersBecomeLists) {
  Loaded t("t.yaml", with_props("Parameters:\n  Cidrs:\n    Type: CommaDelimitedList\n    Default: 'a, b'\n",
                                "      L: !Ref Cidrs\n      N: !Select [1, !Ref Cidrs]\n"));
  ASSERT_EQ(t.errors(), "");
  ASSERT_TRUE(prop(t, "L").is_list());
  EXPECT_EQ(prop(t, "L").items.size(), 2u);
  EXPECT_EQ(prop(t, "N").text, "b");
}

TEST(IntrinsicResolverTest, SsmParameterTypesStayUnknown) {
  Loaded t("t.yaml", with_props("Parameters:\n  Ami:\n    Type: AWS::SSM::Parameter::Value<String>\n"
                                "    Default: /aws/ami\n",
                                "      Image: !Ref Ami\n"));
  EXPECT_TRUE(prop(t, "Image").is_unknown());
}

TEST(IntrinsicResolverTest, PseudoParameters) {
  std::string props =
      "      Region: !Ref AWS::Region\n      Account: !Ref AWS::AccountId\n      Partition: !Ref AWS::Partition\n"
      "      Suffix: !Ref AWS::URLSuffix\n      Stack: !Ref AWS::StackName\n";
  Loaded t("t.yaml", with_props("", props));
  ASSERT_EQ(t.errors(), "");
  EXPECT_TRUE(prop(t, "Region").is_unknown());
  EXPECT_EQ(prop(t, "Region").text, "AWS::Region");
  EXPECT_TRUE(prop(t, "Account").is_unknown());
  EXPECT_EQ(prop(t, "Partition").text, "aws");
  EXPECT_EQ(prop(t, "Suffix").text, "amazonaws.com");
  EXPECT_TRUE(prop(t, "Stack").is_unknown());
  EXPECT_TRUE(t.one("R")->region.is_unknown());

  LoadOptions options;
  options.region = "ap-northeast-1";
  options.account_id = "123456789012";
  Loaded k("t.yaml", with_props("", props), options);
  EXPECT_EQ(prop(k, "Region").text, "ap-northeast-1");
  EXPECT_EQ(prop(k, "Account").text, "123456789012");
  EXPECT_EQ(k.one("R")->region.text, "ap-northeast-1");
}

TEST(IntrinsicResolverTest, NoValueRemovesKeysAndItems) {
  Loaded t("t.yaml", with_props("", "      A: !Ref AWS::NoValue\n      B: [x, !Ref AWS::NoValue, y]\n      C: 1\n"));
  ASSERT_EQ(t.errors(), "");
  const model::Resource* r = t.one("R");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->attributes.get("A"), nullptr);
  ASSERT_EQ(r->attributes.get("B")->items.size(), 2u);
  EXPECT_EQ(r->attributes.get("B")->items[1].text, "y");
}

TEST(IntrinsicResolverTest, RefAndGetAttToResourcesAreReferences) {
  Loaded t("t.yaml", with_props("",
                                "      A: !Ref Other\n      B: !GetAtt Other.Arn\n"
                                "      C: !GetAtt [Other, DomainName]\n      D: !GetAtt Other.Endpoint.Address\n"
                                "      E:\n        Fn::GetAtt: Other.Arn\n"));
  ASSERT_EQ(t.errors(), "");
  ASSERT_EQ(prop(t, "A").refs.size(), 1u);
  EXPECT_EQ(prop(t, "A").refs[0], (Reference{"Other", ""}));
  EXPECT_TRUE(prop(t, "A").is_unknown());
  EXPECT_EQ(prop(t, "B").refs[0], (Reference{"Other", "Arn"}));
  EXPECT_EQ(prop(t, "C").refs[0], (Reference{"Other", "DomainName"}));
  EXPECT_EQ(prop(t, "D").refs[0], (Reference{"Other", "Endpoint.Address"}));
  EXPECT_EQ(prop(t, "E").refs[0], (Reference{"Other", "Arn"}));
}

TEST(IntrinsicResolverTest, SubSubstitutesKnownPartsAndCollectsReferences) {
  LoadOptions options;
  options.region = "ap-northeast-1";
  std::string props =
      "      A: !Sub 'logs-${Name}-${AWS::Region}'\n"
      "      B: !Sub '${Other.Arn}/*'\n"
      "      C: !Sub 'literal ${!Name}'\n"
      "      D: !Sub ['${X}-${Name}', {X: !Ref Other}]\n"
      "      E: !Sub ['${X}', {X: fixed}]\n";
  Loaded t("t.yaml", with_props("Parameters:\n  Name:\n    Type: String\n    Default: app\n", props), options);
  ASSERT_EQ(t.errors(), "");
  EXPECT_EQ(prop(t, "A").text, "logs-app-ap-northeast-1");
  EXPECT_TRUE(prop(t, "A").is_string());
  EXPECT_TRUE(prop(t, "B").is_unknown());
  EXPECT_EQ(prop(t, "B").refs[0], (Reference{"Other", "Arn"}));
  EXPECT_EQ(prop(t, "C").text, "literal ${Name}");
  EXPECT_TRUE(prop(t, "D").is_unknown());
  EXPECT_EQ(prop(t, "D").refs[0], (Reference{"Other", ""}));
  EXPECT_EQ(prop(t, "E").text, "fixed");

  Loaded u("t.yaml", with_props("", "      A: !Sub 'arn:aws:s3:::${AWS::Region}'\n"));
  EXPECT_TRUE(prop(u, "A").is_unknown());
  EXPECT_EQ(prop(u, "A").text, "AWS::Region");
}

TEST(IntrinsicResolverTest, JoinSelectSplitBase64Length) {
  std::string props =
      "      J: !Join ['-', [a, b, 3]]\n"
      "      JU: !Join ['-', [a, !Ref Other]]\n"
      "      S: !Select [1, [x, y, z]]\n"
      "      SS: !Select ['0', !Split [',', 'p,q']]\n"
      "      SP: !Split [',', 'a,,b']\n"
      "      B: !Base64 'hello'\n"
      "      L: {'Fn::Length': [1, 2, 3]}\n"
      "      T: {'Fn::ToJsonString': {a: [1, true]}}\n";
  Loaded t("t.yaml", with_props("", props));
  ASSERT_EQ(t.errors(), "");
  EXPECT_EQ(prop(t, "J").text, "a-b-3");
  EXPECT_TRUE(prop(t, "JU").is_unknown());
  EXPECT_EQ(prop(t, "JU").refs[0], (Reference{"Other", ""}));
  EXPECT_EQ(prop(t, "S").text, "y");
  EXPECT_EQ(prop(t, "SS").text, "p");
  ASSERT_EQ(prop(t, "SP").items.size(), 3u);
  EXPECT_EQ(prop(t, "SP").items[1].text, "");
  EXPECT_EQ(prop(t, "B").text, "aGVsbG8=");
  EXPECT_EQ(prop(t, "L").number, 3);
  EXPECT_EQ(prop(t, "T").text, "{\"a\":[1,true]}");
}

TEST(IntrinsicResolverTest, CidrIsComputedForIpv4) {
  Loaded t("t.yaml",
           with_props("",
                      "      C: !Cidr ['10.0.0.0/16', 3, 8]\n      S: !Select [2, !Cidr ['10.0.0.0/16', 3, 8]]\n"
                      "      V6: !Cidr ['2001:db8::/56', 2, 64]\n"));
  ASSERT_EQ(t.errors(), "");
  ASSERT_EQ(prop(t, "C").items.size(), 3u);
  EXPECT_EQ(prop(t, "C").items[0].text, "10.0.0.0/24");
  EXPECT_EQ(prop(t, "C").items[1].text, "10.0.1.0/24");
  EXPECT_EQ(prop(t, "S").text, "10.0.2.0/24");
  EXPECT_TRUE(prop(t, "V6").is_unknown());

  Loaded bad("t.yaml", with_props("", "      C: !Cidr ['10.0.0.0/24', 4, 8]\n"));
  EXPECT_NE(bad.diagnostic("cannot hold"), nullptr) << bad.errors();
}

TEST(IntrinsicResolverTest, GetAzsAndImportValueAreUnknown) {
  LoadOptions options;
  options.region = "ap-northeast-1";
  Loaded t("t.yaml", with_props("", "      A: !Select [0, !GetAZs '']\n      I: !ImportValue shared-vpc\n"), options);
  ASSERT_EQ(t.errors(), "");
  EXPECT_TRUE(prop(t, "A").is_unknown());
  EXPECT_TRUE(prop(t, "I").is_unknown());
  EXPECT_EQ(prop(t, "I").text, "Fn::ImportValue shared-vpc");
}

TEST(IntrinsicResolverTest, FindInMapWithDefaultValue) {
  std::string header =
      "Parameters:\n  Env:\n    Type: String\n    Default: prod\n"
      "Mappings:\n  Sizes:\n    prod:\n      Type: large\n";
  std::string props =
      "      A: !FindInMap [Sizes, !Ref Env, Type]\n"
      "      B: !FindInMap [Sizes, dev, Type, {DefaultValue: small}]\n";
  Loaded t("t.yaml", with_props(header, props));
  ASSERT_EQ(t.errors(), "");
  EXPECT_EQ(prop(t, "A").text, "large");
  EXPECT_EQ(t.begin(prop(t, "A").origin).line, 8u);
  EXPECT_EQ(prop(t, "B").text, "small");

  Loaded missing("t.yaml", with_props(header, "      A: !FindInMap [Sizes, dev, Type]\n"));
  EXPECT_NE(missing.diagnostic("Fn::FindInMap: Mappings has no Sizes/dev/Type"), nullptr) << missing.errors();
  EXPECT_TRUE(prop(missing, "A").is_unknown());
}

TEST(IntrinsicResolverTest, ResolvedValuesKeepTheExpressionSpan) {
  Loaded t("t.yaml", with_props("", "      A: !Join\n        - ''\n        - [a, b]\n"));
  const Value& v = prop(t, "A");
  EXPECT_EQ(v.text, "ab");
  EXPECT_EQ(t.begin(v.span).line, 7u);
  EXPECT_EQ(t.begin(v.span).column, 7u);
}

TEST(IntrinsicResolverTest, WrongArityIsAnError) {
  const char* cases[] = {
      "      A: !Join [only-one]\n", "      A: !Select [1]\n",           "      A: !GetAtt Other\n",
      "      A: !If [C, 1]\n",       "      A: !Split [',']\n",          "      A: !FindInMap [M, a]\n",
      "      A: !Sub [a, b, c]\n",   "      A: !Cidr ['10.0.0.0/16']\n", "      A: {Ref: [x]}\n",
      "      A: {'Fn::Bogus': 1}\n", "      A: !Select [1e300, [a]]\n",  "      A: !Select [0.5, [a]]\n",
  };
  for (const char* props : cases) {
    Loaded t("t.yaml", with_props("Conditions:\n  C: !Equals [a, a]\n", props));
    EXPECT_TRUE(t.result.has_errors()) << props;
    EXPECT_TRUE(prop(t, "A").is_unknown()) << props;
    for (const auto& d : t.result.diagnostics) {
      EXPECT_EQ(t.begin(d.span).line, 9u) << props << t.errors();
    }
  }
}

TEST(IntrinsicResolverTest, RefToMissingNameIsAnErrorAtTheName) {
  Loaded t("t.yaml", with_props("", "      A: !Ref Nowhere\n      B: !GetAtt Nowhere.Arn\n      C: !Sub '${Gone}'\n"));
  const model::Diagnostic* d = t.diagnostic("undefined parameter or resource 'Nowhere'");
  ASSERT_NE(d, nullptr) << t.errors();
  EXPECT_EQ(t.begin(d->span).line, 7u);
  EXPECT_EQ(t.begin(d->span).column, 10u);  // the tagged node `!Ref Nowhere`
  EXPECT_NE(t.diagnostic("Fn::GetAtt refers to undefined resource 'Nowhere'"), nullptr);
  EXPECT_NE(t.diagnostic("'Gone'"), nullptr);
}

TEST(IntrinsicResolverTest, CollectRefsDeduplicates) {
  Value v = Value::list();
  v.push(Value::reference(Reference{"A", "Arn"}));
  v.push(Value::reference(Reference{"A", "Arn"}));
  v.push(Value::reference(Reference{"B", ""}));
  model::References refs;
  collect_refs(v, refs);
  EXPECT_EQ(refs.size(), 2u);
}

}  // namespace
}  // namespace gclint::cloudformation
