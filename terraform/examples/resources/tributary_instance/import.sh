# An instance is imported by its id. The admin password is never returned by the API:
# after the import, Terraform adopts the one in the configuration without a replacement.
terraform import tributary_instance.orders 6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c
