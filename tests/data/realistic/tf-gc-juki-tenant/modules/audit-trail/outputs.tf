output "trail_arn" {
  value = aws_cloudtrail.this.arn
}

output "bucket_name" {
  value = module.trail_bucket.s3_bucket_id
}
