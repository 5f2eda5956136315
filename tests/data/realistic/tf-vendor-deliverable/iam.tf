# Operators of the vendor's support center switch into this role from the vendor account.
module "vendor_operator_role" {
  source = "./modules/iam-assumable-role"

  create_role = true
  role_name   = "${local.name}-vendor-operator"

  trusted_role_arns = [
    "arn:aws:iam::444455556666:root",
  ]

  role_requires_mfa    = false
  attach_admin_policy  = true
  max_session_duration = 43200
}

# Read-only role for the municipality's auditors (MFA enforced by the module default).
module "auditor_role" {
  source = "./modules/iam-assumable-role"

  create_role = true
  role_name   = "${local.name}-auditor"

  trusted_role_arns = [
    "arn:aws:iam::111122223333:root",
  ]

  attach_readonly_policy = true
}

resource "aws_iam_role" "app" {
  name = "${local.name}-app"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { Service = "ec2.amazonaws.com" }
      },
    ]
  })
}

resource "aws_iam_role_policy" "app" {
  name = "app-access"
  role = aws_iam_role.app.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:*"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"]
        Resource = aws_sqs_queue.batch.arn
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "app_ssm" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "${local.name}-app"
  role = aws_iam_role.app.name
}

# CI pipeline user (GitHub Actions) that deploys the application.
resource "aws_iam_user" "deploy" {
  name = "${local.name}-deploy"
}

resource "aws_iam_access_key" "deploy" {
  user = aws_iam_user.deploy.name
}

resource "aws_iam_user_policy_attachment" "deploy" {
  user       = aws_iam_user.deploy.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 8
  require_lowercase_characters   = true
  require_numbers                = true
  require_uppercase_characters   = true
  require_symbols                = false
  allow_users_to_change_password = true
  max_password_age               = 0
  password_reuse_prevention      = 3
}
