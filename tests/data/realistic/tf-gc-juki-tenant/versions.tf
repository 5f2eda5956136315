terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source                = "hashicorp/aws"
      version               = ">= 5.40, < 6.0"
      configuration_aliases = []
    }
  }

  backend "s3" {
    bucket         = "gc-tfstate-999999-juki"
    key            = "juki/prod/terraform.tfstate"
    region         = "ap-northeast-1"
    encrypt        = true
    dynamodb_table = "gc-tfstate-lock"
  }
}
