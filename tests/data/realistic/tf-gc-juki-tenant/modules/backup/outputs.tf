output "vault_arn" {
  value = aws_backup_vault.this.arn
}

output "dr_vault_arn" {
  value = aws_backup_vault.dr.arn
}
