resource "a" "ÿþ" {
  x = "À€í €"
}
