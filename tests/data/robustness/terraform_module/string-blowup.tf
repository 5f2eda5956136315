locals {
  a = "xxxxxxxxxxxxxxxx"
  b = join("", [for i in range(1000) : local.a])
  c = join("", [for i in range(1000) : local.b])
  e = indent(99999, "a\nb")
  f = format("%\u0000d", 1)
  g = format("%-+# 0.5x %o", 1, 3.5)
}
