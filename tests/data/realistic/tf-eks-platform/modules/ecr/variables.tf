variable "repositories" {
  description = "Map of repository name => settings (scan_on_push, keep_images)"
  type        = map(any)
}

variable "kms_key_arn" {
  type = string
}

variable "replica_region" {
  description = "Second region that receives a replica of every image"
  type        = string
  default     = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
