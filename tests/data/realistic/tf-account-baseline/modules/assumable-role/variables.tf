variable "role_name" {
  type = string
}

variable "trusted_account_id" {
  type = string
}

variable "policy_arns" {
  type    = list(string)
  default = []
}

variable "mfa_max_age" {
  description = "Seconds since the MFA sign-in after which the role can no longer be assumed"
  type        = number
  default     = 43200
}

variable "max_session_duration" {
  type    = number
  default = 3600
}
