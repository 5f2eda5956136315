output "vpc_id" {
  value = local.vpc_id
}

output "private_subnet_ids" {
  value = [for s in aws_subnet.private : s.id]
}

output "database_subnet_ids" {
  value = [for s in aws_subnet.database : s.id]
}

output "endpoint_security_group_id" {
  value = try(aws_security_group.endpoints[0].id, null)
}

output "private_route_table_id" {
  value = try(aws_route_table.private[0].id, null)
}
