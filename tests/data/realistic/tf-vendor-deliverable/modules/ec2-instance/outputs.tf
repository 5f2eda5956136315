output "id" {
  value = try(aws_instance.this[0].id, "")
}

output "private_ip" {
  value = try(aws_instance.this[0].private_ip, "")
}
