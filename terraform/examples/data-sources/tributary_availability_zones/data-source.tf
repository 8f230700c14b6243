data "tributary_availability_zones" "all" {}

# Spread the brokers over the first three zones.
locals {
  zones = slice(data.tributary_availability_zones.all.names, 0, 3)
}
