output "cluster_endpoint" {
  value = try(aws_eks_cluster.this[0].endpoint, null)
}

output "cluster_security_group_id" {
  value = try(aws_security_group.cluster[0].id, null)
}

output "node_security_group_id" {
  value = try(aws_security_group.node[0].id, null)
}

output "node_iam_role_arn" {
  value = try(aws_iam_role.node[0].arn, null)
}

output "oidc_provider_arn" {
  value = try(aws_iam_openid_connect_provider.oidc_provider[0].arn, null)
}
