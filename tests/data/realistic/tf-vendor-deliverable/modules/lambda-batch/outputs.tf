output "function_arn" {
  value = aws_lambda_function.this.arn
}
