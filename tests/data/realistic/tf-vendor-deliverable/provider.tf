provider "aws" {
  region  = var.aws_region
  profile = var.aws_profile

  default_tags {
    tags = {
      Project     = var.project
      Environment = var.env
      Owner       = "vendor-infra-team"
    }
  }
}

# ACM certificates for CloudFront must live in us-east-1.
provider "aws" {
  alias   = "virginia"
  region  = "us-east-1"
  profile = var.aws_profile
}
