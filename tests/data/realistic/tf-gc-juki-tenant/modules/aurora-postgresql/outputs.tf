output "cluster_arn" {
  value = try(aws_rds_cluster.this[0].arn, null)
}

output "cluster_endpoint" {
  value = try(aws_rds_cluster.this[0].endpoint, null)
}

output "security_group_id" {
  value = try(aws_security_group.this[0].id, null)
}
