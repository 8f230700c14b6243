# A SASL user needs an instance with security.protocol SASL_PLAINTEXT or SASL_SSL.

# Without a password the API generates one; it is kept (sensitive) in the state.
resource "tributary_user" "orders_app" {
  instance_id = tributary_instance.orders.id
  name        = "orders-app"
}

# With a password: changing it resets the password in place.
resource "tributary_user" "billing" {
  instance_id = tributary_instance.orders.id
  name        = "billing"
  password    = var.billing_kafka_password
}

variable "billing_kafka_password" {
  type      = string
  sensitive = true
}

output "orders_app_password" {
  value     = tributary_user.orders_app.password
  sensitive = true
}
