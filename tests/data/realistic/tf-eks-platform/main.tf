data "aws_availability_zones" "available" {
  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_caller_identity" "current" {}

locals {
  region = "ap-northeast-1"
  azs    = slice(data.aws_availability_zones.available.names, 0, 3)

  tags = {
    Platform = var.name
  }
}

################################################################################
# VPC (registry module, fetched by terraform init)
################################################################################

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.8"

  name = var.name
  cidr = var.vpc_cidr

  azs             = local.azs
  private_subnets = [for k, v in local.azs : cidrsubnet(var.vpc_cidr, 4, k)]
  intra_subnets   = [for k, v in local.azs : cidrsubnet(var.vpc_cidr, 8, k + 52)]

  enable_nat_gateway = false
  create_igw         = false

  enable_flow_log                      = true
  create_flow_log_cloudwatch_log_group = true
  create_flow_log_cloudwatch_iam_role  = true

  tags = local.tags
}

module "kms" {
  source  = "terraform-aws-modules/kms/aws"
  version = "~> 3.1"

  description = "${var.name} cluster secrets and registries"
  key_usage   = "ENCRYPT_DECRYPT"

  enable_key_rotation     = true
  deletion_window_in_days = 30

  aliases = ["eks/${var.name}"]

  tags = local.tags
}

################################################################################
# EKS
################################################################################

module "eks" {
  source = "./modules/eks"

  cluster_name    = var.name
  cluster_version = var.cluster_version

  vpc_id                   = module.vpc.vpc_id
  subnet_ids               = module.vpc.private_subnets
  control_plane_subnet_ids = module.vpc.intra_subnets

  cluster_endpoint_public_access = false

  cluster_encryption_config = {
    provider_key_arn = module.kms.key_arn
    resources        = ["secrets"]
  }

  cloudwatch_log_group_kms_key_id = module.kms.key_arn

  eks_managed_node_group_defaults = {
    ami_type       = "AL2023_x86_64_STANDARD"
    ebs_kms_key_id = module.kms.key_arn
  }

  eks_managed_node_groups = var.node_groups

  node_security_group_additional_rules = {
    egress_dmz_proxy = {
      description = "HTTP proxy in the LGWAN DMZ"
      protocol    = "tcp"
      from_port   = 3128
      to_port     = 3128
      type        = "egress"
      cidr_blocks = [var.lgwan_dmz_proxy_cidr]
    }
  }

  tags = local.tags
}

################################################################################
# Registries and the log store
################################################################################

module "ecr" {
  source = "./modules/ecr"

  repositories  = var.repositories
  kms_key_arn   = module.kms.key_arn
  replica_region = "ap-northeast-3"

  tags = local.tags
}

module "log_store" {
  source = "./modules/opensearch"

  domain_name     = "${var.name}-logs"
  engine_version  = "OpenSearch_2.13"
  subnet_ids      = slice(module.vpc.private_subnets, 0, 2)
  vpc_id          = module.vpc.vpc_id
  allowed_cidrs   = [var.vpc_cidr]
  kms_key_id      = module.kms.key_arn
  master_user_arn = module.eks.node_iam_role_arn

  tags = local.tags
}
