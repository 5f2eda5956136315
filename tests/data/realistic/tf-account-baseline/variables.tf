variable "account_name" {
  description = "Name of the tenant account (個別領域)"
  type        = string
}

variable "organization_id" {
  description = "AWS Organizations ID of the municipality"
  type        = string
  default     = null
}

variable "security_contact_email" {
  type = string
}

variable "operator_account_id" {
  description = "Account of the operations vendor whose staff switch roles into this account"
  type        = string
}

variable "audit_account_id" {
  description = "Account of the municipality's information-security office"
  type        = string
}

variable "enabled_regions" {
  type    = list(string)
  default = ["ap-northeast-1", "ap-northeast-3"]
}

variable "config_delivery_frequency" {
  type    = string
  default = "TwentyFour_Hours"
}

variable "log_retention_days" {
  type    = number
  default = 731
}

variable "breakglass_session_seconds" {
  type    = number
  default = 3600
}
