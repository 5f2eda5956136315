module "vpc" {
  source = "./modules/vpc"

  name = local.name
  cidr = var.vpc_cidr
  azs  = var.azs

  public_subnets   = local.public_subnets
  private_subnets  = local.private_subnets
  database_subnets = local.database_subnets

  map_public_ip_on_launch = true

  enable_nat_gateway = true
  single_nat_gateway = true

  tags = local.common_tags
}
