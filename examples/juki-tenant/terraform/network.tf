locals {
  name_prefix = "juki-${var.environment}"
  tier_tags = {
    gc-tier = "mynumber"
  }
}

resource "aws_vpc" "juki" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(local.tier_tags, { Name = "${local.name_prefix}-vpc" })
}

resource "aws_subnet" "app" {
  count             = 2
  vpc_id            = aws_vpc.juki.id
  cidr_block        = cidrsubnet(var.vpc_cidr, 8, count.index)
  availability_zone = ["ap-northeast-1a", "ap-northeast-1c"][count.index]

  tags = merge(local.tier_tags, { Name = "${local.name_prefix}-app-${count.index}" })
}

# AWS APIs are reached through VPC endpoints, so the tier needs no Internet path (compliant).
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.juki.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"

  tags = local.tier_tags
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = toset(["kms", "sts", "logs", "ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.juki.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.app[*].id
  private_dns_enabled = true

  tags = local.tier_tags
}

# Application servers. The vendor opened SSH to the world "for the migration weekend" (GC-NET-001).
resource "aws_security_group" "app" {
  name        = "${local.name_prefix}-app"
  description = "juki application servers"
  vpc_id      = aws_vpc.juki.id

  ingress {
    description = "HTTPS from the office over the closed network"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.operations_cidr]
  }

  ingress {
    description = "SSH for vendor maintenance"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tier_tags
}

# Database: reachable only from the application security group (compliant).
resource "aws_security_group" "db" {
  name        = "${local.name_prefix}-db"
  description = "juki PostgreSQL"
  vpc_id      = aws_vpc.juki.id

  tags = local.tier_tags
}

resource "aws_vpc_security_group_ingress_rule" "db_from_app" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.app.id
  from_port                    = 5432
  to_port                      = 5432
  ip_protocol                  = "tcp"
}

# Operators may reach RDP on the Windows management host, but only from the operations site (compliant).
resource "aws_vpc_security_group_ingress_rule" "rdp_from_operations" {
  security_group_id = aws_security_group.app.id
  cidr_ipv4         = var.operations_cidr
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
}

# Load balancer for the 住民記録 API. `internal` was left out, so it is internet-facing by default (GC-NET-008).
resource "aws_lb" "api" {
  name               = "${local.name_prefix}-api"
  load_balancer_type = "application"
  subnets            = aws_subnet.app[*].id
  security_groups    = [aws_security_group.app.id]

  tags = local.tier_tags
}

# Load balancer for the batch status page, correctly internal (compliant).
resource "aws_lb" "batch_status" {
  name               = "${local.name_prefix}-batch-status"
  internal           = true
  load_balancer_type = "application"
  subnets            = aws_subnet.app[*].id
  security_groups    = [aws_security_group.app.id]

  tags = local.tier_tags
}
