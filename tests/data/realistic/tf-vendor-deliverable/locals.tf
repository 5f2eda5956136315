locals {
  name = "${var.project}-${var.env}"

  public_subnets   = [for i, az in var.azs : cidrsubnet(var.vpc_cidr, 8, i)]
  private_subnets  = [for i, az in var.azs : cidrsubnet(var.vpc_cidr, 8, i + 10)]
  database_subnets = [for i, az in var.azs : cidrsubnet(var.vpc_cidr, 8, i + 20)]

  app_servers = {
    ap1 = { subnet_index = 0 }
    ap2 = { subnet_index = 1 }
  }

  common_tags = {
    System = upper(var.project)
  }
}
