variable "name_prefix" {
  description = "Prefix for bucket names"
  type        = string
}

variable "tags" {
  description = "Tags for every resource (gc-tier)"
  type        = map(string)
  default     = {}
}
