#!/usr/bin/env bash
# Makes a Terraform CLI available to the acceptance tests and prints the environment they
# need, as `export` lines:
#
#   eval "$(scripts/ensure-terraform.sh)"
#
# `terraform` on PATH (or TF_ACC_TERRAFORM_PATH already set) is used as it is. Otherwise
# OpenTofu is built from the Go module proxy into a cache directory (a few minutes, once).
# OpenTofu v1.6.3 is the newest release `go install` accepts: later go.mod files carry a
# `replace` directive (their fork of hcl), which `go install module@version` refuses.
# OpenTofu resolves unqualified providers on registry.opentofu.org, so the provider is
# served to it under that host (TF_ACC_PROVIDER_HOST).
set -euo pipefail

TOFU_VERSION="${TOFU_VERSION:-v1.6.3}"
CACHE_DIR="${TRIBUTARY_TOOLS_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/tributary/tools}"

if [[ -n "${TF_ACC_TERRAFORM_PATH:-}" && -x "${TF_ACC_TERRAFORM_PATH}" ]]; then
  echo "ensure-terraform: using TF_ACC_TERRAFORM_PATH=${TF_ACC_TERRAFORM_PATH}" >&2
  exit 0
fi

if tf="$(command -v terraform 2>/dev/null)"; then
  echo "ensure-terraform: using ${tf} ($("${tf}" version 2>/dev/null | head -1))" >&2
  echo "export TF_ACC_TERRAFORM_PATH='${tf}'"
  exit 0
fi

tofu="${CACHE_DIR}/tofu-${TOFU_VERSION}/tofu"
if [[ ! -x "${tofu}" ]]; then
  echo "ensure-terraform: no terraform on PATH; building OpenTofu ${TOFU_VERSION} with go install (once; takes minutes)" >&2
  mkdir -p "$(dirname "${tofu}")"
  # Outside any module, so the provider's go.mod plays no part.
  if ! (cd "$(dirname "${tofu}")" && GOFLAGS=-buildvcs=false GOBIN="$(pwd)" \
        go install "github.com/opentofu/opentofu/cmd/tofu@${TOFU_VERSION}" >&2); then
    echo "ensure-terraform: could not build OpenTofu; install terraform or set TF_ACC_TERRAFORM_PATH" >&2
    exit 1
  fi
fi
echo "ensure-terraform: using ${tofu} ($("${tofu}" version 2>/dev/null | head -1))" >&2
echo "export TF_ACC_TERRAFORM_PATH='${tofu}'"
echo "export TF_ACC_PROVIDER_HOST='registry.opentofu.org'"
echo "export TF_ACC_PROVIDER_NAMESPACE='hashicorp'"
