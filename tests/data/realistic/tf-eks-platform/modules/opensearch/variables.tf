variable "domain_name" {
  type = string
}

variable "engine_version" {
  type = string
}

variable "instance_type" {
  type    = string
  default = "r6g.large.search"
}

variable "instance_count" {
  type    = number
  default = 2
}

variable "subnet_ids" {
  type = list(string)
}

variable "vpc_id" {
  type = string
}

variable "allowed_cidrs" {
  type    = list(string)
  default = []
}

variable "kms_key_id" {
  type = string
}

variable "master_user_arn" {
  type = string
}

variable "log_retention_in_days" {
  type    = number
  default = 400
}

variable "tags" {
  type    = map(string)
  default = {}
}
