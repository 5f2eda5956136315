locals {
  p = file("/etc/passwd")
  q = file("${path.module}/../../../../etc/hostname")
  r = fileset("/", "**")
}
