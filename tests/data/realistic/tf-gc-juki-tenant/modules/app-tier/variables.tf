variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "ami_id" {
  type = string
}

variable "instance_type" {
  type    = string
  default = "m6i.large"
}

variable "desired_capacity" {
  type    = number
  default = 2
}

variable "min_size" {
  type    = number
  default = 2
}

variable "max_size" {
  type    = number
  default = 4
}

variable "root_volume_size" {
  type    = number
  default = 50
}

variable "ebs_kms_key_arn" {
  type = string
}

variable "certificate_arn" {
  type = string
}

variable "ssl_policy" {
  type    = string
  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "ingress_cidrs" {
  description = "Office networks allowed to reach the ALB"
  type        = list(string)
}

variable "proxy_cidr" {
  type = string
}

variable "proxy_port" {
  type    = number
  default = 8080
}

variable "endpoint_security_group_id" {
  type = string
}

variable "alb_access_log_bucket" {
  type = string
}

variable "log_kms_key_arn" {
  type = string
}

variable "log_retention_in_days" {
  type    = number
  default = 400
}

variable "metadata_options" {
  description = "Customize the metadata options for the instance"
  type        = map(string)
  default = {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

variable "tags" {
  type    = map(string)
  default = {}
}
