locals {
  name = "${var.municipality_code}-${var.system_name}-${var.environment}"

  default_tags = merge(
    {
      "gc-tier"        = "mynumber"
      "System"         = upper(var.system_name)
      "Environment"    = var.environment
      "Municipality"   = var.municipality_code
      "ManagedBy"      = "terraform"
      "gc-data-class"  = "3B"
    },
    var.tags,
  )

  # Buckets that hold resident data; each gets the data key and access logging.
  data_buckets = {
    scan-images = {
      purpose         = "住民異動届の画像"
      expiration_days = null
    }
    batch-exchange = {
      purpose         = "他システム連携ファイル"
      expiration_days = 2555
    }
  }

  kms_keys = {
    data = {
      description = "Resident data (S3, Aurora, EBS)"
      services    = ["s3", "rds", "ec2"]
    }
    logs = {
      description = "CloudWatch Logs and CloudTrail"
      services    = ["logs", "cloudtrail"]
    }
    backup = {
      description = "AWS Backup vault"
      services    = ["backup"]
    }
  }
}
