variable "create" {
  type    = bool
  default = true
}

variable "name" {
  type = string
}

variable "internal" {
  description = "If true, the LB will be internal. Defaults to `false`"
  type        = bool
  default     = null
}

variable "load_balancer_type" {
  type    = string
  default = "application"
}

variable "vpc_id" {
  type = string
}

variable "subnets" {
  type    = list(string)
  default = null
}

variable "security_groups" {
  type    = list(string)
  default = []
}

variable "access_logs" {
  description = "Map containing access logging configuration for load balancer"
  type        = map(string)
  default     = {}
}

variable "enable_deletion_protection" {
  type    = bool
  default = true
}

variable "listeners" {
  description = "Map of listener configurations to create"
  type        = any
  default     = {}
}

variable "target_groups" {
  description = "Map of target group configurations to create"
  type        = any
  default     = {}
}

variable "web_acl_arn" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
