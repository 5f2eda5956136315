terraform {
  required_version = ">= 1.5.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.61"
    }
  }
}

provider "aws" {
  region = local.region

  default_tags {
    tags = {
      "gc-tier"   = "lgwan"
      "System"    = "shared-platform"
      "ManagedBy" = "terraform"
    }
  }
}
