data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

# The log archive bucket lives in the municipality's log account; its name and key come from that stack.
data "terraform_remote_state" "log_account" {
  backend = "s3"

  config = {
    bucket = "sample-city-tfstate"
    key    = "log-archive/terraform.tfstate"
    region = "ap-northeast-1"
  }
}

locals {
  account_id = data.aws_caller_identity.current.account_id

  log_bucket_name = data.terraform_remote_state.log_account.outputs.cloudtrail_bucket_name
  log_kms_key_arn = data.terraform_remote_state.log_account.outputs.cloudtrail_kms_key_arn
}

################################################################################
# Account-wide guardrails
################################################################################

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.baseline.arn
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_ec2_image_block_public_access" "this" {
  state = "block-new-sharing"
}

resource "aws_ebs_snapshot_block_public_access" "this" {
  state = "block-all-sharing"
}

resource "aws_ec2_serial_console_access" "this" {
  enabled = false
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_numbers                = true
  require_uppercase_characters   = true
  require_symbols                = true
  allow_users_to_change_password = true
  max_password_age               = 90
  password_reuse_prevention      = 24
  hard_expiry                    = false
}

resource "aws_kms_key" "baseline" {
  description             = "${var.account_name} baseline (EBS default, SNS, Config)"
  deletion_window_in_days = 30
  enable_key_rotation     = true

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "OrganizationUse"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:PrincipalOrgID" = var.organization_id }
        }
      },
    ]
  })
}

resource "aws_kms_alias" "baseline" {
  name          = "alias/${var.account_name}-baseline"
  target_key_id = aws_kms_key.baseline.key_id
}

################################################################################
# Trail: management and S3 data events, delivered to the log archive account
################################################################################

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/gc/${var.account_name}/cloudtrail"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.baseline.arn
}

resource "aws_iam_role" "trail" {
  name = "${var.account_name}-cloudtrail"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_cloudtrail" "account" {
  name                          = "${var.account_name}-trail"
  s3_bucket_name                = local.log_bucket_name
  kms_key_id                    = local.log_kms_key_arn
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn

  advanced_event_selector {
    name = "Management events"

    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  advanced_event_selector {
    name = "S3 data events"

    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }

    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}

module "security_services" {
  source = "./modules/security-services"

  name                      = var.account_name
  kms_key_arn               = aws_kms_key.baseline.arn
  config_bucket_name        = local.log_bucket_name
  delivery_frequency        = var.config_delivery_frequency
  alert_email               = var.security_contact_email
  log_retention_days        = var.log_retention_days
}

module "security_services_osaka" {
  source = "./modules/security-services"

  providers = {
    aws = aws.osaka
  }

  name                      = "${var.account_name}-osaka"
  kms_key_arn               = aws_kms_key.osaka.arn
  config_bucket_name        = local.log_bucket_name
  delivery_frequency        = var.config_delivery_frequency
  alert_email               = var.security_contact_email
  log_retention_days        = var.log_retention_days
  include_global_resources  = false
}

resource "aws_kms_key" "osaka" {
  provider = aws.osaka

  description             = "${var.account_name} baseline (Osaka)"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}
