output "vpc_id" {
  value = module.network.vpc_id
}

output "alb_dns_name" {
  value = module.app.alb_dns_name
}

output "data_bucket_names" {
  value = { for k, b in module.data_bucket : k => b.s3_bucket_id }
}

output "db_cluster_endpoint" {
  value = module.database.cluster_endpoint
}
