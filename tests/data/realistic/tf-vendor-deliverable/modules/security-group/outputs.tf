output "security_group_id" {
  description = "The ID of the security group"
  value       = local.this_sg_id
}
