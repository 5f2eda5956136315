locals {
  b = format("%b", -5)
  x = format("%x", 1.5e300)
}
