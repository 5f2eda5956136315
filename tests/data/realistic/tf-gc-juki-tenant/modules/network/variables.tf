variable "create_vpc" {
  description = "Controls if VPC should be created (it affects almost all resources)"
  type        = bool
  default     = true
}

variable "name" {
  description = "Name to be used on all the resources as identifier"
  type        = string
}

variable "cidr" {
  description = "The IPv4 CIDR block for the VPC"
  type        = string
}

variable "enable_dns_hostnames" {
  type    = bool
  default = true
}

variable "enable_dns_support" {
  type    = bool
  default = true
}

variable "private_subnets" {
  description = "Map of AZ => CIDR for application subnets"
  type        = map(string)
  default     = {}
}

variable "database_subnets" {
  description = "Map of AZ => CIDR for database subnets"
  type        = map(string)
  default     = {}
}

variable "map_public_ip_on_launch" {
  description = "Never true in a closed network; kept for module compatibility"
  type        = bool
  default     = false
}

variable "transit_gateway_id" {
  description = "Transit Gateway of the GC closed network"
  type        = string
  default     = null
}

variable "office_cidrs" {
  type    = list(string)
  default = []
}

variable "dmz_proxy_cidr" {
  type = string
}

variable "interface_endpoints" {
  description = "AWS services reached through interface endpoints"
  type        = list(string)
  default     = []
}

variable "enable_flow_log" {
  type    = bool
  default = true
}

variable "flow_log_traffic_type" {
  type    = string
  default = "ALL"
}

variable "flow_log_retention_in_days" {
  type    = number
  default = null
}

variable "flow_log_kms_key_arn" {
  type    = string
  default = null
}

variable "flow_log_max_aggregation_interval" {
  type    = number
  default = 60
}

variable "enable_dns_query_log" {
  type    = bool
  default = true
}

variable "tags" {
  type    = map(string)
  default = {}
}
