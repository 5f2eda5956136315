locals {
  x = <<EOT
no end
