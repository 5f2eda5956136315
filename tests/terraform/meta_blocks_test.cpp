// `self`, moved / import / removed / check blocks and variable validation rules.
#include <gtest/gtest.h>

#include <algorithm>

#include "terraform/module_loader.h"
#include "terraform_test_support.h"

namespace gclint::terraform {
namespace {

using model::Reference;
using model::Value;
using testing::load;

const Value* at(const model::Resource* r, std::initializer_list<std::string_view> path) {
  if (r == nullptr) return nullptr;
  const Value* v = &r->attributes;
  for (std::string_view step : path) {
    if (v == nullptr) return nullptr;
    if (!step.empty() && step[0] == '#') {
      size_t i = std::stoul(std::string(step.substr(1)));
      v = v->is_list() && i < v->items.size() ? &v->items[i] : nullptr;
    } else {
      v = v->get(step);
    }
  }
  return v;
}

bool has_ref(const Value* v, const std::string& address, const std::string& attribute) {
  return v != nullptr && std::find(v->refs.begin(), v->refs.end(), Reference{address, attribute}) != v->refs.end();
}

TEST(SelfReference, ProvisionerAndConnectionSeeTheInstance) {
  auto l = load({{"main.tf", R"(resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-0abc"
  instance_type = "t3.micro"

  connection {
    type     = "winrm"
    host     = self.public_ip
    user     = "admin-${self.instance_type}"
    https    = false
    insecure = true
  }

  provisioner "remote-exec" {
    inline = ["echo ${self.ami} ${count.index}"]
    connection {
      host = self.private_ip
    }
  }
}
)"}});
  EXPECT_EQ(l->diagnostics(), "");
  const model::Resource* web = l->find("aws_instance.web[1]");
  ASSERT_NE(web, nullptr);
  // A configured argument: its value.
  EXPECT_EQ(at(web, {"connection", "#0", "user"})->text, "admin-t3.micro");
  EXPECT_EQ(at(web, {"provisioner", "#0", "inline", "#0"})->text, "echo ami-0abc 1");
  EXPECT_EQ(at(web, {"provisioner", "#0", "type"})->text, "remote-exec");
  EXPECT_EQ(at(web, {"connection", "#0", "https"})->boolean, false);
  // A computed one: unknown, pointing at this instance (never another instance of the count).
  const Value* host = at(web, {"connection", "#0", "host"});
  ASSERT_NE(host, nullptr);
  EXPECT_TRUE(host->is_unknown());
  EXPECT_TRUE(has_ref(host, "aws_instance.web[1]", "public_ip"));
  const Value* inner = at(web, {"provisioner", "#0", "connection", "#0", "host"});
  EXPECT_TRUE(has_ref(inner, "aws_instance.web[1]", "private_ip"));
}

TEST(SelfReference, PostconditionOnlyNotPreconditionOrArguments) {
  auto l = load({{"main.tf", R"(resource "aws_s3_bucket" "b" {
  bucket = "kishiwada-logs"
  tags = {
    copy = self.bucket
  }
  lifecycle {
    prevent_destroy = true
    precondition {
      condition     = self.bucket != ""
      error_message = "no self here"
    }
    postcondition {
      condition     = startswith(self.bucket, "kishiwada-")
      error_message = "bucket ${self.bucket} is not the city's"
    }
  }
}
)"}});
  const model::Resource* b = l->find("aws_s3_bucket.b");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(at(b, {"tags", "copy"})->is_unknown());
  EXPECT_TRUE(at(b, {"lifecycle", "#0", "precondition", "#0", "condition"})->is_unknown());
  const Value* post = at(b, {"lifecycle", "#0", "postcondition", "#0", "condition"});
  ASSERT_NE(post, nullptr);
  ASSERT_TRUE(post->is_bool());
  EXPECT_TRUE(post->boolean);
  EXPECT_EQ(at(b, {"lifecycle", "#0", "postcondition", "#0", "error_message"})->text,
            "bucket kishiwada-logs is not the city's");
  EXPECT_TRUE(at(b, {"lifecycle", "#0", "prevent_destroy"})->boolean);
}

TEST(MetaBlocks, MovedImportRemovedAndCheckCreateNoResource) {
  auto l = load({{"main.tf", R"(resource "aws_s3_bucket" "kept" {
  bucket = "kishiwada-kept"
}

moved {
  from = aws_s3_bucket.old
  to   = aws_s3_bucket.kept
}

import {
  to = aws_s3_bucket.imported
  id = "kishiwada-imported"
}

import {
  for_each = toset(["a", "b"])
  to       = aws_s3_bucket.many[each.key]
  id       = "kishiwada-${each.key}"
}

removed {
  from = aws_s3_bucket.gone
  lifecycle {
    destroy = false
  }
}

check "site" {
  data "http" "home" {
    url = "https://www.city.kishiwada.example.jp"
  }
  assert {
    condition     = data.http.home.status_code == 200
    error_message = "the site is down"
  }
}
)"}});
  EXPECT_EQ(l->diagnostics(), "");
  ASSERT_EQ(l->result.resources.size(), 1u);
  EXPECT_EQ(l->result.resources[0].address, "aws_s3_bucket.kept");
}

TEST(VariableValidation, AKnownFailingRuleIsAWarningAtTheValue) {
  auto l = load({{"main.tf", R"(variable "region" {
  type = string
  validation {
    condition     = contains(["ap-northeast-1", "ap-northeast-3"], var.region)
    error_message = "region must be Tokyo or Osaka, not ${var.region}."
  }
  validation {
    condition     = length(var.region) > 3
    error_message = "too short"
  }
}

variable "retention" {
  type    = number
  default = 30
  validation {
    condition     = var.retention >= 365
    error_message = "keep logs for a year."
  }
}

variable "kms_key_arn" {
  type = string
  validation {
    condition     = startswith(var.kms_key_arn, "arn:")
    error_message = "a key ARN."
  }
}

variable "ok" {
  type    = string
  default = "fine"
  validation {
    condition     = var.ok == "fine"
    error_message = "never shown"
  }
}
)"},
                 {"terraform.tfvars", "region = \"us-east-1\"\n"}});
  std::vector<std::string> warnings;
  for (const auto& d : l->result.diagnostics) {
    EXPECT_EQ(d.level, model::Diagnostic::Level::kWarning) << d.message;
    warnings.push_back(l->sources.path_of(d.span) + ":" + std::to_string(l->begin(d.span).line) + " " + d.message);
  }
  std::vector<std::string> expected = {
      "terraform.tfvars:1 variable \"region\" fails its validation: region must be Tokyo or Osaka, not us-east-1.",
      "main.tf:15 variable \"retention\" fails its validation: keep logs for a year.",
  };
  // kms_key_arn has no value: its rule is unknown and decides nothing.
  EXPECT_EQ(warnings, expected);
}

TEST(VariableValidation, ModuleInputsAreValidatedPerInstance) {
  auto l = load({{"main.tf", R"(module "logs" {
  source    = "./logs"
  for_each  = { app = 7, audit = 400 }
  retention = each.value
}
)"},
                 {"logs/main.tf", R"(variable "retention" {
  type = number
  validation {
    condition     = var.retention >= 365
    error_message = "keep logs for a year."
  }
}
resource "aws_cloudwatch_log_group" "this" {
  retention_in_days = var.retention
}
)"}});
  ASSERT_EQ(l->result.diagnostics.size(), 1u) << l->diagnostics();
  EXPECT_EQ(l->result.diagnostics[0].message,
            "module.logs[\"app\"]: variable \"retention\" fails its validation: keep logs for a year.");
  EXPECT_EQ(l->sources.path_of(l->result.diagnostics[0].span), "main.tf");
  EXPECT_EQ(l->result.resources.size(), 2u);
}

}  // namespace
}  // namespace gclint::terraform
