// Terraform evaluation against parsing: a root module calling a local module, with variables, locals, count,
// for_each, dynamic blocks and references between resources, loaded by load_root_module (parse and evaluate) and
// parsed alone (parse_only) from the same files.
//
//   gclint_terraform_eval_bench      about 100 resources per module file, written to a temporary directory
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "model/source_set.h"
#include "terraform/module_loader.h"

namespace {
namespace fs = std::filesystem;

std::string module_text(int units) {
  std::string out =
      "variable \"prefix\" { type = string }\nvariable \"subnet_ids\" { type = list(string) }\n"
      "variable \"tags\" {\n  type    = map(string)\n  default = {}\n}\n"
      "variable \"ports\" {\n  type    = list(number)\n  default = [443, 8443]\n}\n";
  for (int i = 0; i < units; ++i) {
    std::string n = std::to_string(i);
    out += "resource \"aws_kms_key\" \"k" + n + "\" {\n  enable_key_rotation = true\n  tags = var.tags\n}\n";
    out += "resource \"aws_s3_bucket\" \"b" + n + "\" {\n  bucket = \"${var.prefix}-" + n +
           "\"\n  tags   = merge(var.tags, { Unit = \"" + n + "\" })\n}\n";
    out += "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"e" + n +
           "\" {\n  bucket = aws_s3_bucket.b" + n +
           ".id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = \"aws:kms\"\n" +
           "      kms_master_key_id = aws_kms_key.k" + n + ".arn\n    }\n  }\n}\n";
    out += "resource \"aws_security_group\" \"s" + n + "\" {\n  name = \"${var.prefix}-sg-" + n +
           "\"\n  dynamic \"ingress\" {\n    for_each = var.ports\n    content {\n      from_port = ingress.value\n" +
           "      to_port = ingress.value\n      protocol = \"tcp\"\n      cidr_blocks = [\"10.0.0.0/8\"]\n    }\n  "
           "}\n}\n";
    out += "resource \"aws_instance\" \"i" + n + "\" {\n  count = 2\n  subnet_id = var.subnet_ids[count.index % " +
           "length(var.subnet_ids)]\n  vpc_security_group_ids = [aws_security_group.s" + n +
           ".id]\n  metadata_options {\n    http_tokens = \"required\"\n  }\n}\n";
  }
  return out;
}

std::string root_text() {
  return "variable \"env\" {\n  type    = string\n  default = \"prod\"\n}\n"
         "locals {\n  tags = { Env = var.env, Owner = \"juki\" }\n  subnets = { a = \"subnet-a\", c = \"subnet-c\" "
         "}\n}\n"
         "resource \"aws_subnet\" \"app\" {\n  for_each = local.subnets\n  vpc_id = \"vpc-1\"\n"
         "  cidr_block = each.key == \"a\" ? \"10.0.1.0/24\" : \"10.0.2.0/24\"\n  tags = local.tags\n}\n"
         "module \"store\" {\n  source     = \"../modules/store\"\n  prefix     = \"juki-${var.env}\"\n"
         "  subnet_ids = [for s in aws_subnet.app : s.id]\n  tags       = local.tags\n}\n";
}

const fs::path& tree() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("gclint-eval-bench-" + std::to_string(::getpid()));
    fs::create_directories(d / "root");
    fs::create_directories(d / "modules" / "store");
    std::ofstream(d / "root" / "main.tf") << root_text();
    std::ofstream(d / "modules" / "store" / "main.tf") << module_text(20);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(fs::temp_directory_path() / ("gclint-eval-bench-" + std::to_string(::getpid())), ec);
    });
    return d;
  }();
  return dir;
}

void BM_LoadRootModule(benchmark::State& state) {
  gclint::terraform::LoadOptions options;
  options.scan_root = tree();
  size_t resources = 0;
  for (auto _ : state) {
    gclint::model::SourceSet sources;
    auto result = gclint::terraform::load_root_module(sources, tree() / "root", options);
    resources = result.resources.size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["resources"] = static_cast<double>(resources);
}
BENCHMARK(BM_LoadRootModule)->Unit(benchmark::kMillisecond);

void BM_ParseOnly(benchmark::State& state) {
  std::vector<std::string> texts = {root_text(), module_text(20)};
  for (auto _ : state) {
    gclint::model::SourceSet sources;
    for (size_t i = 0; i < texts.size(); ++i) {
      uint32_t id = sources.add("f" + std::to_string(i) + ".tf", texts[i]);
      auto parsed = gclint::terraform::parse_only(sources.file(id));
      benchmark::DoNotOptimize(parsed);
    }
  }
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond);

}  // namespace
