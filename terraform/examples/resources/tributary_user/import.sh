# A user is imported by <instance id>/<user name>. The API never returns a password, so
# `password` is null after the import: configure it, and the next apply sets it (a
# password reset, to the same value if it already was); leave it out to keep the
# password as it is.
terraform import tributary_user.orders_app 6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c/orders-app
