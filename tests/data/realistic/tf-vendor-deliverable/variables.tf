variable "aws_region" {
  type    = string
  default = "ap-northeast-1"
}

variable "aws_profile" {
  type    = string
  default = "default"
}

variable "project" {
  type    = string
  default = "kokuho"
}

variable "env" {
  type    = string
  default = "prd"
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "azs" {
  type    = list(string)
  default = ["ap-northeast-1a", "ap-northeast-1c"]
}

variable "admin_cidrs" {
  description = "Source addresses for SSH to the bastion"
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "office_global_ip" {
  description = "Global IP of the municipality office (set per environment)"
  type        = string
}

variable "key_name" {
  type    = string
  default = "kokuho-prd-ops"
}

variable "app_instance_type" {
  type    = string
  default = "t3.large"
}

variable "db_username" {
  type    = string
  default = "admin"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "rds_kms_key_id" {
  description = "KMS key for the database (created by the municipality)"
  type        = string
}

variable "domain_name" {
  type    = string
  default = "kokuho.example-city.lg.jp"
}

variable "acm_certificate_arn" {
  type = string
}

variable "batch_api_key" {
  type      = string
  sensitive = true
  default   = ""
}
