# shellcheck shell=bash
# Kafka: one KRaft broker, or a cluster of --brokers N, in their own JVMs, data in local-stack/data.
# Sourced by start.sh after common.sh, never run; reads start.sh's settings (BROKERS, INSTANCES, BUILD, JAVA ...).

# Replicas of each topic: one per broker, at most three; two of three must acknowledge a write.
replication_factor() { if ((BROKERS < 3)); then echo "$BROKERS"; else echo 3; fi; }
min_insync_replicas() { if ((BROKERS < 3)); then echo 1; else echo 2; fi; }

write_broker_properties() {
  cat > "$1" <<EOF
# Written by start.sh at every start; edit local-stack/bin/kafka.sh, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR/kafka/logs
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
# The default 128 MB dedupe buffer would be half the heap; the shop compacts one small topic.
log.cleaner.dedupe.buffer.size=2097152
EOF
}

kafka_ready() {
  local pid
  pid="$(running_pid kafka)" || return 2
  port_open 127.0.0.1 "$KAFKA_PORT" && grep -q 'Kafka Server started' "$LOG_DIR/kafka.log" 2>/dev/null
}

start_kafka() {
  if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
    ok "Kafka: using $KAFKA_BOOTSTRAP_SERVERS (from KAFKA_BOOTSTRAP_SERVERS; no local broker started)"
    BOOTSTRAP="$KAFKA_BOOTSTRAP_SERVERS"
    return
  fi
  check_broker_mode
  if ((BROKERS > 1)); then start_kafka_cluster; return; fi
  BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
  local pid
  if pid="$(running_pid kafka)"; then ok "Kafka already running (pid $pid) on $BOOTSTRAP"; return; fi
  require_free_port "$KAFKA_PORT" "the Kafka broker" LOCAL_STACK_KAFKA_PORT
  require_free_port "$KAFKA_CONTROLLER_PORT" "the Kafka controller" LOCAL_STACK_KAFKA_CONTROLLER_PORT
  [[ -d "$BROKER_HOME/lib" ]] || die "the Kafka broker is not built ($BROKER_HOME/lib)" "./mvnw -B -DskipTests package -pl local-stack -am"

  mkdir -p "$DATA_DIR/kafka" "$RUN_DIR" "$LOG_DIR"
  local props="$RUN_DIR/kafka-server.properties" log="$LOG_DIR/kafka.log"
  write_broker_properties "$props"
  # shellcheck disable=SC2206 # KAFKA_JAVA_OPTS is a list of options split at spaces, on purpose
  local -a jvm=("$JAVA" $KAFKA_JAVA_OPTS "$MARKER" -Deventshop.localstack.component=kafka
    "-Dlog4j.configuration=file:$BROKER_HOME/config/log4j.properties"
    "-Dlog4j2.configurationFile=$BROKER_HOME/config/log4j2.properties"
    "-Dkafka.logs.dir=$LOG_DIR" -cp "$BROKER_HOME/lib/*")

  if [[ ! -f "$DATA_DIR/kafka/logs/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(cat "$DATA_DIR/kafka/cluster-id" 2>/dev/null || true)"
    if [[ -z "$cluster_id" ]]; then
      # A Kafka cluster id is a base64url UUID (22 characters).
      cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
      echo "$cluster_id" > "$DATA_DIR/kafka/cluster-id"
    fi
    info "formatting Kafka storage in $DATA_DIR/kafka/logs (first start) ..."
    "${jvm[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" --ignore-formatted >> "$log" 2>&1 \
      || fail_start "Kafka storage format" "$log"
  fi
  info "starting Kafka broker on $BOOTSTRAP ..."
  launch kafka "$log" "${jvm[@]}" kafka.Kafka "$props"
  wait_until 90 "Kafka" kafka_ready_or_dead || true
  kafka_ready || fail_start "Kafka" "$log"
  ok "Kafka up on $BOOTSTRAP (pid $(running_pid kafka))"
}

# A running single broker cannot join a cluster, nor a cluster's first node run alone: the mode must match.
check_broker_mode() {
  local file="$RUN_DIR/kafka.brokers" running
  running="$(cat "$file" 2>/dev/null || echo 1)"
  if running_pid kafka >/dev/null && [[ "$running" != "$BROKERS" ]]; then
    die "Kafka is running with $running broker(s), not $BROKERS" "./stop.sh first, then ./start.sh --brokers $BROKERS"
  fi
  echo "$BROKERS" > "$file"
}

# write_cluster_node_properties <file> <node>: broker + controller <node> of a quorum of BROKERS nodes.
write_cluster_node_properties() {
  local node="$2" voters="" i
  for ((i = 1; i <= BROKERS; i++)); do voters+="${voters:+,}$i@127.0.0.1:$(broker_controller_port "$i")"; done
  cat > "$1" <<EOF
# Written by start.sh --brokers $BROKERS at every start; edit local-stack/bin/kafka.sh, not this file.
process.roles=broker,controller
node.id=$node
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:$(broker_port "$node"),CONTROLLER://127.0.0.1:$(broker_controller_port "$node")
advertised.listeners=PLAINTEXT://127.0.0.1:$(broker_port "$node")
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA_DIR/kafka-cluster/node-$node/logs
num.partitions=3
default.replication.factor=$(replication_factor)
min.insync.replicas=$(min_insync_replicas)
offsets.topic.replication.factor=$(replication_factor)
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=$(replication_factor)
transaction.state.log.min.isr=$(min_insync_replicas)
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.cleaner.dedupe.buffer.size=2097152
EOF
}

# node_ready <node>: 0 ready, 2 process gone, 1 still starting.
node_ready() {
  local component
  component="$(broker_component "$1")"
  running_pid "$component" >/dev/null || return 2
  port_open 127.0.0.1 "$(broker_port "$1")" && grep -q 'Kafka Server started' "$LOG_DIR/$component.log" 2>/dev/null
}

# Polling condition for wait_until: every node ready, or one of them gone.
cluster_ready_or_dead() {
  local i rc
  for ((i = 1; i <= BROKERS; i++)); do
    rc=0; node_ready "$i" || rc=$?
    [[ $rc -eq 2 ]] && return 0
    [[ $rc -ne 0 ]] && return 1
  done
  return 0
}

# The nodes of a KRaft quorum wait for each other to elect a controller: all are launched, then awaited together.
start_kafka_cluster() {
  local i component pid props log cluster_id dir
  BOOTSTRAP=""
  for ((i = 1; i <= BROKERS; i++)); do BOOTSTRAP+="${BOOTSTRAP:+,}127.0.0.1:$(broker_port "$i")"; done
  [[ -d "$BROKER_HOME/lib" ]] || die "the Kafka broker is not built ($BROKER_HOME/lib)" "./mvnw -B -DskipTests package -pl local-stack -am"
  mkdir -p "$DATA_DIR/kafka-cluster" "$RUN_DIR" "$LOG_DIR"
  cluster_id="$(cat "$DATA_DIR/kafka-cluster/cluster-id" 2>/dev/null || true)"
  if [[ -z "$cluster_id" ]]; then
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    echo "$cluster_id" > "$DATA_DIR/kafka-cluster/cluster-id"
  fi
  for ((i = 1; i <= BROKERS; i++)); do
    component="$(broker_component "$i")"
    if pid="$(running_pid "$component")"; then ok "Kafka broker $i already running (pid $pid)"; continue; fi
    props="$RUN_DIR/$component-server.properties"; log="$LOG_DIR/$component.log"; dir="$DATA_DIR/kafka-cluster/node-$i"
    write_cluster_node_properties "$props" "$i"
    mkdir -p "$LOG_DIR/$component"
    # shellcheck disable=SC2206 # KAFKA_JAVA_OPTS is a list of options split at spaces, on purpose
    local -a jvm=("$JAVA" $KAFKA_JAVA_OPTS "$MARKER" "-Deventshop.localstack.component=$component"
      "-Dlog4j.configuration=file:$BROKER_HOME/config/log4j.properties"
      "-Dlog4j2.configurationFile=$BROKER_HOME/config/log4j2.properties"
      "-Dkafka.logs.dir=$LOG_DIR/$component" -cp "$BROKER_HOME/lib/*")
    if [[ ! -f "$dir/logs/meta.properties" ]]; then
      mkdir -p "$dir"
      info "formatting Kafka storage of broker $i in $dir/logs (first start) ..."
      "${jvm[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" --ignore-formatted >> "$log" 2>&1 \
        || fail_start "Kafka storage format of broker $i" "$log"
    fi
    info "starting Kafka broker $i on 127.0.0.1:$(broker_port "$i") ..."
    launch "$component" "$log" "${jvm[@]}" kafka.Kafka "$props"
  done
  wait_until 120 "Kafka cluster" cluster_ready_or_dead || true
  for ((i = 1; i <= BROKERS; i++)); do
    node_ready "$i" || fail_start "Kafka broker $i" "$LOG_DIR/$(broker_component "$i").log"
  done
  ok "Kafka cluster of $BROKERS brokers up on $BOOTSTRAP (replication factor $(replication_factor))"
}

# Polling condition for wait_until: stop waiting when the broker is ready or its process is gone.
kafka_ready_or_dead() {
  local rc=0
  kafka_ready || rc=$?
  [[ $rc -eq 0 || $rc -eq 2 ]]
}

