#!/usr/bin/env bash
# Message query speed on a topic of 10,000,000 small messages: a by-time query returning 50
# messages (goal <= 200 ms) and a by-key scan over 1,000,000 messages. Prints the figures.
#   bench/message-query/run.sh [messages]      (default 10000000)
#   bench/message-query/run.sh smoke           (what CI runs: 100,000 messages, so the bench cannot rot; no figure is judged)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f api/target/tributary.jar ] && [ -d broker-agent/target/dist/kafka ] || mvn -q -B -DskipTests install
libs="$(ls -d broker-agent/target/dist/kafka/*/libs | head -1)"
messages="${1:-10000000}"
[ "$messages" = smoke ] && messages=100000
exec java -cp "$libs/*" bench/message-query/MessageQueryBench.java "$root" "$messages"
