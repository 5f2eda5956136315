module "sg_bastion" {
  source = "./modules/security-group"

  name        = "${local.name}-bastion"
  description = "Bastion host"
  vpc_id      = module.vpc.vpc_id

  ingress_rules       = ["ssh-tcp"]
  ingress_cidr_blocks = var.admin_cidrs
  egress_rules        = ["all-all"]
}

module "sg_alb" {
  source = "./modules/security-group"

  name        = "${local.name}-alb"
  description = "Public ALB"
  vpc_id      = module.vpc.vpc_id

  ingress_rules       = ["http-80-tcp", "https-443-tcp"]
  ingress_cidr_blocks = ["0.0.0.0/0"]
  egress_rules        = ["all-all"]
}

module "sg_app" {
  source = "./modules/security-group"

  name        = "${local.name}-app"
  description = "Application servers"
  vpc_id      = module.vpc.vpc_id

  ingress_with_source_security_group_id = [
    {
      rule                     = "http-8080-tcp"
      source_security_group_id = module.sg_alb.security_group_id
    },
    {
      rule                     = "ssh-tcp"
      source_security_group_id = module.sg_bastion.security_group_id
    },
  ]

  ingress_with_cidr_blocks = [
    {
      rule        = "rdp-tcp"
      cidr_blocks = "${var.office_global_ip}/32"
      description = "Maintenance from the municipality office"
    },
  ]

  egress_rules = ["all-all"]
}

module "sg_db" {
  source = "./modules/security-group"

  name        = "${local.name}-db"
  description = "MySQL"
  vpc_id      = module.vpc.vpc_id

  ingress_with_cidr_blocks = [
    {
      rule        = "mysql-tcp"
      cidr_blocks = var.vpc_cidr
    },
  ]
}
