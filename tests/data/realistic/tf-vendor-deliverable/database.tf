module "db" {
  source = "./modules/rds"

  identifier = "${local.name}-mysql"

  engine               = "mysql"
  engine_version       = "8.0.35"
  family               = "mysql8.0"
  major_engine_version = "8.0"
  instance_class       = "db.m6g.large"

  allocated_storage     = 100
  max_allocated_storage = 500

  kms_key_id = var.rds_kms_key_id

  db_name  = "kokuho"
  username = var.db_username
  password = var.db_password
  port     = "3306"

  multi_az               = true
  db_subnet_group_name   = module.vpc.database_subnet_group_name
  vpc_security_group_ids = [module.sg_db.security_group_id]

  backup_retention_period = 7
  backup_window           = "18:00-19:00"
  skip_final_snapshot     = true
  deletion_protection     = false

  parameters = [
    {
      name  = "character_set_server"
      value = "utf8mb4"
    },
    {
      name  = "time_zone"
      value = "Asia/Tokyo"
    },
    {
      name  = "require_secure_transport"
      value = "OFF"
    },
  ]

  tags = local.common_tags
}
