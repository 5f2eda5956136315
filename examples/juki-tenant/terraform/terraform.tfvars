environment     = "prod"
vpc_cidr        = "10.110.0.0/16"
operations_cidr = "10.250.10.0/24"
