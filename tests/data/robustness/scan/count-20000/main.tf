resource "aws_s3_bucket" "c" {
  count = 20000
}
