# gclint:ignore ORG-TST-001 reason="archived bucket" until=2099-12-31
resource "aws_s3_bucket" "archive" {
  bucket = "archive"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs" # gclint:ignore ORG-TST-001
}

resource "aws_s3_bucket" "plain" {
  bucket = "plain" // gclint:ignore ORG-TST-001 reason="expired" until=2020-01-01
}
