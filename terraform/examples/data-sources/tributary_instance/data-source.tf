data "tributary_instance" "orders" {
  id = "6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c"
}

output "orders_bootstrap_servers" {
  value = data.tributary_instance.orders.bootstrap_servers
}
