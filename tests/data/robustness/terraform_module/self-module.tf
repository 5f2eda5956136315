module "me" {
  source = "./"
}
module "up" {
  source = "../../../../../../etc"
}
