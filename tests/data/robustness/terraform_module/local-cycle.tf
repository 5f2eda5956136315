locals {
  a = local.b
  b = local.c
  c = local.a
}
variable "v" {
  default = var.v
}
