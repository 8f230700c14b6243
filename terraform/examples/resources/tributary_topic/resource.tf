resource "tributary_topic" "orders" {
  instance_id        = tributary_instance.orders.id
  name               = "orders.v1"
  partitions         = 6 # can only grow: Kafka cannot remove partitions
  replication_factor = 3
  retention_hours    = 48
  sync_replication   = true # min.insync.replicas = 2; produce with acks=all

  # Other topic settings. Only these keys are compared with the cluster.
  configs = {
    "cleanup.policy"    = "delete"
    "max.message.bytes" = "2097152"
  }
}
