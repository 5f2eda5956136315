output "security_group_id" {
  value = aws_security_group.app.id
}

output "alb_dns_name" {
  value = aws_lb.this.dns_name
}

output "autoscaling_group_name" {
  value = aws_autoscaling_group.app.name
}
