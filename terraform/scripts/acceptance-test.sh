#!/usr/bin/env bash
# Unit and acceptance tests of the provider: `go test ./...` with TF_ACC=1. The acceptance
# tests start the control plane from ../api/target/tributary.jar themselves (TestMain),
# so build it first (`mvn -DskipTests install` at the repository root).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

eval "$(scripts/ensure-terraform.sh)"
export TF_ACC=1
# One instance at a time on small machines; 3-broker instances take 30-90 s to start.
exec go test -count=1 -p 1 -timeout "${TF_ACC_TIMEOUT:-45m}" -v "$@" ./...
