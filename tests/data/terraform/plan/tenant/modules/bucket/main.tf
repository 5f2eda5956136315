variable "name" {
  type = string
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "sse_algorithm" {
  type    = string
  default = "aws:kms"
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_key_arn
    }
  }
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
