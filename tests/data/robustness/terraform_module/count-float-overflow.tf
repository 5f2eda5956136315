resource "aws_s3_bucket" "c" {
  count = 1.5e300
}
resource "aws_s3_bucket" "d" {
  count = -1.5e300
}
