dr_region        = "ap-northeast-3"
dr_sse_algorithm = "AES256"
vpc_id           = "vpc-0a1b2c3d4e5f60718"
