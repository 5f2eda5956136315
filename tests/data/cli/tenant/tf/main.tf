provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "tax_documents" {
  bucket = "example-tax-documents"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

module "store" {
  source = "./modules/store"
  name   = "example-resident-exports"
}
