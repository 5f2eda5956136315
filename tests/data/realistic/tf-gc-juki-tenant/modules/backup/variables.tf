variable "name" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "retention_days" {
  type    = number
  default = 400
}

variable "min_retention_days" {
  type    = number
  default = 365
}

variable "max_retention_days" {
  type    = number
  default = 3650
}

variable "schedule" {
  type    = string
  default = "cron(0 18 * * ? *)"
}

variable "resource_arns" {
  type    = list(string)
  default = []
}

variable "selection_tag_value" {
  type    = string
  default = "true"
}
