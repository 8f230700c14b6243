#!/usr/bin/env bash
# Order → RUNNING for a 3-broker, 3-zone instance, against starting the same three Kafka nodes by
# hand (same rendered server.properties, same JVM settings). Prints both times and the ratio.
#   bench/create-instance/run.sh [rounds]     (default 1 round; the median is printed)
#   bench/create-instance/run.sh smoke        (what CI runs: one round, so the bench cannot rot; no figure is judged)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f api/target/tributary.jar ] && [ -d broker-agent/target/dist/kafka ] || mvn -q -B -DskipTests install
libs="$(ls -d broker-agent/target/dist/kafka/*/libs | head -1)"
rounds="${1:-1}"
[ "$rounds" = smoke ] && rounds=1
exec java -cp "$libs/*" bench/create-instance/CreateInstanceBench.java "$root" "$rounds"
