variable "name" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "config_bucket_name" {
  type = string
}

variable "delivery_frequency" {
  type    = string
  default = "TwentyFour_Hours"
}

variable "alert_email" {
  type = string
}

variable "log_retention_days" {
  type    = number
  default = 731
}

variable "include_global_resources" {
  description = "Record IAM and other global resources (one region only)"
  type        = bool
  default     = true
}

variable "guardduty_features" {
  description = "GuardDuty protection plans and their state"
  type        = map(string)
  default = {
    S3_DATA_EVENTS         = "ENABLED"
    EBS_MALWARE_PROTECTION = "ENABLED"
    RDS_LOGIN_EVENTS       = "ENABLED"
    RUNTIME_MONITORING     = "ENABLED"
    EKS_AUDIT_LOGS         = "ENABLED"
    LAMBDA_NETWORK_LOGS    = "ENABLED"
  }
}

variable "securityhub_standards" {
  type = list(string)
  default = [
    "standards/aws-foundational-security-best-practices/v/1.0.0",
    "standards/cis-aws-foundations-benchmark/v/3.0.0",
  ]
}
