variable "create" {
  type    = bool
  default = true
}

variable "name" {
  type = string
}

variable "engine_version" {
  type    = string
  default = "15.5"
}

variable "instance_class" {
  type    = string
  default = "db.r6g.large"
}

variable "instances" {
  description = "Map of cluster instances and any specific/overriding attributes to be created"
  type        = any
  default     = {}
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type    = list(string)
  default = []
}

variable "allowed_security_groups" {
  type    = list(string)
  default = []
}

variable "port" {
  type    = number
  default = 5432
}

variable "master_username" {
  type    = string
  default = "juki_owner"
}

variable "kms_key_arn" {
  description = "Customer-managed key for storage, Performance Insights and the master secret"
  type        = string
}

variable "log_kms_key_arn" {
  type    = string
  default = null
}

variable "log_retention_in_days" {
  type    = number
  default = 400
}

variable "backup_retention_period" {
  type    = number
  default = 35
}

variable "preferred_backup_window" {
  type    = string
  default = "17:00-18:00"
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "skip_final_snapshot" {
  type    = bool
  default = false
}

variable "enabled_cloudwatch_logs_exports" {
  type    = list(string)
  default = ["postgresql"]
}

variable "cluster_parameters" {
  description = "A list of DB cluster parameters to apply"
  type = list(object({
    name         = string
    value        = string
    apply_method = optional(string, "immediate")
  }))
  default = [
    { name = "rds.force_ssl", value = "1" },
    { name = "log_connections", value = "1" },
    { name = "log_disconnections", value = "1" },
    { name = "timezone", value = "Asia/Tokyo" },
  ]
}

variable "tags" {
  type    = map(string)
  default = {}
}
