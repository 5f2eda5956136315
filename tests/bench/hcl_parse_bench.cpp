// HCL parse throughput: the hand-written parser against tree-sitter on the same realistic module text.
//
//   gclint_hcl_parse_bench                              built-in module of about 200 KB
//   GCLINT_BENCH_TF=/path/to/file.tf gclint_hcl_parse_bench   one real file instead
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/source_set.h"
#include "terraform/hcl_fast_parser.h"
#include "terraform/hcl_parser.h"
#include "terraform/hcl_tree_sitter_parser.h"

namespace {

using gclint::model::Diagnostic;
using gclint::model::SourceFile;

// Resource blocks in the shapes module code takes: tags maps, jsonencode policies, dynamic blocks, for_each and
// count, conditionals, splats, heredocs, templates and comments. Names vary so that no two blocks are identical.
std::string module_text(size_t target_bytes) {
  std::string out;
  out.reserve(target_bytes + 4096);
  out +=
      "terraform {\n  required_version = \">= 1.5\"\n  required_providers {\n    aws = {\n"
      "      source  = \"hashicorp/aws\"\n      version = \"~> 5.0\"\n    }\n  }\n}\n\n";
  for (int i = 0; out.size() < target_bytes; ++i) {
    std::string n = std::to_string(i);
    out += "# Storage for unit " + n + ".\n";
    out += "variable \"unit_" + n +
           "_cidrs\" {\n  type        = list(string)\n  description = \"CIDR blocks for unit " + n +
           "\"\n  default     = [\"10." + n + ".0.0/16\", \"10." + n + ".1.0/24\"]\n}\n\n";
    out += "locals {\n  unit_" + n + "_name = \"${var.prefix}-unit-" + n + "\"\n  unit_" + n +
           "_tags = merge(var.common_tags, {\n    Unit        = \"unit-" + n +
           "\"\n    Environment = var.environment\n    CostCenter  = lookup(var.cost_centers, \"unit-" + n +
           "\", \"shared\")\n  })\n  unit_" + n +
           "_subnets = [for s in aws_subnet.private : s.id if s.tags[\"Tier\"] == \"app\"]\n}\n\n";
    out += "resource \"aws_s3_bucket\" \"unit_" + n + "\" {\n  bucket        = \"${local.unit_" + n +
           "_name}-data\"\n  force_destroy = var.environment != \"production\"\n  tags          = local.unit_" + n +
           "_tags\n}\n\n";
    out += "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"unit_" + n +
           "\" {\n  bucket = aws_s3_bucket.unit_" + n +
           ".id\n\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = \"aws:kms\"\n"
           "      kms_master_key_id = aws_kms_key.unit_" +
           n + ".arn\n    }\n    bucket_key_enabled = true\n  }\n}\n\n";
    out += "resource \"aws_kms_key\" \"unit_" + n + "\" {\n  description             = \"unit " + n +
           " data key\"\n  enable_key_rotation     = true\n  deletion_window_in_days = 30\n"
           "  policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [\n      {\n"
           "        Sid       = \"RootAccess\"\n        Effect    = \"Allow\"\n"
           "        Principal = { AWS = \"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root\" }\n"
           "        Action    = \"kms:*\"\n        Resource  = \"*\"\n      },\n    ]\n  })\n}\n\n";
    out +=
        "resource \"aws_security_group\" \"unit_" + n + "\" {\n  name   = \"unit-" + n +
        "-app\"\n  vpc_id = var.vpc_id\n\n  dynamic \"ingress\" {\n    for_each = var.ingress_rules\n"
        "    content {\n      from_port   = ingress.value.port\n      to_port     = ingress.value.port\n"
        "      protocol    = \"tcp\"\n      cidr_blocks = var.unit_" +
        n +
        "_cidrs\n"
        "      description = ingress.value.description != null ? ingress.value.description : \"rule ${ingress.key}\"\n"
        "    }\n  }\n\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = \"-1\"\n"
        "    cidr_blocks = [\"0.0.0.0/0\"] # internet egress through the NAT\n  }\n}\n\n";
    out += "resource \"aws_instance\" \"unit_" + n +
           "\" {\n  count         = var.instance_count > 0 ? var.instance_count : 1\n"
           "  ami           = data.aws_ami.base.id\n  instance_type = var.large ? \"m5.2xlarge\" : \"t3.medium\"\n"
           "  subnet_id     = element(local.unit_" +
           n + "_subnets, count.index % length(local.unit_" + n +
           "_subnets))\n  vpc_security_group_ids = [aws_security_group.unit_" + n +
           ".id]\n"
           "  user_data = <<-EOT\n    #!/bin/bash\n    echo \"unit " +
           n +
           " ${var.environment}\" > /etc/motd\n"
           "    %{ for pkg in var.packages ~}\n    yum install -y ${pkg}\n    %{ endfor ~}\n  EOT\n\n"
           "  metadata_options {\n    http_tokens = \"required\"\n  }\n  tags = merge(local.unit_" +
           n + "_tags, { Name = \"unit-" + n + "-${count.index + 1}\" })\n}\n\n";
    out += "output \"unit_" + n + "_instance_ids\" {\n  value = aws_instance.unit_" + n +
           "[*].id\n}\n\noutput \"unit_" + n + "_by_az\" {\n  value = { for i in aws_instance.unit_" + n +
           " : i.availability_zone => i.id... }\n}\n\n";
  }
  return out;
}

const std::string& input() {
  static const std::string text = [] {
    if (const char* path = std::getenv("GCLINT_BENCH_TF")) {
      std::ifstream in(path, std::ios::binary);
      if (!in) throw std::runtime_error(std::string("cannot read ") + path);
      std::ostringstream s;
      s << in.rdbuf();
      return s.str();
    }
    return module_text(200 * 1024);
  }();
  return text;
}

void BM_ParseHclFast(benchmark::State& state) {
  SourceFile file(0, "bench.tf", input());
  if (!gclint::terraform::parse_hcl_fast(file)) {
    state.SkipWithError("the fast parser gave up on the input");
    return;
  }
  for (auto _ : state) {
    auto parsed = gclint::terraform::parse_hcl_fast(file);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(file.content().size()));
}
BENCHMARK(BM_ParseHclFast)->Unit(benchmark::kMillisecond);

void BM_ParseHclTreeSitter(benchmark::State& state) {
  SourceFile file(0, "bench.tf", input());
  for (auto _ : state) {
    std::vector<Diagnostic> diags;
    auto parsed = gclint::terraform::parse_hcl_tree_sitter(file, diags);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(file.content().size()));
}
BENCHMARK(BM_ParseHclTreeSitter)->Unit(benchmark::kMillisecond);

// What the Terraform front end calls: the fast path, tree-sitter only after a syntax error.
void BM_ParseHcl(benchmark::State& state) {
  SourceFile file(0, "bench.tf", input());
  for (auto _ : state) {
    std::vector<Diagnostic> diags;
    auto parsed = gclint::terraform::parse_hcl(file, diags);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(file.content().size()));
}
BENCHMARK(BM_ParseHcl)->Unit(benchmark::kMillisecond);

}  // namespace
