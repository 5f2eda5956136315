data "aws_ami" "amazon_linux" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

module "bastion" {
  source = "./modules/ec2-instance"

  name          = "${local.name}-bastion"
  ami           = data.aws_ami.amazon_linux.id
  instance_type = "t3.micro"
  key_name      = var.key_name

  subnet_id                   = module.vpc.public_subnets[0]
  vpc_security_group_ids      = [module.sg_bastion.security_group_id]
  associate_public_ip_address = true

  root_block_device = [
    {
      volume_size = 20
      volume_type = "gp3"
    },
  ]

  tags = local.common_tags
}

resource "aws_eip" "bastion" {
  instance = module.bastion.id
  domain   = "vpc"

  tags = merge(local.common_tags, { Name = "${local.name}-bastion" })
}

module "app" {
  source   = "./modules/ec2-instance"
  for_each = local.app_servers

  name          = "${local.name}-${each.key}"
  ami           = data.aws_ami.amazon_linux.id
  instance_type = var.app_instance_type
  key_name      = var.key_name

  subnet_id              = module.vpc.private_subnets[each.value.subnet_index]
  vpc_security_group_ids = [module.sg_app.security_group_id]
  iam_instance_profile   = aws_iam_instance_profile.app.name

  metadata_options = {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }

  root_block_device = [
    {
      volume_size = 100
      volume_type = "gp3"
      encrypted   = true
    },
  ]

  user_data = <<-EOT
    #!/bin/bash
    dnf install -y java-17-amazon-corretto
    cat > /etc/kokuho/app.env <<ENV
    DB_HOST=${module.db.db_instance_endpoint}
    DB_USER=${var.db_username}
    DB_PASSWORD=${var.db_password}
    ENV
    systemctl restart kokuho-app
  EOT

  tags = local.common_tags
}
