# A topic is imported by <instance id>/<topic name>. Every setting of the topic itself
# (other than retention, min.insync.replicas and flush.messages) is adopted into `configs`.
terraform import tributary_topic.orders 6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c/orders.v1
