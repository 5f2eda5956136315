resource "aws_kms_key" "documents" {
  description             = "${var.name_prefix} document store"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  tags = var.tags
}

# Scanned 住民票 requests. Encrypted with an AWS-managed key only, so the data cannot be
# crypto-erased when the contract ends (GC-ENC-001).
resource "aws_s3_bucket" "documents" {
  bucket = "${var.name_prefix}-documents"

  tags = var.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "documents" {
  bucket = aws_s3_bucket.documents.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "documents" {
  bucket                  = aws_s3_bucket.documents.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Access logs, encrypted with the tenant's own key (compliant).
resource "aws_s3_bucket" "access_logs" {
  bucket = "${var.name_prefix}-access-logs"

  tags = var.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.documents.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
