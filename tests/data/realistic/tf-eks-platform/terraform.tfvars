node_groups = {
  system = {
    instance_types = ["m6i.large"]
    min_size       = 2
    max_size       = 3
    desired_size   = 2
    labels = {
      role = "system"
    }
  }
  apps = {
    instance_types = ["m6i.xlarge"]
    min_size       = 2
    max_size       = 6
    desired_size   = 3
    disk_size      = 100
    # Vendor debugging access, requested for the first month of operation.
    key_name = "lgwan-platform-debug"
    metadata_options = {
      http_endpoint               = "enabled"
      http_tokens                 = "optional"
      http_put_response_hop_limit = 2
    }
  }
}

repositories = {
  "juki-api"     = {}
  "juki-batch"   = {}
  "shared-proxy" = { scan_on_push = false }
}
