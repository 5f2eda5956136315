################################################################################
# Switch-role entry points. Human access only through these roles.
################################################################################

module "operator_admin" {
  source = "./modules/assumable-role"

  role_name          = "gc-operator-admin"
  trusted_account_id = var.operator_account_id
  policy_arns        = ["arn:aws:iam::aws:policy/AdministratorAccess"]
  mfa_max_age        = 3600
}

module "operator_readonly" {
  source = "./modules/assumable-role"

  role_name          = "gc-operator-readonly"
  trusted_account_id = var.operator_account_id
  policy_arns        = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}

module "auditor" {
  source = "./modules/assumable-role"

  role_name          = "gc-municipal-auditor"
  trusted_account_id = var.audit_account_id
  policy_arns = [
    "arn:aws:iam::aws:policy/SecurityAudit",
    "arn:aws:iam::aws:policy/AWSCloudTrail_ReadOnlyAccess",
  ]
}

# Used by the deployment pipeline (GitHub Actions OIDC); no long-lived keys.
data "aws_iam_policy_document" "github_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:sample-city/juki-infra:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "gc-deploy"
  assume_role_policy   = data.aws_iam_policy_document.github_trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy" "deploy" {
  name = "deploy"
  role = aws_iam_role.deploy.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecs:UpdateService", "ecs:DescribeServices", "ecr:GetAuthorizationToken"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ecr:BatchCheckLayerAvailability", "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"]
        Resource = "arn:aws:ecr:ap-northeast-1:${local.account_id}:repository/juki-*"
      },
    ]
  })
}

# Break-glass role for the municipality's CISO; session length deliberately short.
# gclint:ignore GC-IAM-004 reason="break-glass role of the CISO, MFA within 15 minutes, alarmed on use" until=2027-03-31
resource "aws_iam_role" "breakglass" {
  name                 = "gc-breakglass"
  max_session_duration = var.breakglass_session_seconds

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.audit_account_id}:role/ciso" }
        Action    = "sts:AssumeRole"
        Condition = {
          Bool            = { "aws:MultiFactorAuthPresent" = "true" }
          NumericLessThan = { "aws:MultiFactorAuthAge" = "900" }
        }
      },
    ]
  })

  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}
