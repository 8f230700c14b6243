resource "tributary_instance" "orders" {
  name               = "orders"
  description        = "Order events of the shop"
  flavor             = "kafka.2u4g"
  broker_count       = 3
  availability_zones = ["az1", "az2", "az3"]
  storage_gb         = 100

  # SASL_PLAINTEXT / SASL_SSL (with sasl_mechanisms, admin_username and admin_password)
  # are in the API; this release of the control plane provisions PLAINTEXT listeners only.
  security = {
    protocol = "PLAINTEXT"
  }

  network = {
    allowed_cidrs = ["10.0.0.0/16"]
  }

  retention = {
    default_hours   = 72
    capacity_policy = "TIME_BASE"
  }

  maintenance_window = {
    day_of_week = "SUNDAY"
    start_hour  = 2
  }

  billing = {
    mode = "PAY_PER_USE"
  }

  broker_config = {
    "auto.create.topics.enable" = "false"
  }

  tags = {
    team = "payments"
  }

  timeouts = {
    create = "45m"
  }
}

output "bootstrap_servers" {
  value = tributary_instance.orders.bootstrap_servers
}
