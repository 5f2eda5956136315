# 岸和田市 税務システム: the configuration `plan.json` in this directory was made from
# (terraform plan -out tfplan && terraform show -json tfplan > plan.json).
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      gc-system = "zeimu"
    }
  }
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}

provider "aws" {
  alias  = "dr"
  region = var.dr_region
}

resource "aws_kms_key" "data" {
  description             = "zeimu document key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_s3_bucket" "docs" {
  bucket = "kishiwada-zeimu-docs"
  tags = {
    gc-tier = "mynumber"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_subnet" "app" {
  count             = 2
  vpc_id            = var.vpc_id
  cidr_block        = cidrsubnet("10.20.0.0/16", 8, count.index)
  availability_zone = element(["ap-northeast-1a", "ap-northeast-1c"], count.index)
}

resource "aws_db_instance" "main" {
  identifier          = "zeimu-db"
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  allocated_storage   = 50
  username            = "zeimu"
  password            = var.db_password
  storage_encrypted   = true
  kms_key_id          = aws_kms_key.data.arn
  publicly_accessible = false
}

data "aws_caller_identity" "current" {}

module "buckets" {
  source      = "./modules/bucket"
  for_each    = toset(["juki", "zeimu"])
  name        = "kishiwada-${each.key}-archive"
  kms_key_arn = aws_kms_key.data.arn
  providers = {
    aws = aws.osaka
  }
}

module "dr" {
  source        = "./modules/bucket"
  name          = "kishiwada-zeimu-dr"
  sse_algorithm = var.dr_sse_algorithm
  providers = {
    aws = aws.dr
  }
}

resource "aws_s3_bucket_public_access_block" "zeimu_archive" {
  bucket                  = module.buckets["zeimu"].bucket_id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
