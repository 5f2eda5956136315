variable "name_prefix" {
  description = "Prefix of the key aliases"
  type        = string
}

variable "keys" {
  description = "Map of key name => { description, services }"
  type = map(object({
    description             = string
    services                = list(string)
    deletion_window_in_days = optional(number)
  }))
}

variable "key_administrators" {
  description = "IAM principals allowed to administer the keys"
  type        = list(string)
  default     = []
}

variable "deletion_window_in_days" {
  description = "Default waiting period before deletion"
  type        = number
  default     = 30
}

variable "enable_key_rotation" {
  type    = bool
  default = true
}

variable "multi_region" {
  description = "Multi-Region keys replicate key material outside the region; keep false"
  type        = bool
  default     = false
}
