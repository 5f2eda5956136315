resource "aws_backup_vault" "central" {
  name        = "${var.account_name}-central"
  kms_key_arn = aws_kms_key.baseline.arn
}

resource "aws_backup_vault_lock_configuration" "central" {
  backup_vault_name  = aws_backup_vault.central.name
  min_retention_days = 35
  max_retention_days = 1825
}

resource "aws_backup_vault" "osaka" {
  provider = aws.osaka

  name        = "${var.account_name}-osaka"
  kms_key_arn = aws_kms_key.osaka.arn
}

resource "aws_backup_vault_lock_configuration" "osaka" {
  provider = aws.osaka

  backup_vault_name  = aws_backup_vault.osaka.name
  min_retention_days = 35
  max_retention_days = 1825
}

resource "aws_backup_plan" "standard" {
  name = "${var.account_name}-standard"

  rule {
    rule_name         = "daily-35d"
    target_vault_name = aws_backup_vault.central.name
    schedule          = "cron(0 17 * * ? *)"

    lifecycle {
      delete_after = 35
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.osaka.arn

      lifecycle {
        delete_after = 35
      }
    }
  }

  rule {
    rule_name         = "monthly-1y"
    target_vault_name = aws_backup_vault.central.name
    schedule          = "cron(0 18 1 * ? *)"

    lifecycle {
      cold_storage_after = 30
      delete_after       = 400
    }
  }

  advanced_backup_setting {
    backup_options = {
      WindowsVSS = "enabled"
    }
    resource_type = "EC2"
  }
}
