locals {
  default_metadata_options = {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }
}

data "aws_iam_policy_document" "node_assume_role" {
  statement {
    sid     = "EKSNodeAssumeRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "node" {
  count = local.create ? 1 : 0

  name_prefix        = "${var.cluster_name}-node-"
  assume_role_policy = data.aws_iam_policy_document.node_assume_role.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = { for k, v in toset([
    "arn:${local.partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    "arn:${local.partition}:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
    "arn:${local.partition}:iam::aws:policy/AmazonEKS_CNI_Policy",
    "arn:${local.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore",
  ]) : k => v if local.create }

  policy_arn = each.value
  role       = aws_iam_role.node[0].name
}

resource "aws_launch_template" "node" {
  for_each = { for k, v in var.eks_managed_node_groups : k => v if local.create }

  name_prefix            = "${var.cluster_name}-${each.key}-"
  update_default_version = true
  key_name               = try(each.value.key_name, var.eks_managed_node_group_defaults.key_name, null)
  vpc_security_group_ids = [aws_security_group.node[0].id]

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = try(each.value.disk_size, var.eks_managed_node_group_defaults.disk_size, 50)
      volume_type           = "gp3"
      encrypted             = true
      kms_key_id            = try(each.value.ebs_kms_key_id, var.eks_managed_node_group_defaults.ebs_kms_key_id, null)
      delete_on_termination = true
    }
  }

  dynamic "metadata_options" {
    for_each = [merge(local.default_metadata_options, try(each.value.metadata_options, {}))]

    content {
      http_endpoint               = try(metadata_options.value.http_endpoint, null)
      http_tokens                 = try(metadata_options.value.http_tokens, null)
      http_put_response_hop_limit = try(metadata_options.value.http_put_response_hop_limit, null)
    }
  }

  monitoring {
    enabled = true
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { Name = "${var.cluster_name}-${each.key}" })
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_eks_node_group" "this" {
  for_each = { for k, v in var.eks_managed_node_groups : k => v if local.create }

  cluster_name    = aws_eks_cluster.this[0].name
  node_group_name = each.key
  node_role_arn   = aws_iam_role.node[0].arn
  subnet_ids      = var.subnet_ids
  ami_type        = try(each.value.ami_type, var.eks_managed_node_group_defaults.ami_type, null)
  instance_types  = try(each.value.instance_types, ["m6i.large"])
  labels          = try(each.value.labels, {})

  scaling_config {
    min_size     = try(each.value.min_size, 1)
    max_size     = try(each.value.max_size, 3)
    desired_size = try(each.value.desired_size, 1)
  }

  launch_template {
    id      = aws_launch_template.node[each.key].id
    version = aws_launch_template.node[each.key].latest_version
  }

  update_config {
    max_unavailable_percentage = 33
  }

  tags = var.tags
}
