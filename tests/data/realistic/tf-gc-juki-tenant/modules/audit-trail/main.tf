data "aws_caller_identity" "current" {}

module "trail_bucket" {
  source = "../s3-bucket"

  bucket              = "${var.name}-cloudtrail"
  object_lock_enabled = true

  object_lock_configuration = {
    mode = "COMPLIANCE"
    days = var.object_lock_days
  }

  versioning = {
    enabled = true
  }

  server_side_encryption_configuration = {
    rule = {
      bucket_key_enabled = true
      apply_server_side_encryption_by_default = {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = var.kms_key_arn
      }
    }
  }

  logging = {
    target_bucket = var.access_log_bucket
    target_prefix = "cloudtrail/"
  }

  attach_deny_insecure_transport_policy = true
  attach_cloudtrail_log_delivery_policy = true
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/gc/${var.name}/cloudtrail"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.kms_key_arn
}

data "aws_iam_policy_document" "trail_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "trail" {
  name               = "${var.name}-cloudtrail-to-cwl"
  assume_role_policy = data.aws_iam_policy_document.trail_assume.json
}

resource "aws_iam_role_policy" "trail" {
  name = "deliver-to-cloudwatch-logs"
  role = aws_iam_role.trail.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.trail.arn}:*"
      }
    ]
  })
}

resource "aws_cloudtrail" "this" {
  name                          = "${var.name}-data-events"
  s3_bucket_name                = module.trail_bucket.s3_bucket_id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = var.kms_key_arn

  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = [for arn in var.data_bucket_arns : "${arn}/"]
    }
  }

  depends_on = [module.trail_bucket]
}
