resource "aws_lb" "this" {
  count = var.create ? 1 : 0

  name               = var.name
  internal           = var.internal
  load_balancer_type = var.load_balancer_type
  security_groups    = var.security_groups
  subnets            = var.subnets

  enable_deletion_protection = var.enable_deletion_protection

  dynamic "access_logs" {
    for_each = length(var.access_logs) > 0 ? [var.access_logs] : []

    content {
      bucket  = access_logs.value.bucket
      enabled = try(access_logs.value.enabled, true)
      prefix  = try(access_logs.value.prefix, null)
    }
  }

  tags = var.tags
}

resource "aws_lb_target_group" "this" {
  for_each = { for k, v in var.target_groups : k => v if var.create }

  name        = try(each.value.name, null)
  port        = try(each.value.port, 80)
  protocol    = try(each.value.protocol, "HTTP")
  target_type = try(each.value.target_type, "instance")
  vpc_id      = var.vpc_id

  dynamic "health_check" {
    for_each = try([each.value.health_check], [])

    content {
      path    = try(health_check.value.path, "/")
      matcher = try(health_check.value.matcher, "200")
    }
  }

  tags = var.tags
}

resource "aws_lb_listener" "this" {
  for_each = { for k, v in var.listeners : k => v if var.create }

  load_balancer_arn = aws_lb.this[0].arn
  port              = try(each.value.port, 80)
  protocol          = try(each.value.protocol, "HTTP")
  certificate_arn   = try(each.value.certificate_arn, null)
  ssl_policy        = contains(["HTTPS", "TLS"], try(each.value.protocol, "HTTP")) ? try(each.value.ssl_policy, "ELBSecurityPolicy-TLS13-1-2-2021-06") : try(each.value.ssl_policy, null)

  dynamic "default_action" {
    for_each = try([each.value.forward], [])

    content {
      type             = "forward"
      target_group_arn = aws_lb_target_group.this[default_action.value.target_group_key].arn
    }
  }

  dynamic "default_action" {
    for_each = try([each.value.redirect], [])

    content {
      type = "redirect"

      redirect {
        port        = try(default_action.value.port, null)
        protocol    = try(default_action.value.protocol, null)
        status_code = default_action.value.status_code
      }
    }
  }

  tags = var.tags
}

resource "aws_wafv2_web_acl_association" "this" {
  count = var.create && var.web_acl_arn != null ? 1 : 0

  resource_arn = aws_lb.this[0].arn
  web_acl_arn  = var.web_acl_arn
}
