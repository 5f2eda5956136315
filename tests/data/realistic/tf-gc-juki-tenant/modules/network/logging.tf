################################################################################
# Flow logs and DNS query logs
################################################################################

locals {
  create_flow_log = var.create_vpc && var.enable_flow_log
}

resource "aws_cloudwatch_log_group" "flow_log" {
  count = local.create_flow_log ? 1 : 0

  name              = "/aws/vpc-flow-log/${var.name}"
  retention_in_days = var.flow_log_retention_in_days
  kms_key_id        = var.flow_log_kms_key_arn

  tags = var.tags
}

data "aws_iam_policy_document" "flow_log_assume" {
  count = local.create_flow_log ? 1 : 0

  statement {
    sid     = "AWSVPCFlowLogsAssumeRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flow_log" {
  count = local.create_flow_log ? 1 : 0

  name_prefix        = "vpc-flow-log-role-"
  assume_role_policy = data.aws_iam_policy_document.flow_log_assume[0].json

  tags = var.tags
}

data "aws_iam_policy_document" "flow_log_write" {
  count = local.create_flow_log ? 1 : 0

  statement {
    sid    = "AWSVPCFlowLogsPushToCloudWatch"
    effect = "Allow"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogGroups",
      "logs:DescribeLogStreams",
    ]
    resources = ["${aws_cloudwatch_log_group.flow_log[0].arn}:*"]
  }
}

resource "aws_iam_role_policy" "flow_log" {
  count = local.create_flow_log ? 1 : 0

  name   = "flow-log-delivery"
  role   = aws_iam_role.flow_log[0].id
  policy = data.aws_iam_policy_document.flow_log_write[0].json
}

resource "aws_flow_log" "this" {
  count = local.create_flow_log ? 1 : 0

  log_destination_type     = "cloud-watch-logs"
  log_destination          = aws_cloudwatch_log_group.flow_log[0].arn
  iam_role_arn             = aws_iam_role.flow_log[0].arn
  traffic_type             = var.flow_log_traffic_type
  vpc_id                   = local.vpc_id
  max_aggregation_interval = var.flow_log_max_aggregation_interval

  tags = var.tags
}

resource "aws_cloudwatch_log_group" "dns_query" {
  count = var.create_vpc && var.enable_dns_query_log ? 1 : 0

  name              = "/aws/route53resolver/${var.name}"
  retention_in_days = var.flow_log_retention_in_days
  kms_key_id        = var.flow_log_kms_key_arn

  tags = var.tags
}

resource "aws_route53_resolver_query_log_config" "this" {
  count = var.create_vpc && var.enable_dns_query_log ? 1 : 0

  name            = "${var.name}-dns"
  destination_arn = aws_cloudwatch_log_group.dns_query[0].arn

  tags = var.tags
}

resource "aws_route53_resolver_query_log_config_association" "this" {
  count = var.create_vpc && var.enable_dns_query_log ? 1 : 0

  resolver_query_log_config_id = aws_route53_resolver_query_log_config.this[0].id
  resource_id                  = local.vpc_id
}
