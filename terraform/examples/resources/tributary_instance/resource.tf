resource "tributary_instance" "orders" {
  name               = "orders"
  description        = "Order events of the shop"
  flavor             = "kafka.2u4g"
  broker_count       = 3
  availability_zones = ["az1", "az2", "az3"]
  storage_gb         = 100

  # SASL_PLAINTEXT or SASL_SSL let tributary_user and tributary_acl control who does what;
  # PLAINTEXT has neither users nor ACLs.
  security = {
    protocol        = "SASL_SSL"
    sasl_mechanisms = ["SCRAM-SHA-512"]
    admin_username  = "admin"
    admin_password  = var.kafka_admin_password
  }

  # Changes in place: the allow-list is replaced, no restart.
  network = {
    allowed_cidrs = ["10.0.0.0/16"]
  }

  # Changes in place, applied to the running brokers without a restart.
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

  # Set when the instance is ordered (changing it replaces the instance).
  auto_create_topics = false

  broker_config = {
    "log.cleaner.threads" = "2"
  }

  tags = {
    team = "payments"
  }

  timeouts = {
    create = "45m"
  }
}

variable "kafka_admin_password" {
  type      = string
  sensitive = true
}

output "bootstrap_servers" {
  value = tributary_instance.orders.bootstrap_servers
}

# Kafka client properties, with <username>, <password> and <path to ca.pem> to fill in.
output "client_properties" {
  value = tributary_instance.orders.connection_info.client_properties
}

# The CA that SASL_SSL clients trust (PEM; null without TLS).
output "ca_certificate" {
  value = tributary_instance.orders.connection_info.ca_certificate
}
