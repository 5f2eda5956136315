municipality_code = "999999"
environment       = "prod"

vpc_cidr = "10.120.16.0/22"

private_subnets = {
  "ap-northeast-1a" = "10.120.16.0/25"
  "ap-northeast-1c" = "10.120.16.128/25"
}

database_subnets = {
  "ap-northeast-1a" = "10.120.17.0/26"
  "ap-northeast-1c" = "10.120.17.64/26"
}

office_cidrs   = ["172.20.0.0/16", "172.21.8.0/22"]
dmz_proxy_cidr = "10.120.0.16/28"

key_administrator_arns = [
  "arn:aws:iam::111122223333:role/gc-tenant-key-admin",
]

app_instance_type    = "m6i.xlarge"
app_desired_capacity = 2

db_instance_class = "db.r6g.xlarge"

tags = {
  CostCenter = "juki-2025"
}
