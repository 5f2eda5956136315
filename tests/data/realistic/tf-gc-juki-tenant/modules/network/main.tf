data "aws_region" "current" {}

locals {
  vpc_id = try(aws_vpc.this[0].id, "")

  region = data.aws_region.current.name
}

################################################################################
# VPC
################################################################################

resource "aws_vpc" "this" {
  count = var.create_vpc ? 1 : 0

  cidr_block           = var.cidr
  enable_dns_hostnames = var.enable_dns_hostnames
  enable_dns_support   = var.enable_dns_support

  tags = merge(
    { "Name" = var.name },
    var.tags,
  )
}

# Take over the default security group and leave it without rules.
resource "aws_default_security_group" "this" {
  count = var.create_vpc ? 1 : 0

  vpc_id = aws_vpc.this[0].id

  tags = merge(
    { "Name" = "${var.name}-default" },
    var.tags,
  )
}

################################################################################
# Subnets and routes (every route leaves through the Transit Gateway)
################################################################################

resource "aws_subnet" "private" {
  for_each = var.create_vpc ? var.private_subnets : {}

  vpc_id                  = local.vpc_id
  cidr_block              = each.value
  availability_zone       = each.key
  map_public_ip_on_launch = var.map_public_ip_on_launch

  tags = merge(
    { "Name" = "${var.name}-private-${substr(each.key, -1, 1)}" },
    var.tags,
  )
}

resource "aws_subnet" "database" {
  for_each = var.create_vpc ? var.database_subnets : {}

  vpc_id            = local.vpc_id
  cidr_block        = each.value
  availability_zone = each.key

  tags = merge(
    { "Name" = "${var.name}-db-${substr(each.key, -1, 1)}" },
    var.tags,
  )
}

resource "aws_route_table" "private" {
  count = var.create_vpc ? 1 : 0

  vpc_id = local.vpc_id

  tags = merge(
    { "Name" = "${var.name}-private" },
    var.tags,
  )
}

resource "aws_route" "to_closed_network" {
  count = var.create_vpc && var.transit_gateway_id != null ? 1 : 0

  route_table_id         = aws_route_table.private[0].id
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = var.transit_gateway_id
}

resource "aws_route_table_association" "private" {
  for_each = aws_subnet.private

  subnet_id      = each.value.id
  route_table_id = aws_route_table.private[0].id
}

resource "aws_route_table_association" "database" {
  for_each = aws_subnet.database

  subnet_id      = each.value.id
  route_table_id = aws_route_table.private[0].id
}

resource "aws_ec2_transit_gateway_vpc_attachment" "this" {
  count = var.create_vpc && var.transit_gateway_id != null ? 1 : 0

  transit_gateway_id = var.transit_gateway_id
  vpc_id             = local.vpc_id
  subnet_ids         = [for s in aws_subnet.private : s.id]

  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = merge(
    { "Name" = "${var.name}-tgw" },
    var.tags,
  )
}
