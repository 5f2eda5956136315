aws_region = "ap-northeast-1"
project    = "kokuho"
env        = "prd"

vpc_cidr = "10.10.0.0/16"
azs      = ["ap-northeast-1a", "ap-northeast-1c"]

admin_cidrs = ["0.0.0.0/0"]

db_username = "admin"
db_password = "Kokuho#2024prd"

acm_certificate_arn = "arn:aws:acm:ap-northeast-1:444455556666:certificate/8d4a1f0e-1111-2222-3333-444455556666"

batch_api_key = "kk-live-7f3a9b2c4d5e6f708192a3b4c5d6e7f8"
