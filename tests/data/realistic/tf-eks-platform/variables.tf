variable "name" {
  description = "Cluster and platform name"
  type        = string
  default     = "gc-lgwan-platform"
}

variable "cluster_version" {
  description = "Kubernetes version, pinned by the release pipeline (-var cluster_version=...)"
  type        = string
}

variable "vpc_cidr" {
  type    = string
  default = "10.130.0.0/16"
}

variable "lgwan_dmz_proxy_cidr" {
  description = "LGWAN-ASP relay proxy in the DMZ"
  type        = string
  default     = "10.130.250.0/28"
}

variable "node_groups" {
  description = "Managed node groups"
  type        = any
  default     = {}
}

variable "repositories" {
  description = "ECR repositories keyed by name"
  type        = map(any)
  default     = {}
}
