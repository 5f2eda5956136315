variable "dr_region" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "dr_sse_algorithm" {
  type    = string
  default = "aws:kms"
}
