#!/usr/bin/env bash
# Runs every benchmark in its short smoke mode, as CI does: each must complete and print its
# figures. Smoke figures come from tiny inputs and are not compared with any goal.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
for run in "$root"/bench/*/run.sh; do
  echo "== smoke: ${run#"$root"/}"
  bash "$run" smoke
done
