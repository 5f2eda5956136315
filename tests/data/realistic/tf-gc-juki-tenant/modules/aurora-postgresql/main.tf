locals {
  port = coalesce(var.port, 5432)

  final_snapshot_identifier = "${var.name}-final"
}

resource "aws_db_subnet_group" "this" {
  count = var.create ? 1 : 0

  name        = var.name
  description = "Database subnets of ${var.name}"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

resource "aws_rds_cluster_parameter_group" "this" {
  count = var.create ? 1 : 0

  name_prefix = "${var.name}-"
  family      = "aurora-postgresql${split(".", var.engine_version)[0]}"
  description = "Cluster parameters of ${var.name}"

  dynamic "parameter" {
    for_each = var.cluster_parameters

    content {
      name         = parameter.value.name
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  lifecycle {
    create_before_destroy = true
  }

  tags = var.tags
}

resource "aws_rds_cluster" "this" {
  count = var.create ? 1 : 0

  cluster_identifier = var.name
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  engine_version     = var.engine_version
  port               = local.port

  master_username                     = var.master_username
  manage_master_user_password         = true
  master_user_secret_kms_key_id       = var.kms_key_arn
  iam_database_authentication_enabled = true

  db_subnet_group_name            = aws_db_subnet_group.this[0].name
  vpc_security_group_ids          = [aws_security_group.this[0].id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.this[0].id

  storage_encrypted = true
  kms_key_id        = var.kms_key_arn

  backup_retention_period   = var.backup_retention_period
  preferred_backup_window   = var.preferred_backup_window
  copy_tags_to_snapshot     = true
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = var.skip_final_snapshot ? null : local.final_snapshot_identifier

  enabled_cloudwatch_logs_exports = var.enabled_cloudwatch_logs_exports

  tags = merge(var.tags, { "gc-backup" = "true" })

  depends_on = [aws_cloudwatch_log_group.this]
}

resource "aws_rds_cluster_instance" "this" {
  for_each = { for k, v in var.instances : k => v if var.create }

  identifier         = "${var.name}-${each.key}"
  cluster_identifier = aws_rds_cluster.this[0].id
  engine             = aws_rds_cluster.this[0].engine
  engine_version     = aws_rds_cluster.this[0].engine_version
  instance_class     = try(each.value.instance_class, var.instance_class)

  db_subnet_group_name = aws_db_subnet_group.this[0].name
  publicly_accessible  = try(each.value.publicly_accessible, false)

  performance_insights_enabled    = true
  performance_insights_kms_key_id = var.kms_key_arn
  auto_minor_version_upgrade      = true

  tags = var.tags
}

resource "aws_cloudwatch_log_group" "this" {
  for_each = toset([for log in var.enabled_cloudwatch_logs_exports : log if var.create])

  name              = "/aws/rds/cluster/${var.name}/${each.value}"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.log_kms_key_arn

  tags = var.tags
}

################################################################################
# Security group: PostgreSQL from the application tier only
################################################################################

resource "aws_security_group" "this" {
  count = var.create ? 1 : 0

  name_prefix = "${var.name}-db-"
  vpc_id      = var.vpc_id
  description = "Aurora PostgreSQL of ${var.name}"

  tags = merge(var.tags, { Name = "${var.name}-db" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_app" {
  for_each = { for idx, sg in var.allowed_security_groups : idx => sg if var.create }

  security_group_id            = aws_security_group.this[0].id
  description                  = "PostgreSQL from the application tier"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = each.value
}
