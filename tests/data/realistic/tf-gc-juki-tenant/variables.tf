################################################################################
# General
################################################################################

variable "region" {
  description = "Primary region of the tenant"
  type        = string
  default     = "ap-northeast-1"
}

variable "dr_region" {
  description = "Region that receives backup copies"
  type        = string
  default     = "ap-northeast-3"
}

variable "municipality_code" {
  description = "全国地方公共団体コード (6 digits)"
  type        = string
}

variable "system_name" {
  description = "Short name of the 標準準拠システム"
  type        = string
  default     = "juki"
}

variable "environment" {
  description = "prod / stg"
  type        = string
  default     = "prod"
}

variable "tags" {
  description = "Additional tags for every resource"
  type        = map(string)
  default     = {}
}

################################################################################
# Network
################################################################################

variable "vpc_cidr" {
  description = "CIDR of the tenant VPC (assigned by the GC network team)"
  type        = string
}

variable "private_subnets" {
  description = "Map of availability zone => CIDR for the application subnets"
  type        = map(string)
  default     = {}
}

variable "database_subnets" {
  description = "Map of availability zone => CIDR for the database subnets"
  type        = map(string)
  default     = {}
}

variable "transit_gateway_id" {
  description = "Transit Gateway shared from the GC network account (closed network to the municipality)"
  type        = string
}

variable "office_cidrs" {
  description = "Municipal office networks reached over the closed line"
  type        = list(string)
  default     = []
}

variable "dmz_proxy_cidr" {
  description = "Forward proxy in the DMZ account; the only allowed egress destination"
  type        = string
}

################################################################################
# Keys and operators
################################################################################

variable "key_administrator_arns" {
  description = "Roles allowed to administer the tenant's KMS keys"
  type        = list(string)
  default     = []
}

variable "kms_deletion_window_in_days" {
  description = "Waiting period before a key is destroyed (crypto-erase)"
  type        = number
  default     = 30
}

################################################################################
# Application and database
################################################################################

variable "app_instance_type" {
  type    = string
  default = "m6i.large"
}

variable "app_ami_id" {
  description = "Hardened AMI built by the vendor pipeline"
  type        = string
}

variable "app_desired_capacity" {
  type    = number
  default = 2
}

variable "certificate_arn" {
  description = "ACM certificate of the internal ALB (private CA)"
  type        = string
}

variable "db_instance_class" {
  type    = string
  default = "db.r6g.large"
}

variable "db_engine_version" {
  type    = string
  default = "15.5"
}

variable "db_instances" {
  description = "Aurora instances keyed by name"
  type        = map(any)
  default = {
    one = {}
    two = {}
  }
}

variable "log_retention_in_days" {
  description = "Retention of every CloudWatch log group (the policy requires at least one year)"
  type        = number
  default     = 400
}
