provider "aws" {
  region = var.region

  default_tags {
    tags = local.default_tags
  }
}

# Osaka: the second Japanese region, used only for backup copies (GC-BCK-02).
provider "aws" {
  alias  = "osaka"
  region = var.dr_region

  default_tags {
    tags = local.default_tags
  }
}
