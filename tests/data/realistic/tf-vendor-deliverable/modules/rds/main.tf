locals {
  create_db_parameter_group = var.family != null

  parameter_group_name = local.create_db_parameter_group ? aws_db_parameter_group.this[0].id : null

  final_snapshot_identifier = var.skip_final_snapshot ? null : "${var.identifier}-final-snapshot"
}

resource "aws_db_parameter_group" "this" {
  count = local.create_db_parameter_group ? 1 : 0

  name_prefix = "${var.identifier}-"
  description = "Database parameter group for ${var.identifier}"
  family      = var.family

  dynamic "parameter" {
    for_each = var.parameters
    content {
      name         = parameter.value.name
      value        = parameter.value.value
      apply_method = lookup(parameter.value, "apply_method", null)
    }
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "this" {
  identifier = var.identifier

  engine            = var.engine
  engine_version    = var.engine_version
  instance_class    = var.instance_class
  allocated_storage = var.allocated_storage
  storage_type      = "gp3"
  storage_encrypted = var.storage_encrypted
  kms_key_id        = var.kms_key_id

  db_name                     = var.db_name
  username                    = var.username
  password                    = var.manage_master_user_password ? null : var.password
  manage_master_user_password = var.manage_master_user_password ? var.manage_master_user_password : null
  port                        = var.port

  vpc_security_group_ids = var.vpc_security_group_ids
  db_subnet_group_name   = var.db_subnet_group_name
  parameter_group_name   = local.parameter_group_name

  multi_az            = var.multi_az
  publicly_accessible = var.publicly_accessible

  max_allocated_storage = var.max_allocated_storage

  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = local.final_snapshot_identifier
  deletion_protection       = var.deletion_protection

  backup_retention_period = var.backup_retention_period
  backup_window           = var.backup_window

  enabled_cloudwatch_logs_exports = var.enabled_cloudwatch_logs_exports

  tags = var.tags
}
