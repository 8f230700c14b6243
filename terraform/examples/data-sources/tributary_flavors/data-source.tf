data "tributary_flavors" "all" {}

# The smallest flavor with at least 4 GB of memory per broker.
locals {
  flavor = [for f in data.tributary_flavors.all.flavors : f.id if f.memory_gb >= 4][0]
}
