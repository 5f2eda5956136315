variable "name" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "data_bucket_arns" {
  description = "Buckets whose object-level events are recorded"
  type        = list(string)
  default     = []
}

variable "log_retention_in_days" {
  type    = number
  default = 400
}

variable "access_log_bucket" {
  type = string
}

variable "object_lock_days" {
  type    = number
  default = 400
}
