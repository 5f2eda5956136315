resource "aws_s3_bucket" "c" {
  count = 1.5e300
}
