variable "create_bucket" {
  description = "Controls if S3 bucket should be created"
  type        = bool
  default     = true
}

variable "bucket" {
  description = "The name of the bucket"
  type        = string
  default     = null
}

variable "force_destroy" {
  type    = bool
  default = false
}

variable "object_lock_enabled" {
  type    = bool
  default = false
}

variable "object_lock_configuration" {
  description = "Map with object lock settings: { mode, days }"
  type        = any
  default     = {}
}

variable "versioning" {
  description = "Map containing versioning configuration"
  type        = map(string)
  default     = {}
}

variable "server_side_encryption_configuration" {
  description = "Map containing server-side encryption configuration"
  type        = any
  default     = {}
}

variable "logging" {
  description = "Map containing access bucket logging configuration"
  type        = map(string)
  default     = {}
}

variable "lifecycle_rule" {
  description = "List of maps containing configuration of object lifecycle management"
  type        = any
  default     = []
}

variable "attach_deny_insecure_transport_policy" {
  type    = bool
  default = false
}

variable "attach_access_log_delivery_policy" {
  type    = bool
  default = false
}

variable "attach_elb_log_delivery_policy" {
  type    = bool
  default = false
}

variable "attach_cloudtrail_log_delivery_policy" {
  type    = bool
  default = false
}

variable "attach_policy" {
  type    = bool
  default = false
}

variable "policy" {
  type    = string
  default = null
}

variable "block_public_acls" {
  type    = bool
  default = true
}

variable "block_public_policy" {
  type    = bool
  default = true
}

variable "ignore_public_acls" {
  type    = bool
  default = true
}

variable "restrict_public_buckets" {
  type    = bool
  default = true
}

variable "attach_public_policy" {
  description = "Controls if a user defined public bucket policy will be attached"
  type        = bool
  default     = true
}

variable "object_ownership" {
  type    = string
  default = "BucketOwnerEnforced"
}

variable "tags" {
  type    = map(string)
  default = {}
}
