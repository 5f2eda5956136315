data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

################################################################################
# Keys (crypto-erase: one customer-managed key per data category)
################################################################################

module "kms" {
  source = "./modules/kms"

  name_prefix             = local.name
  keys                    = local.kms_keys
  key_administrators      = var.key_administrator_arns
  deletion_window_in_days = var.kms_deletion_window_in_days
}

################################################################################
# Network (closed: Transit Gateway to the office network, no Internet path)
################################################################################

module "network" {
  source = "./modules/network"

  name               = local.name
  cidr               = var.vpc_cidr
  private_subnets    = var.private_subnets
  database_subnets   = var.database_subnets
  transit_gateway_id = var.transit_gateway_id
  office_cidrs       = var.office_cidrs
  dmz_proxy_cidr     = var.dmz_proxy_cidr

  flow_log_retention_in_days = var.log_retention_in_days
  flow_log_kms_key_arn       = module.kms.key_arns["logs"]

  interface_endpoints = ["kms", "sts", "logs", "ssm", "ssmmessages", "ec2messages", "monitoring"]
}

################################################################################
# Storage
################################################################################

module "access_log_bucket" {
  source = "./modules/s3-bucket"

  bucket = "${local.name}-s3-access-logs"

  # S3 server access logs can only be delivered with SSE-S3.
  server_side_encryption_configuration = {
    rule = {
      apply_server_side_encryption_by_default = {
        sse_algorithm = "AES256"
      }
    }
  }

  versioning = {
    enabled = true
  }

  attach_deny_insecure_transport_policy = true
  attach_access_log_delivery_policy     = true

  lifecycle_rule = [
    {
      id      = "expire-after-seven-years"
      enabled = true
      expiration = {
        days = 2557
      }
    }
  ]
}

module "data_bucket" {
  source   = "./modules/s3-bucket"
  for_each = local.data_buckets

  bucket = "${local.name}-${each.key}"

  server_side_encryption_configuration = {
    rule = {
      bucket_key_enabled = true
      apply_server_side_encryption_by_default = {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = module.kms.key_arns["data"]
      }
    }
  }

  versioning = {
    enabled = true
  }

  logging = {
    target_bucket = module.access_log_bucket.s3_bucket_id
    target_prefix = "${each.key}/"
  }

  attach_deny_insecure_transport_policy = true

  lifecycle_rule = each.value.expiration_days == null ? [] : [
    {
      id      = "expire"
      enabled = true
      expiration = {
        days = each.value.expiration_days
      }
    }
  ]

  tags = {
    Purpose = each.value.purpose
  }
}

################################################################################
# Database
################################################################################

module "database" {
  source = "./modules/aurora-postgresql"

  name           = local.name
  engine_version = var.db_engine_version
  instance_class = var.db_instance_class
  instances      = var.db_instances

  vpc_id                  = module.network.vpc_id
  subnet_ids              = module.network.database_subnet_ids
  allowed_security_groups = [module.app.security_group_id]

  kms_key_arn             = module.kms.key_arns["data"]
  log_kms_key_arn         = module.kms.key_arns["logs"]
  log_retention_in_days   = var.log_retention_in_days
  backup_retention_period = 35
}

################################################################################
# Application tier (internal ALB + Auto Scaling group, SSM only)
################################################################################

module "app" {
  source = "./modules/app-tier"

  name             = local.name
  vpc_id           = module.network.vpc_id
  subnet_ids       = module.network.private_subnet_ids
  ami_id           = var.app_ami_id
  instance_type    = var.app_instance_type
  desired_capacity = var.app_desired_capacity
  certificate_arn  = var.certificate_arn
  ebs_kms_key_arn  = module.kms.key_arns["data"]
  ingress_cidrs    = var.office_cidrs
  proxy_cidr       = var.dmz_proxy_cidr

  endpoint_security_group_id = module.network.endpoint_security_group_id
  alb_access_log_bucket      = module.alb_log_bucket.s3_bucket_id

  log_kms_key_arn       = module.kms.key_arns["logs"]
  log_retention_in_days = var.log_retention_in_days
}

module "alb_log_bucket" {
  source = "./modules/s3-bucket"

  bucket = "${local.name}-alb-logs"

  # ALB access logs support SSE-S3 only.
  server_side_encryption_configuration = {
    rule = {
      apply_server_side_encryption_by_default = {
        sse_algorithm = "AES256"
      }
    }
  }

  versioning = {
    enabled = true
  }

  logging = {
    target_bucket = module.access_log_bucket.s3_bucket_id
    target_prefix = "alb-logs/"
  }

  attach_deny_insecure_transport_policy = true
  attach_elb_log_delivery_policy        = true
}

################################################################################
# Audit trail for data events on the resident-data buckets
################################################################################

module "audit" {
  source = "./modules/audit-trail"

  name                  = local.name
  kms_key_arn           = module.kms.key_arns["logs"]
  data_bucket_arns      = [for b in module.data_bucket : b.s3_bucket_arn]
  log_retention_in_days = var.log_retention_in_days
  access_log_bucket     = module.access_log_bucket.s3_bucket_id
}

################################################################################
# Backup: locked vault in Tokyo, copies to Osaka
################################################################################

module "backup" {
  source = "./modules/backup"

  providers = {
    aws    = aws
    aws.dr = aws.osaka
  }

  name                = local.name
  kms_key_arn         = module.kms.key_arns["backup"]
  retention_days      = 400
  min_retention_days  = 365
  resource_arns       = [module.database.cluster_arn]
  selection_tag_value = "true"
}
