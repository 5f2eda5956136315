variable "unused" {
  type    = string
  default = "x"
}
