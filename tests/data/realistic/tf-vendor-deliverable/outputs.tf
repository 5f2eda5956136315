output "alb_dns_name" {
  value = module.alb.dns_name
}

output "bastion_public_ip" {
  value = aws_eip.bastion.public_ip
}

output "cloudfront_domain" {
  value = aws_cloudfront_distribution.web.domain_name
}

output "deploy_access_key_id" {
  value = aws_iam_access_key.deploy.id
}
