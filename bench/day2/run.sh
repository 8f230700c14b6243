#!/usr/bin/env bash
# Day-2 actions under a steady acks=all producer on a 3-broker, 3-zone instance: a baseline window, a
# rolling restart, a flavor change (kafka.2u4g -> kafka.4u8g), a Kafka upgrade (4.1.1 -> 4.3.1), a scale-out
# (3 -> 4 brokers, rebalanced) and a scale-in (4 -> 3).
# Prints, per phase, acknowledged, lost and failed records, the longest gap between acknowledgements
# and the p99 acknowledgement latency.
#   bench/day2/run.sh           (30 s baseline, rolling restart, flavor change, Kafka upgrade, scale-out, scale-in)
#   bench/day2/run.sh smoke     (what CI runs: 10 s baseline and the rolling restart only; no figure is judged)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f api/target/tributary.jar ] && [ -d broker-agent/target/dist/kafka ] || mvn -q -B -DskipTests install
libs="$(ls -d broker-agent/target/dist/kafka/*/libs | head -1)"
mode="${1:-full}"
exec java -cp "$libs/*" bench/day2/Day2Bench.java "$root" "$mode"
