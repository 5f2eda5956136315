// YAML read throughput: the fast reader's events against yaml-cpp's parser on the same CloudFormation-style text,
// and read_yaml (events into Values with spans) as the front ends call it.
//
//   gclint_yaml_read_bench                                  built-in template of about 200 KB
//   GCLINT_BENCH_YAML=/path/to/file.yaml gclint_yaml_read_bench   one real file instead
#include <benchmark/benchmark.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/source_set.h"
#include "syntax/yaml_fast_events.h"
#include "syntax/yaml_reader.h"

namespace {

// Resources in the shapes templates take: short-form intrinsics, flow sequences and maps, tags lists, block scalars
// (UserData, policies), quoted strings and comments. Names vary so that no two resources are identical.
std::string template_text(size_t target_bytes) {
  std::string out =
      "AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: Benchmark template\n"
      "Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, stg, prod]\n"
      "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n";
  for (int i = 0; out.size() < target_bytes; ++i) {
    std::string n = std::to_string(i);
    out += "  # Storage for unit " + n + "\n";
    out += "  Bucket" + n + ":\n    Type: AWS::S3::Bucket\n    DeletionPolicy: Retain\n    Properties:\n" +
           "      BucketName: !Sub \"${AWS::StackName}-unit-" + n + "-data\"\n" +
           "      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n" +
           "          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n" +
           "              KMSMasterKeyID: !GetAtt [Key" + n + ", Arn]\n            BucketKeyEnabled: true\n" +
           "      Tags:\n        - {Key: Unit, Value: unit-" + n + "}\n        - Key: Env\n          Value: !Ref Env\n";
    out += "  Key" + n + ":\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n" +
           "      KeyPolicy:\n        Version: \"2012-10-17\"\n        Statement:\n          - Sid: Root\n" +
           "            Effect: Allow\n            Principal: {AWS: !Sub \"arn:aws:iam::${AWS::AccountId}:root\"}\n" +
           "            Action: \"kms:*\"\n            Resource: \"*\"\n";
    out += "  Instance" + n + ":\n    Type: AWS::EC2::Instance\n    Condition: IsProd\n    Properties:\n" +
           "      InstanceType: !If [IsProd, m5.large, t3.medium]\n      UserData:\n        Fn::Base64: !Sub |\n" +
           "          #!/bin/bash\n          echo \"unit " + n + " ${Env}\" > /etc/motd\n" +
           "          yum install -y amazon-cloudwatch-agent\n";
  }
  return out;
}

const std::string& input() {
  static const std::string text = [] {
    if (const char* path = std::getenv("GCLINT_BENCH_YAML")) {
      std::ifstream in(path, std::ios::binary);
      if (!in) throw std::runtime_error(std::string("cannot read ") + path);
      std::ostringstream s;
      s << in.rdbuf();
      return s.str();
    }
    return template_text(200 * 1024);
  }();
  return text;
}

class NoHandler : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

void BM_YamlEventsFast(benchmark::State& state) {
  if (!gclint::syntax::fast_yaml_events(input())) {
    state.SkipWithError("the fast reader declined the input");
    return;
  }
  for (auto _ : state) {
    auto events = gclint::syntax::fast_yaml_events(input());
    benchmark::DoNotOptimize(events);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(input().size()));
}
BENCHMARK(BM_YamlEventsFast)->Unit(benchmark::kMillisecond);

void BM_YamlEventsYamlCpp(benchmark::State& state) {
  for (auto _ : state) {
    std::istringstream in(input());
    YAML::Parser parser(in);
    NoHandler handler;
    while (parser.HandleNextDocument(handler)) {
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(input().size()));
}
BENCHMARK(BM_YamlEventsYamlCpp)->Unit(benchmark::kMillisecond);

// What the CloudFormation and Kubernetes front ends call: events into Values with spans.
void BM_ReadYaml(benchmark::State& state) {
  gclint::model::SourceFile file(0, "bench.yaml", input());
  for (auto _ : state) {
    std::vector<gclint::model::Diagnostic> diagnostics;
    auto documents = gclint::syntax::read_yaml(file, diagnostics);
    benchmark::DoNotOptimize(documents);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(input().size()));
}
BENCHMARK(BM_ReadYaml)->Unit(benchmark::kMillisecond);

}  // namespace
