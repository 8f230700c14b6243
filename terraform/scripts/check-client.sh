#!/usr/bin/env bash
# Fails when internal/client/ is not exactly what scripts/generate-client.sh makes from
# ../api/openapi.yaml (a spec change without regenerating, or a hand edit). CI runs it.
set -euo pipefail

MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "${tmp}"' EXIT

"${MODULE_DIR}/scripts/generate-client.sh" "${tmp}/client"

if ! diff -ru "${MODULE_DIR}/internal/client" "${tmp}/client" >"${tmp}/diff"; then
  echo "check-client: internal/client/ is out of date with api/openapi.yaml:" >&2
  head -200 "${tmp}/diff" >&2
  echo "check-client: run terraform/scripts/generate-client.sh and commit the result." >&2
  exit 1
fi
echo "check-client: internal/client/ matches api/openapi.yaml"
