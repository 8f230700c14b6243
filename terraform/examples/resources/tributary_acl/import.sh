# An ACL is imported by <instance id>/<acl id>, the id GET /api/v1/projects/<project>/instances/<instance id>/acls
# lists for it (quote it: it may contain characters the shell interprets).
terraform import tributary_acl.orders_app_write '6f1c1a8e-3c1b-4d0e-9b7a-1d2e3f4a5b6c/<acl id>'
