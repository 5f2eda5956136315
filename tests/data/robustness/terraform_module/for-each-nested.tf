resource "aws_s3_bucket" "b" {
  for_each = { for i in range(100) : tostring(i) => [for j in range(100) : j] }
  bucket = each.key
}
