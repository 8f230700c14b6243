#!/usr/bin/env bash
# The rebalance planner on a large instance's scale-out (27 -> 30 brokers, 10,000 partitions RF 3): how long the plan
# takes (a dry run answers it; goal <= 1000 ms), and how evenly it fills the new brokers.
#   bench/rebalance-plan/run.sh           (30 brokers, 10,000 partitions)
#   bench/rebalance-plan/run.sh smoke     (what CI runs: 6 brokers, 300 partitions; no figure is judged)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
jar="$(ls provisioning/target/provisioning-*.jar 2>/dev/null | grep -v sources | head -1 || true)"
[ -n "$jar" ] || { mvn -q -B -DskipTests install -pl provisioning -am; jar="$(ls provisioning/target/provisioning-*.jar | head -1)"; }
exec java -cp "$jar" bench/rebalance-plan/RebalancePlanBench.java "${1:-full}"
