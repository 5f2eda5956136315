locals {
  r = range(1000000)
}
resource "aws_s3_bucket" "b" {
  bucket = "n${length(local.r)}"
}
