resource "aws_s3_bucket" "b" {
  bucket = join("", [for i in range(100) : format("%0999999999d", i)])
}
