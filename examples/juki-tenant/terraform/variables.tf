variable "region" {
  description = "Deployment region (ガバメントクラウド: Tokyo or Osaka)"
  type        = string
  default     = "ap-northeast-1"
}

variable "environment" {
  description = "prod / stg"
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR of the 住民記録 VPC"
  type        = string
}

variable "operations_cidr" {
  description = "Operations site reached over the closed network"
  type        = string
}
