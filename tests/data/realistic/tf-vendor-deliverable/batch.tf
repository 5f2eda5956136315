resource "aws_sqs_queue" "batch" {
  name                       = "${local.name}-batch"
  visibility_timeout_seconds = 900
  message_retention_seconds  = 1209600
  sqs_managed_sse_enabled    = true

  tags = local.common_tags
}

resource "aws_sns_topic" "alerts" {
  name = "${local.name}-alerts"

  tags = local.common_tags
}

resource "aws_sns_topic_subscription" "alerts_mail" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = "infra-alerts@vendor.example.co.jp"
}

module "batch" {
  source = "./modules/lambda-batch"

  function_name = "${local.name}-nightly-batch"
  runtime       = "python3.9"
  handler       = "batch.main"
  filename      = "${path.module}/build/nightly-batch.zip"
  timeout       = 900

  subnet_ids         = module.vpc.private_subnets
  security_group_ids = [module.sg_app.security_group_id]

  environment_variables = {
    QUEUE_URL   = aws_sqs_queue.batch.url
    DB_HOST     = module.db.db_instance_endpoint
    DB_USER     = var.db_username
    DB_PASSWORD = var.db_password
    API_KEY     = var.batch_api_key
    LOG_LEVEL   = "INFO"
  }

  cloudwatch_logs_retention_in_days = 14

  tags = local.common_tags
}

resource "aws_ecr_repository" "app" {
  name                 = "${local.name}/app"
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = false
  }

  tags = local.common_tags
}
