output "documents_bucket_arn" {
  description = "ARN of the document bucket"
  value       = aws_s3_bucket.documents.arn
}

output "kms_key_arn" {
  description = "ARN of the tenant's document key"
  value       = aws_kms_key.documents.arn
}
