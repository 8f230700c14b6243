#!/usr/bin/env bash
# Does a stock Kafka broker still accept SCRAM logins after a SIGKILL and restart, once users were
# changed? (issue 20). Nothing of Tributary's runs here: stock Kafka jars from Maven, Kafka's own
# StorageTool and kafka-configs (ConfigCommand), a 3-node combined KRaft cluster on loopback.
#
#   bench/scram-restart/repro.sh [KAFKA_VERSION] [SCENARIO]
#
# SCENARIO (default: changes)
#   changes   create alice, create+delete bobby, reset alice's password    (what issue 20 did)
#   creates   create alice and bobby only                                  (what did not fail there)
#   delete    create alice, create+delete bobby                            (no password reset)
#   reset     create alice, reset alice's password                         (no delete)
#
# Environment: ADMIN_AT=format (default: the admin's credential is bootstrapped with
# `kafka-storage format --add-scram`) or ADMIN_AT=api (created with kafka-configs afterwards, as
# Tributary's control plane does); KILL_NODE (default 3); WAIT_S (default 30);
# M2_REPO (default ~/.m2/repository); MVN_OFFLINE=1 to resolve offline; SNAPSHOT_FIRST=1 makes
# every node write a metadata snapshot before the kill (metadata.log.max.snapshot.interval.ms);
# OTHER_USER (default bobby) names the user created and deleted;
# REUPSERT=1 upserts alice again (same password) after the restart and tries the logins once more.
# Prints "RESULT <version> <scenario> <user> OK|FAILED" lines at the end. Leaves everything
# under $WORK (default /tmp/scram-restart) and kills every process it started.
set -euo pipefail

version="${1:-4.1.1}"
scenario="${2:-changes}"
here="$(cd "$(dirname "$0")" && pwd)"
work="${WORK:-/tmp/scram-restart}/$version-$scenario-${OTHER_USER:-bobby}-admin-${ADMIN_AT:-format}-snapshot-${SNAPSHOT_FIRST:-0}"
m2="${M2_REPO:-$HOME/.m2/repository}"
admin_at="${ADMIN_AT:-format}"
kill_node="${KILL_NODE:-3}"
wait_s="${WAIT_S:-30}"
client_port() { echo $((29090 + $1)); }     # SASL_PLAINTEXT, SCRAM-SHA-512: the clients' listener
internal_port() { echo $((29190 + $1)); }   # PLAINTEXT: broker-to-broker and the admin tool (like our mTLS INTERNAL)
controller_port() { echo $((29290 + $1)); } # PLAINTEXT: KRaft

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

log() { echo "[$(date +%H:%M:%S)] $*"; }

# --- classpath ---------------------------------------------------------------------------------
rm -rf "$work" && mkdir -p "$work"
offline=(); [[ "${MVN_OFFLINE:-0}" == 1 ]] && offline=(-o)
mvn -B -ntp -q "${offline[@]}" -Dmaven.repo.local="$m2" -f "$here/pom.xml" -Dkafka.version="$version" \
  dependency:build-classpath -Dmdep.outputFile="$work/classpath" > "$work/mvn.out" 2>&1 \
  || { tail -20 "$work/mvn.out"; exit 1; }
