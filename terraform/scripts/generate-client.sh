#!/usr/bin/env bash
# Regenerates the Go API client in internal/client/ from ../api/openapi.yaml.
#
#   scripts/generate-client.sh            # writes terraform/internal/client/
#   scripts/generate-client.sh OUT_DIR    # writes OUT_DIR instead (used by check-client.sh)
#
# Needs java, mvn and go (for gofmt). The generator jar comes from Maven Central through
# Maven's own resolver, so it honours ~/.m2/settings.xml (mirrors, proxies, offline cache).
set -euo pipefail

GENERATOR_VERSION="7.25.0"
MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC="$(cd "${MODULE_DIR}/../api" && pwd)/openapi.yaml"
OUT_DIR="${1:-${MODULE_DIR}/internal/client}"

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

jar="${work}/openapi-generator-cli-${GENERATOR_VERSION}.jar"
mvn -q -B -Dstyle.color=never dependency:copy \
  -Dartifact="org.openapitools:openapi-generator-cli:${GENERATOR_VERSION}" \
  -DoutputDirectory="${work}" >"${work}/mvn.log" 2>&1 || { cat "${work}/mvn.log" >&2; exit 1; }

# Generate into a scratch directory, then swap it in, so that files of operations
# removed from the spec disappear from internal/client/ too.
gen="${work}/client"
java -jar "${jar}" generate \
  --input-spec "${SPEC}" \
  --generator-name go \
  --output "${gen}" \
  --ignore-file-override "${MODULE_DIR}/scripts/openapi-generator-ignore" \
  --package-name client \
  --git-user-id tributary-io \
  --git-repo-id terraform-provider-tributary \
  --additional-properties withGoMod=false,enumClassPrefix=true,isGoSubmodule=true,disallowAdditionalPropertiesIfNotPresent=false \
  --global-property apiDocs=false,modelDocs=false,apiTests=false,modelTests=false,generateMetadata=false \
  >"${work}/generator.log" 2>&1 || { cat "${work}/generator.log" >&2; exit 1; }

# Whatever the ignore file did not catch: keep only Go sources.
find "${gen}" -mindepth 1 ! -name '*.go' -type f -delete
find "${gen}" -mindepth 1 -type d -empty -delete

gofmt -w "${gen}"

# Every file must say it is generated (golang.org/s/generatedcode).
for f in "${gen}"/*.go; do
  grep -q '^// Code generated .* DO NOT EDIT\.$' "${f}" || {
    echo "generate-client: ${f##*/} lacks a 'Code generated ... DO NOT EDIT.' line" >&2
    exit 1
  }
done

mkdir -p "${OUT_DIR}"
find "${OUT_DIR}" -maxdepth 1 -type f -name '*.go' -delete
cp "${gen}"/*.go "${OUT_DIR}/"
echo "generate-client: wrote $(ls "${gen}"/*.go | wc -l) files to ${OUT_DIR}" >&2
