resource "aws_cloudwatch_log_group" "app" {
  for_each = toset(["application", "access", "batch"])

  name              = "/${var.project}/${var.env}/${each.key}"
  retention_in_days = 90

  tags = local.common_tags
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  for_each = local.app_servers

  alarm_name          = "${local.name}-${each.key}-cpu"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 3
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 300
  statistic           = "Average"
  threshold           = 80
  alarm_actions       = [aws_sns_topic.alerts.arn]

  dimensions = {
    InstanceId = module.app[each.key].id
  }
}
