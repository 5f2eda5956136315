################################################################################
# VPC endpoints: AWS APIs stay inside the closed network
################################################################################

resource "aws_security_group" "endpoints" {
  count = var.create_vpc ? 1 : 0

  name_prefix = "${var.name}-vpce-"
  description = "Interface endpoints, HTTPS from the VPC only"
  vpc_id      = local.vpc_id

  tags = merge(
    { "Name" = "${var.name}-vpce" },
    var.tags,
  )

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  count = var.create_vpc ? 1 : 0

  security_group_id = aws_security_group.endpoints[0].id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.cidr
}

resource "aws_vpc_endpoint" "s3" {
  count = var.create_vpc ? 1 : 0

  vpc_id            = local.vpc_id
  service_name      = "com.amazonaws.${local.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = aws_route_table.private[*].id

  tags = merge(
    { "Name" = "${var.name}-s3" },
    var.tags,
  )
}

resource "aws_vpc_endpoint" "interface" {
  for_each = var.create_vpc ? toset(var.interface_endpoints) : toset([])

  vpc_id              = local.vpc_id
  service_name        = "com.amazonaws.${local.region}.${each.value}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [for s in aws_subnet.private : s.id]
  security_group_ids  = [aws_security_group.endpoints[0].id]

  tags = merge(
    { "Name" = "${var.name}-${each.value}" },
    var.tags,
  )
}
