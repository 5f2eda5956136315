#!/usr/bin/env python3
"""Deterministic synthetic municipal tenant for gclint benchmarks.

Writes N Terraform root modules (each calling shared local modules with variables, count, for_each and dynamic
blocks), CloudFormation templates with parameters and conditions, and Kubernetes manifests. The same --seed and
--scale always give byte-identical output.

  gen_tenant.py --scale 1 --out /tmp/tenant-1x
"""
import argparse
import os
import random
import shutil

SYSTEMS = ["juki", "zeimu", "kokuho", "kaigo", "nenkin", "jidou", "shotoku", "kotei", "fukushi", "senkyo"]
TIERS = ["mynumber", "lgwan", "internet"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def storage_module():
    return '''variable "name" {
  type = string
}

variable "tier" {
  type    = string
  default = "mynumber"
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "buckets" {
  type = map(object({
    versioning = optional(bool, true)
    retention  = optional(number, 365)
  }))
  default = {}
}

locals {
  common_tags = {
    "gc-tier"   = var.tier
    "gc-system" = var.name
    ManagedBy   = "terraform"
  }
}

resource "aws_s3_bucket" "this" {
  for_each = var.buckets
  bucket   = "${var.name}-${each.key}"
  tags     = merge(local.common_tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.this[each.key].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
  }
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = { for k, v in var.buckets : k => v if v.versioning }
  bucket   = aws_s3_bucket.this[each.key].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_cloudwatch_log_group" "app" {
  for_each          = var.buckets
  name              = "/gc/${var.name}/${each.key}"
  retention_in_days = each.value.retention
  kms_key_id        = var.kms_key_arn
  tags              = local.common_tags
}

output "bucket_arns" {
  value = [for b in aws_s3_bucket.this : b.arn]
}
'''


def network_module():
    return '''variable "name" {
  type = string
}

variable "cidr" {
  type = string
}

variable "tier" {
  type = string
}

variable "subnet_count" {
  type    = number
  default = 2
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

variable "ingress_ports" {
  type    = list(number)
  default = [443]
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_hostnames = true
  tags = {
    Name      = "${var.name}-vpc"
    "gc-tier" = var.tier
  }
}

resource "aws_subnet" "private" {
  count                   = var.subnet_count
  vpc_id                  = aws_vpc.this.id
  cidr_block              = cidrsubnet(var.cidr, 8, count.index)
  availability_zone       = element(["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"], count.index)
  map_public_ip_on_launch = false
  tags = {
    Name = format("%s-private-%02d", var.name, count.index + 1)
  }
}

resource "aws_security_group" "app" {
  name   = "${var.name}-app"
  vpc_id = aws_vpc.this.id

  dynamic "ingress" {
    for_each = var.ingress_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = var.admin_cidrs
    }
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [cidrsubnet(var.cidr, 8, 200)]
  }
}

resource "aws_flow_log" "this" {
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::${var.name}-flow-logs"
}

output "subnet_ids" {
  value = aws_subnet.private[*].id
}

output "sg_id" {
  value = aws_security_group.app.id
}
'''


def root_module(rng, index, resources):
    system = SYSTEMS[index % len(SYSTEMS)]
    tier = TIERS[index % 3] if index % 5 else "mynumber"
    name = f"{system}{index:03d}"
    bucket_count = max(1, resources // 10)
    instance_count = max(1, resources // 8)
    lines = []
    lines.append(f'''terraform {{
  required_version = ">= 1.5"
  required_providers {{
    aws = {{
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }}
  }}
}}

provider "aws" {{
  region = var.region
}}

provider "aws" {{
  alias  = "osaka"
  region = "ap-northeast-3"
}}

locals {{
  name = "{name}"
  tags = {{
    "gc-tier"   = "{tier}"
    Environment = var.environment
  }}
  ports = [for p in var.ports : p if p != 0]
}}

resource "aws_kms_key" "data" {{
  description             = "${{local.name}} data key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = local.tags
}}

module "network" {{
  source        = "../../modules/network"
  name          = local.name
  cidr          = "10.{index % 250}.0.0/16"
  tier          = "{tier}"
  subnet_count  = {2 + index % 3}
  ingress_ports = local.ports
}}

module "storage" {{
  source      = "../../modules/storage"
  name        = local.name
  tier        = "{tier}"
  kms_key_arn = {"aws_kms_key.data.arn" if index % 4 else "null"}
  buckets     = var.buckets
}}
''')
    for i in range(instance_count):
        public = rng.random() < 0.1
        lines.append(f'''resource "aws_instance" "app{i}" {{
  count                       = var.instance_count
  ami                         = var.ami_id
  instance_type               = var.instance_types[count.index % length(var.instance_types)]
  subnet_id                   = module.network.subnet_ids[count.index % 2]
  vpc_security_group_ids      = [module.network.sg_id]
  associate_public_ip_address = {"true" if public else "false"}
  user_data = <<-EOT
    #!/bin/bash
    echo "${{local.name}}-app{i}-${{count.index}}" > /etc/hostname
  EOT
  metadata_options {{
    http_tokens = "{"optional" if rng.random() < 0.2 else "required"}"
  }}
  root_block_device {{
    encrypted   = true
    kms_key_id  = aws_kms_key.data.arn
    volume_size = {rng.choice([20, 40, 80])}
  }}
  tags = merge(local.tags, {{ Name = "${{local.name}}-app{i}-${{count.index}}" }})
}}
''')
    open_port = rng.choice([22, 3389, 443, 8443])
    lines.append(f'''resource "aws_security_group_rule" "ops" {{
  type              = "ingress"
  from_port         = {open_port}
  to_port           = {open_port}
  protocol          = "tcp"
  cidr_blocks       = [var.ops_cidr]
  security_group_id = module.network.sg_id
}}

resource "aws_db_instance" "main" {{
  identifier                = "${{local.name}}-db"
  engine                    = "postgres"
  engine_version            = "15.4"
  instance_class            = "db.t3.medium"
  allocated_storage         = 100
  storage_encrypted         = true
  kms_key_id                = aws_kms_key.data.arn
  publicly_accessible       = false
  backup_retention_period   = {rng.choice([7, 14, 35])}
  deletion_protection       = true
  db_subnet_group_name      = "${{local.name}}-db"
  manage_master_user_password = true
  username                  = "dbadmin"
  tags                      = local.tags
}}
''')
    variables = f'''variable "region" {{
  type    = string
  default = "ap-northeast-1"
}}

variable "environment" {{
  type    = string
  default = "prod"
}}

variable "ports" {{
  type    = list(number)
  default = [443, 8443]
}}

variable "instance_count" {{
  type    = number
  default = 1
}}

variable "instance_types" {{
  type    = list(string)
  default = ["t3.medium", "m5.large"]
}}

variable "ami_id" {{
  type = string
}}

variable "ops_cidr" {{
  type    = string
  default = "10.10.0.0/16"
}}

variable "buckets" {{
  type = map(object({{
    versioning = optional(bool, true)
    retention  = optional(number, 365)
  }}))
}}
'''
    buckets = ",\n".join(
        f'  "{SYSTEMS[(index + b) % len(SYSTEMS)]}-{b}" = {{ retention = {rng.choice([90, 365, 400])} }}'
        for b in range(bucket_count))
    tfvars = f'''ami_id         = "ami-0{index:08x}"
instance_count = {2 + index % 3}
ops_cidr       = "{rng.choice(["10.20.0.0/16", "0.0.0.0/0", "172.16.0.0/12"])}"
buckets = {{
{buckets}
}}
'''
    return "\n".join(lines), variables, tfvars


def cfn_template(rng, index):
    system = SYSTEMS[index % len(SYSTEMS)]
    parts = [f'''AWSTemplateFormatVersion: "2010-09-09"
Description: {system} application stack {index}
Parameters:
  Env:
    Type: String
    AllowedValues: [prod, stg]
    Default: prod
  KmsKeyArn:
    Type: String
    Default: ""
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  HasKey: !Not [!Equals [!Ref KmsKeyArn, ""]]
Resources:
  DataKey:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      PendingWindowInDays: 30
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub arn:aws:iam::${{AWS::AccountId}}:root
            Action: kms:*
            Resource: "*"
''']
    for b in range(8):
        algo = "aws:kms" if rng.random() < 0.8 else "AES256"
        parts.append(f'''  Bucket{b}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub ${{AWS::StackName}}-{system}-{b}
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: {algo}
              KMSMasterKeyID: !If [HasKey, !Ref KmsKeyArn, !GetAtt DataKey.Arn]
      VersioningConfiguration:
        Status: !If [IsProd, Enabled, Suspended]
      Tags:
        - Key: gc-tier
          Value: mynumber
''')
        port = rng.choice([22, 443, 3389, 5432])
        cidr = rng.choice(["10.0.0.0/8", "0.0.0.0/0", "192.168.0.0/16"])
        parts.append(f'''  Sg{b}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: {system} sg {b}
      VpcId: !ImportValue {system}-vpc-id
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: {port}
          ToPort: {port}
          CidrIp: {cidr}
''')
    return "".join(parts)


def k8s_manifests(rng, index):
    system = SYSTEMS[index % len(SYSTEMS)]
    docs = [f'''apiVersion: v1
kind: Namespace
metadata:
  name: {system}-{index}
  labels:
    gc-tier: lgwan
''']
    for d in range(6):
        privileged = "true" if rng.random() < 0.1 else "false"
        docs.append(f'''apiVersion: apps/v1
kind: Deployment
metadata:
  name: {system}-app-{d}
  namespace: {system}-{index}
  labels:
    app: {system}-app-{d}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: {system}-app-{d}
  template:
    metadata:
      labels:
        app: {system}-app-{d}
    spec:
      serviceAccountName: {system}-sa
      containers:
        - name: app
          image: registry.example.lg.jp/{system}/app@sha256:{index:08x}{d:056x}
          ports:
            - containerPort: 8080
          securityContext:
            privileged: {privileged}
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            readOnlyRootFilesystem: true
          resources:
            limits:
              cpu: 500m
              memory: 512Mi
---
apiVersion: v1
kind: Service
metadata:
  name: {system}-app-{d}
  namespace: {system}-{index}
spec:
  selector:
    app: {system}-app-{d}
  ports:
    - port: 80
      targetPort: 8080
''')
    return "---\n".join(docs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=1, help="1, 10, 100: multiplies the number of units")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--resources", type=int, default=40, help="resources per Terraform root (before expansion)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    write(os.path.join(args.out, "modules/storage/main.tf"), storage_module())
    write(os.path.join(args.out, "modules/network/main.tf"), network_module())
    roots = 8 * args.scale
    for i in range(roots):
        main_tf, variables_tf, tfvars = root_module(rng, i, args.resources)
        base = os.path.join(args.out, "roots", f"{SYSTEMS[i % len(SYSTEMS)]}-{i:04d}")
        write(os.path.join(base, "main.tf"), main_tf)
        write(os.path.join(base, "variables.tf"), variables_tf)
        write(os.path.join(base, "terraform.tfvars"), tfvars)
    for i in range(4 * args.scale):
        write(os.path.join(args.out, "cloudformation", f"stack-{i:04d}.yaml"), cfn_template(rng, i))
    for i in range(4 * args.scale):
        write(os.path.join(args.out, "kubernetes", f"app-{i:04d}.yaml"), k8s_manifests(rng, i))


if __name__ == "__main__":
    main()
