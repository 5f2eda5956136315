module "alb" {
  source = "./modules/alb"

  name            = "${local.name}-alb"
  vpc_id          = module.vpc.vpc_id
  subnets         = module.vpc.public_subnets
  security_groups = [module.sg_alb.security_group_id]

  enable_deletion_protection = false

  target_groups = {
    app = {
      name     = "${local.name}-app"
      port     = 8080
      protocol = "HTTP"
      health_check = {
        path = "/kokuho/health"
      }
    }
  }

  listeners = {
    http = {
      port     = 80
      protocol = "HTTP"
      forward = {
        target_group_key = "app"
      }
    }
    https = {
      port            = 443
      protocol        = "HTTPS"
      certificate_arn = var.acm_certificate_arn
      ssl_policy      = "ELBSecurityPolicy-2016-08"
      forward = {
        target_group_key = "app"
      }
    }
  }

  tags = local.common_tags
}

resource "aws_lb_target_group_attachment" "app" {
  for_each = local.app_servers

  target_group_arn = module.alb.target_groups["app"].arn
  target_id        = module.app[each.key].id
  port             = 8080
}