cp="$(cat "$work/classpath")"
config_command=org.apache.kafka.tools.ConfigCommand # kafka-configs; kafka.admin.ConfigCommand up to 4.1
for jar in ${cp//:/ }; do
  if [[ "$jar" == */kafka_2.13-* ]] && unzip -l "$jar" kafka/admin/ConfigCommand.class > /dev/null 2>&1; then
    config_command=kafka.admin.ConfigCommand
  fi
done
java_opts=(-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

cat > "$work/log4j2.properties" <<'L4J'
status = warn
appender.file.type = File
appender.file.name = FILE
appender.file.fileName = ${sys:kafka.logs.dir}/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.file.ref = FILE
L4J

voters=""
for n in 1 2 3; do voters+="${voters:+,}$n@127.0.0.1:$(controller_port $n)"; done

for n in 1 2 3; do
  mkdir -p "$work/node$n/data" "$work/node$n/logs"
  cat > "$work/node$n/server.properties" <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
listeners=CLIENT://127.0.0.1:$(client_port $n),INTERNAL://127.0.0.1:$(internal_port $n),CONTROLLER://127.0.0.1:$(controller_port $n)
advertised.listeners=CLIENT://127.0.0.1:$(client_port $n),INTERNAL://127.0.0.1:$(internal_port $n)
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
log.dirs=$work/node$n/data
num.partitions=1
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
group.initial.rebalance.delay.ms=0
PROPS
  if [[ "${SNAPSHOT_FIRST:-0}" == 1 ]]; then
    echo "metadata.log.max.snapshot.interval.ms=5000" >> "$work/node$n/server.properties"
  fi
done

# --- format --------------------------------------------------------------------------------------
cluster_id="$(java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
log "Kafka $version, scenario $scenario, admin credential at $admin_at, cluster $cluster_id, work $work"
for n in 1 2 3; do
  add_scram=()
  [[ "$admin_at" == format ]] && add_scram=(--add-scram 'SCRAM-SHA-512=[name=admin,password=admin-secret]')
  java "${java_opts[@]}" -Dlog4j2.configurationFile="$work/log4j2.properties" -Dkafka.logs.dir="$work/node$n/logs" \
    -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$work/node$n/server.properties" \
    "${add_scram[@]}" > "$work/node$n/format.out" 2>&1
done

# --- start ---------------------------------------------------------------------------------------
start_node() {
  local n=$1
  java "${java_opts[@]}" -Dlog4j2.configurationFile="$work/log4j2.properties" -Dkafka.logs.dir="$work/node$n/logs" \
    -cp "$cp" kafka.Kafka "$work/node$n/server.properties" >> "$work/node$n/stdout" 2>&1 &
  pids[$n]=$!
  echo "${pids[$n]}" > "$work/node$n/pid"
}
wait_ready() { # the broker logs this once it serves requests
  local n=$1 since=$2 i
  for i in $(seq 1 120); do
    if [[ $(grep -c "Kafka Server started\|\[KafkaRaftServer nodeId=$n\] Kafka Server started" "$work/node$n/logs/server.log" 2>/dev/null || true) -gt $since ]]; then
      return 0
    fi
    sleep 1
  done
  log "node $n did not start; see $work/node$n/logs/server.log"; return 1
}
for n in 1 2 3; do start_node "$n"; done
for n in 1 2 3; do wait_ready "$n" 0; done
log "cluster up"

# --- users, with Kafka's own kafka-configs (ConfigCommand) over the PLAINTEXT listener ------------
configs() {
  java "${java_opts[@]}" -Dlog4j2.configurationFile="$work/log4j2.properties" -Dkafka.logs.dir="$work" \
    -cp "$cp" "$config_command" --bootstrap-server "127.0.0.1:$(internal_port 1)" "$@" 2>&1 | grep -v '^$' || true
}
alter() { # entity, then the alter arguments; stops the run unless kafka-configs says it did it
  local out; out="$(configs --alter --entity-type users --entity-name "$@")"
  grep -q "Completed updating config" <<< "$out" || { echo "$out"; log "kafka-configs failed"; exit 1; }
}
upsert() { log "upsert $1"; alter "$1" --add-config "SCRAM-SHA-512=[iterations=4096,password=$2]"; }
delete() { log "delete $1"; alter "$1" --delete-config SCRAM-SHA-512; }

alice_pw=alice-secret-1
[[ "$admin_at" == api ]] && upsert admin admin-secret
other_user="${OTHER_USER:-bobby}"
case "$scenario" in
  changes) upsert alice "$alice_pw"; upsert "$other_user" other-secret; delete "$other_user"; alice_pw=alice-secret-2; upsert alice "$alice_pw" ;;
  creates) upsert alice "$alice_pw"; upsert "$other_user" other-secret ;;
  delete)  upsert alice "$alice_pw"; upsert "$other_user" other-secret; delete "$other_user" ;;
  reset)   upsert alice "$alice_pw"; alice_pw=alice-secret-2; upsert alice "$alice_pw" ;;
  *) echo "unknown scenario $scenario" >&2; exit 2 ;;
esac
configs --describe --entity-type users > "$work/users-before.txt"
users=(admin=admin-secret "alice=$alice_pw")

login() { # node seconds -> prints LOGIN lines
  java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
    -Dlog4j2.configurationFile="$work/log4j2.properties" -Dkafka.logs.dir="$work" \
    -cp "$cp" "$here/ScramLogin.java" "127.0.0.1:$(client_port "$1")" "$2" "${users[@]}" || true
}
log "logins on node $kill_node before the kill:"
before="$(login "$kill_node" 20)"
echo "$before" | sed 's/^/  /'
grep -q FAILED <<< "$before" && { log "setup failed: logins must work before the kill"; exit 1; }

if [[ "${SNAPSHOT_FIRST:-0}" == 1 ]]; then
  sleep 8
  ls "$work/node$kill_node/data/__cluster_metadata-0/" | grep checkpoint | sed 's/^/  snapshot: /' || true
fi

# --- SIGKILL one node and start it again ----------------------------------------------------------
log "SIGKILL node $kill_node (pid ${pids[$kill_node]})"
kill -9 "${pids[$kill_node]}"; wait "${pids[$kill_node]}" 2>/dev/null || true
sleep 5
started_before=$(grep -c "Kafka Server started" "$work/node$kill_node/logs/server.log" || true)
start_node "$kill_node"
wait_ready "$kill_node" "$started_before"
log "node $kill_node restarted; logins on it alone for up to ${wait_s} s:"
after="$(login "$kill_node" "$wait_s")"
echo "$after" | sed 's/^/  /'
other=$(( kill_node == 1 ? 2 : 1 ))
log "logins on node $other (not restarted):"
login "$other" 10 | sed 's/^/  /'

if [[ "${REUPSERT:-0}" == 1 ]]; then
  # does writing a credential again (same password) repair the restarted node?
  upsert alice "$alice_pw"
  log "logins on node $kill_node after alice was upserted again:"
  login "$kill_node" 15 | sed 's/^/  /'
fi

failures=$(grep -c "invalid credentials" "$work/node$kill_node/logs/server.log" || true)
log "node $kill_node logged $failures 'invalid credentials' lines"
while read -r _ user result _; do
  echo "RESULT $version $scenario admin-at-$admin_at other-user-$other_user snapshot-${SNAPSHOT_FIRST:-0} $user $result"
done <<< "$after"
