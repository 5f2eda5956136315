# Document store for 住民記録 scans and its access-log bucket.
module "storage" {
  source = "./modules/storage"

  name_prefix = local.name_prefix
  tags        = local.tier_tags
}
