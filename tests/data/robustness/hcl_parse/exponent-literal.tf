locals {
  a = 1e3
  b = 1E-3
  c = 1.5e300
}
