# Produce to orders.v1.
resource "tributary_acl" "orders_app_write" {
  instance_id   = tributary_instance.orders.id
  resource_type = "TOPIC"
  resource_name = tributary_topic.orders.name
  principal     = "User:${tributary_user.orders_app.name}"
  operation     = "WRITE"
  permission    = "ALLOW"
  # pattern_type = "LITERAL" and host = "*" by default
}

# Consume every topic starting with "orders.", in consumer groups starting with "billing-".
resource "tributary_acl" "billing_read_topics" {
  instance_id   = tributary_instance.orders.id
  resource_type = "TOPIC"
  resource_name = "orders."
  pattern_type  = "PREFIXED"
  principal     = "User:${tributary_user.billing.name}"
  operation     = "READ"
  permission    = "ALLOW"
}

resource "tributary_acl" "billing_read_groups" {
  instance_id   = tributary_instance.orders.id
  resource_type = "GROUP"
  resource_name = "billing-"
  pattern_type  = "PREFIXED"
  principal     = "User:${tributary_user.billing.name}"
  operation     = "READ"
  permission    = "ALLOW"
}
