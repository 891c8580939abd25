#!/usr/bin/env bash
# Starts the whole Event Shop on this machine without Docker:
#   1. a real Apache Kafka broker (KRaft, broker + controller) in its own JVM, data in local-stack/data/kafka;
#   2. PostgreSQL: the server named by PGHOST/PGPORT/PGUSER/PGPASSWORD, else the local one on 127.0.0.1:5432,
#      else (non-root only) an embedded one in local-stack/data/postgres; databases orders, inventory, audit created;
#   3. orders-service, inventory-notification-service, audit-service, analytics-service, then web-ui.
# PID files and logs go to local-stack/run/. Waits until every /health is UP, then prints the URLs.
# Running it again starts only what is not running. ./stop.sh stops everything.
#
# Usage: ./start.sh [--no-build] [--brokers N] [--instances N] [--help]
#   --no-build      never run Maven; fail if a jar is missing.
#   --brokers N     N Kafka brokers in one KRaft cluster (default 1). With 3: replication factor 3 and
#                   min.insync.replicas=2 for the shop's topics and Kafka's own; brokers on ports 9092, 9094, 9096.
#   --instances N   N instances of each back-end service (default 1); instance i on the service's port + 100 x (i-1).
# Settings (environment): see documentation/configuration.md, section "start.sh".
set -euo pipefail

# shellcheck source=local-stack/bin/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/local-stack/bin/common.sh"

BUILD=true
BROKERS=1
INSTANCES=1
START_TIMEOUT="${LOCAL_STACK_START_TIMEOUT:-240}"
# Small JVMs: four services and a broker share a laptop (or a 2-core CI machine), so a small heap, the serial collector
# and small thread stacks. The full tiered JIT (C1 then C2) for peak throughput; start-up is won back by class-data
# sharing (cds_options in local-stack/bin/common.sh), not by stopping at C1 (documentation/benchmarks.md).
SERVICE_JAVA_OPTS="${LOCAL_STACK_JAVA_OPTS:--Xms64m -Xmx192m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError}"
KAFKA_JAVA_OPTS="${LOCAL_STACK_KAFKA_JAVA_OPTS:--Xms128m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
LOG_FORMAT="${LOG_FORMAT:-TEXT}"

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --no-build) BUILD=false ;;
      --brokers) BROKERS="$(count_argument "$1" "${2:-}")"; shift ;;
      --instances) INSTANCES="$(count_argument "$1" "${2:-}")"; shift ;;
      -h|--help) usage; exit 0 ;;
      *) die "unknown option: $1" "run ./start.sh --help" ;;
    esac
    shift
  done
}

count_argument() { # count_argument <option> <value>: a whole number from 1 to 9
  [[ "$2" =~ ^[1-9]$ ]] || die "$1 needs a number from 1 to 9, not '${2}'" "e.g. ./start.sh --brokers 3 --instances 2"
  echo "$2"
}

# Replicas of each topic: one per broker, at most three; two of three must acknowledge a write.
replication_factor() { if ((BROKERS < 3)); then echo "$BROKERS"; else echo 3; fi; }
min_insync_replicas() { if ((BROKERS < 3)); then echo 1; else echo 2; fi; }

check_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then JAVA="$(command -v java)"
  else die "no Java found (neither \$JAVA_HOME/bin/java nor java on PATH)" \
      "install a JDK 17+ (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
  fi
  local version major
  version="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)"
  major="${version%%.*}"
  [[ "$major" =~ ^[0-9]+$ && "$major" -ge 17 ]] \
    || die "Java 17 or newer is needed, $JAVA is '$version'" "install a JDK 17+ or point JAVA_HOME at one"
  command -v curl >/dev/null 2>&1 || die "curl is needed to check /health" "apt-get install curl"
}

# --- build -------------------------------------------------------------------------------------------------------

# stale <artifact> <dir...>: the artifact is missing or older than a source file of the given folders.
stale() {
  local artifact="$1"; shift
  [[ -e "$artifact" ]] || return 0
  local dir
  for dir in "$@"; do
    [[ -e "$dir" ]] || continue
    if [[ -n "$(find "$dir" -newer "$artifact" -type f -not -path '*/target/*' -print -quit)" ]]; then return 0; fi
  done
  return 1
}

build_if_needed() {
  local modules=() s name shared=("$ROOT/pom.xml" "$ROOT/events/src" "$ROOT/events/pom.xml")
  shared+=("$ROOT/platform/src" "$ROOT/platform/pom.xml")
  shared+=("$ROOT/api/src" "$ROOT/api/pom.xml")
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    [[ -d "$ROOT/$name" ]] || die "module $name is missing from $ROOT" "check out the complete repository"
    if stale "$ROOT/$name/target/$name.jar" "$ROOT/$name/src" "$ROOT/$name/pom.xml" "${shared[@]}"; then
      modules+=("$name")
    fi
  done
  if stale "$BROKER_HOME/VERSION.properties" "$STACK_DIR/pom.xml" "$STACK_DIR/kafka" "$ROOT/pom.xml"; then
    modules+=("local-stack")
  fi
  [[ ${#modules[@]} -eq 0 ]] && { ok "jars are up to date"; return; }
  if [[ "$BUILD" == false ]]; then
    die "out of date or missing: ${modules[*]}" "run ./start.sh without --no-build, or ./mvnw -B -DskipTests package"
  fi
  local list
  list="$(IFS=,; echo "${modules[*]}")"
  info "building ${modules[*]} (./mvnw -B -q -DskipTests package -pl $list -am) ..."
  mkdir -p "$LOG_DIR"
  # A fresh broker classpath: copy-dependencies would leave the jars of a previous Kafka version beside the new ones.
  [[ " ${modules[*]} " == *" local-stack "* ]] && rm -rf "$BROKER_HOME"
  if ! (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl "$list" -am) > "$LOG_DIR/build.log" 2>&1; then
    tail -30 "$LOG_DIR/build.log" >&2
    die "the build failed (full output: $LOG_DIR/build.log)" "fix the build error above, then run ./start.sh again"
  fi
  ok "built ${modules[*]}"
}

# --- processes ---------------------------------------------------------------------------------------------------

# require_free_port <port> <who needs it> <variable that moves it>
require_free_port() {
  if port_open 127.0.0.1 "$1"; then
    local holder
    holder="$(who_listens "$1")"
    die "port $1, needed by $2, is already taken${holder:+ by $holder}" \
      "stop that process (or ./stop.sh if it is an earlier run), or set $3 to another port"
  fi
}

# launch <component> <log file> <command...>: starts a detached process (own session, no terminal), records its pid.
launch() {
  local component="$1" log="$2"; shift 2
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  [[ -f "$log" ]] && mv -f "$log" "$log.1"   # keep the previous run's log; readiness checks read only this run's
  # 9>&-: the child must not inherit start.sh's lock.
  setsid "$@" >> "$log" 2>&1 < /dev/null 9>&- &
  local pid=$!
  echo "$pid" > "$(pid_file "$component")"
  # Until the forked shell has exec'd java, /proc/<pid>/cmdline lacks our marker: wait for the exec (or the exit).
  local deadline=$((SECONDS + 10))
  until is_ours "$pid" || ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); do sleep 0.1; done
}

# fail_start <component> <log>: the process died or never became ready; show why.
fail_start() {
  warn "last lines of $2:"
  tail -25 "$2" >&2 || true
  die "$1 did not start (log: $2)" "read the log above; ./stop.sh cleans up whatever did start"
}

# Every port we will need, checked before anything starts, so a clash does not leave a half-started system.
preflight_ports() {
  local i s name component
  if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
    for ((i = 1; i <= BROKERS; i++)); do
      running_pid "$(broker_component "$i")" >/dev/null && continue
      require_free_port "$(broker_port "$i")" "Kafka broker $i" LOCAL_STACK_KAFKA_PORT
      require_free_port "$(broker_controller_port "$i")" "Kafka controller $i" LOCAL_STACK_KAFKA_CONTROLLER_PORT
    done
  fi
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    for ((i = 1; i <= $(instances_of "$name"); i++)); do
      component="$(instance_component "$name" "$i")"
      running_pid "$component" >/dev/null \
        || require_free_port "$(instance_port "$(svc_port "$s")" "$i")" "$component" "$(port_variable "$name")"
    done
  done
}

# instances_of <service name>: how many to run; the web UI is one process whatever --instances says.
instances_of() { if [[ "$1" == web-ui ]]; then echo 1; else echo "$INSTANCES"; fi; }

port_variable() { echo "LOCAL_STACK_$(echo "${1%%-*}" | tr '[:lower:]' '[:upper:]')_PORT"; }

# --- Kafka -------------------------------------------------------------------------------------------------------

write_broker_properties() {
  cat > "$1" <<EOF
# Written by start.sh at every start; edit start.sh, not this file.
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
# Written by start.sh --brokers $BROKERS at every start; edit start.sh, not this file.
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

# --- PostgreSQL --------------------------------------------------------------------------------------------------

pg_bin() { # pg_bin <tool>: the PostgreSQL server binary, from PATH or Debian's versioned folder (newest first)
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local candidate
  candidate="$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1)"
  [[ -n "$candidate" ]] && echo "$candidate"
}

pg_reachable() { pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 2 >/dev/null 2>&1; }

start_postgres() {
  command -v psql >/dev/null 2>&1 && command -v pg_isready >/dev/null 2>&1 \
    || die "the PostgreSQL client (psql, pg_isready) is needed" "apt-get install postgresql-client (or postgresql for a server too)"
  local given=false
  [[ -n "${PGHOST:-}" || -n "${PGPORT:-}" ]] && given=true
  export PGUSER="${PGUSER:-postgres}"
  export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"

  case "${LOCAL_STACK_POSTGRES:-auto}" in
    auto) ;;
    embedded)
      [[ "$given" == false ]] || die "LOCAL_STACK_POSTGRES=embedded and PGHOST/PGPORT are both set" "unset one of them"
      [[ "$(id -u)" -ne 0 ]] || die "LOCAL_STACK_POSTGRES=embedded, but PostgreSQL refuses to run as root" \
        "run ./start.sh as a non-root user, or unset LOCAL_STACK_POSTGRES to use a running server"
      export PGHOST=127.0.0.1 PGPORT="$EMBEDDED_PG_PORT"
      if pg_reachable; then ok "embedded PostgreSQL already running on $PGHOST:$PGPORT"; else start_embedded_postgres; fi
      create_databases
      return ;;
    *) die "LOCAL_STACK_POSTGRES must be auto or embedded, not '$LOCAL_STACK_POSTGRES'" "unset it or set it to embedded" ;;
  esac
  if [[ -f "$RUN_DIR/postgres.embedded" && -f "$DATA_DIR/postgres/postmaster.pid" && "$given" == false ]]; then
    export PGHOST=127.0.0.1 PGPORT="$EMBEDDED_PG_PORT"
    pg_reachable && { ok "embedded PostgreSQL already running on $PGHOST:$PGPORT"; create_databases; return; }
  fi
  if pg_reachable; then
    ok "PostgreSQL: using $PGHOST:$PGPORT (user $PGUSER)"
  elif [[ "$given" == true ]]; then
    die "PostgreSQL at $PGHOST:$PGPORT (from PGHOST/PGPORT) is not accepting connections" \
      "start that server, or unset PGHOST/PGPORT to use the local one"
  elif [[ "$(id -u)" -eq 0 ]]; then
    local cluster
    cluster="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
    if [[ -n "$cluster" ]]; then
      die "no PostgreSQL on $PGHOST:$PGPORT, and PostgreSQL refuses to run as root, so none can be embedded" \
        "start the installed one: pg_ctlcluster --skip-systemctl-redirect $cluster main start (or set PGHOST/PGPORT/PGUSER/PGPASSWORD)"
    fi
    die "no PostgreSQL on $PGHOST:$PGPORT, and PostgreSQL refuses to run as root, so none can be embedded" \
      "apt-get install postgresql (then pg_ctlcluster <version> main start), or set PGHOST/PGPORT/PGUSER/PGPASSWORD"
  else
    start_embedded_postgres
  fi
  create_databases
}

start_embedded_postgres() {
  local initdb pg_ctl
  initdb="$(pg_bin initdb)" && pg_ctl="$(pg_bin pg_ctl)" \
    || die "no PostgreSQL on 127.0.0.1:5432 and no PostgreSQL server binaries to embed one" \
      "install PostgreSQL (Debian: apt-get install postgresql) or set PGHOST/PGPORT/PGUSER/PGPASSWORD"
  export PGHOST=127.0.0.1 PGPORT="$EMBEDDED_PG_PORT"
  local dir="$DATA_DIR/postgres" log="$LOG_DIR/postgres.log"
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if [[ ! -f "$dir/PG_VERSION" ]]; then
    info "creating an embedded PostgreSQL cluster in $dir (first start) ..."
    mkdir -p "$dir"
    "$initdb" -D "$dir" -U "$PGUSER" --auth=trust -E UTF8 >> "$log" 2>&1 || fail_start "initdb" "$log"
  fi
  require_free_port "$PGPORT" "the embedded PostgreSQL" LOCAL_STACK_PG_PORT
  info "starting embedded PostgreSQL on $PGHOST:$PGPORT ..."
  "$pg_ctl" -D "$dir" -l "$log" -w -t 60 \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $RUN_DIR" start >/dev/null 9>&- \
    || fail_start "embedded PostgreSQL" "$log"
  touch "$RUN_DIR/postgres.embedded"
  ok "embedded PostgreSQL up on $PGHOST:$PGPORT (data: $dir)"
}

create_databases() {
  # One role per service, none a superuser; the same script docker compose runs (deploy/postgres/init-databases.sql).
  local out
  psql --version 2>/dev/null | grep -qE ' (1[5-9]|[2-9][0-9])\.' \
    || die "psql 15 or newer is needed (it reads the passwords with \\getenv)" "apt-get install postgresql-client-15"
  if ! out="$(psql -X -q -v ON_ERROR_STOP=1 -v prefix="$DB_PREFIX" -d postgres \
      -f "$ROOT/deploy/postgres/init-databases.sql" 2>&1)"; then
    die "could not create the roles and databases on $PGHOST:$PGPORT as $PGUSER: $out" \
      "set PGUSER/PGPASSWORD to a role that may create roles and databases (a superuser), or allow it in pg_hba.conf"
  fi
  local db
  for db in "${DB_PREFIX}orders" "${DB_PREFIX}inventory" "${DB_PREFIX}audit"; do
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$ROOT/deploy/postgres/adopt-tables.sql" >/dev/null \
      || die "could not give the tables of database $db to its owner" "see the message above"
  done
  ok "databases ${DB_PREFIX}orders, ${DB_PREFIX}inventory, ${DB_PREFIX}audit, each with its own role"
}

# --- services ----------------------------------------------------------------------------------------------------

# Passwords: .env.example has the local defaults, .env (if any) the machine's own; the environment wins over both.
load_passwords() {
  local file line name
  for file in "$ROOT/.env.example" "$ROOT/.env"; do
    [[ -f "$file" ]] || continue
    while IFS= read -r line || [[ -n "$line" ]]; do
      [[ "$line" =~ ^([A-Z_][A-Z0-9_]*)=(.*)$ ]] || continue
      name="${BASH_REMATCH[1]}"
      # a variable set in the environment before start.sh ran is kept
      [[ -n "${!name+x}" && " ${PASSWORDS_FROM_ENV:-} " == *" $name "* ]] && continue
      printf -v "$name" '%s' "${BASH_REMATCH[2]}"
      export "${name?}"
    done < "$file"
  done
}

db_password() { # db_password <database>: the password of the role of that name
  case "${1#"$DB_PREFIX"}" in
    orders) echo "$ORDERS_DB_PASSWORD" ;; inventory) echo "$INVENTORY_DB_PASSWORD" ;; audit) echo "$AUDIT_DB_PASSWORD" ;;
    *) die "no role for database $1" "add it to deploy/postgres/init-databases.sql and .env.example" ;;
  esac
}

# start_service <service spec> [instance]: instance i (default 1) runs as component <name>[-i] on its own port.
start_service() {
  local s="$1" instance="${2:-1}" name port db pid component
  name="$(svc_name "$s")"; port="$(instance_port "$(svc_port "$s")" "$instance")"; db="$(svc_db "$s")"
  component="$(instance_component "$name" "$instance")"
  if pid="$(running_pid "$component")"; then ok "$component already running (pid $pid) on :$port"; return; fi
  require_free_port "$port" "$component" "$(port_variable "$name")"
  local -a env=(
    "KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP"
    "EVENTSHOP_KAFKA_REPLICATION_FACTOR=$(replication_factor)"
    "MICRONAUT_SERVER_PORT=$port"
    "LOG_FORMAT=$LOG_FORMAT"
    "SERVICE_NAME=$name"
  )
  # Every service knows the staff account; web-ui and the back-ends share web-ui's service account.
  env+=("EVENTSHOP_STAFF_PASSWORD=$EVENTSHOP_STAFF_PASSWORD" "EVENTSHOP_SERVICE_PASSWORD=$EVENTSHOP_SERVICE_PASSWORD")
  if [[ "$name" == orders-service ]]; then
    local grpc_port; grpc_port="$(instance_port "$ORDERS_GRPC_PORT" "$instance")"
    require_free_port "$grpc_port" "$component's gRPC API" LOCAL_STACK_ORDERS_GRPC_PORT
    env+=("GRPC_SERVER_PORT=$grpc_port")
  fi
  if [[ "$db" != "-" ]]; then
    env+=("DATASOURCES_DEFAULT_URL=jdbc:postgresql://$PGHOST:$PGPORT/$db"
      "DATASOURCES_DEFAULT_USERNAME=$db" "DATASOURCES_DEFAULT_PASSWORD=$(db_password "$db")")
    if [[ "$db" == "${DB_PREFIX}audit" ]]; then
      env+=("FLYWAY_DATASOURCES_DEFAULT_USER=${db}_owner" "FLYWAY_DATASOURCES_DEFAULT_PASSWORD=$AUDIT_OWNER_DB_PASSWORD")
    fi
  elif [[ "$name" == analytics-service ]]; then
    # No database: its state is in Kafka; this folder only holds Kafka Streams' lock and checkpoint files.
    env+=("EVENTSHOP_ANALYTICS_STATE_DIR=$DATA_DIR/$component")
  else
    env+=("EVENTSHOP_WEB_SECRET=${EVENTSHOP_WEB_SECRET:-}")
    env+=("MICRONAUT_HTTP_SERVICES_ORDERS_URL=http://127.0.0.1:$(port_of orders-service)"
      "MICRONAUT_HTTP_SERVICES_INVENTORY_URL=http://127.0.0.1:$(port_of inventory-notification-service)"
      "MICRONAUT_HTTP_SERVICES_AUDIT_URL=http://127.0.0.1:$(port_of audit-service)"
      "MICRONAUT_HTTP_SERVICES_ANALYTICS_URL=http://127.0.0.1:$(port_of analytics-service)"
      "GRPC_CHANNELS_ORDERS_ADDRESS=127.0.0.1:$ORDERS_GRPC_PORT")
  fi
  info "starting $component on :$port ..."
  launch "$component" "$LOG_DIR/$component.log" env "${env[@]}" \
    "$JAVA" $SERVICE_JAVA_OPTS $(cds_options "$name") "$MARKER" "-Deventshop.localstack.component=$component" -jar "$ROOT/$name/target/$name.jar"
}

# instances <service spec...>: "component:port" of every instance of those services, for wait_for_services.
instances() {
  local s name i
  for s in "$@"; do
    name="$(svc_name "$s")"
    for ((i = 1; i <= $(instances_of "$name"); i++)); do
      echo "$(instance_component "$name" "$i"):$(instance_port "$(svc_port "$s")" "$i")"
    done
  done
}

# service_state <name> <port>: 0 = healthy, 2 = process gone, 1 = still starting.
service_state() {
  running_pid "$1" >/dev/null || return 2
  health_up "$2" && return 0
  return 1
}

wait_for_services() { # wait_for_services <component:port...> (see instances)
  local deadline=$((SECONDS + START_TIMEOUT)) s name port rc pending
  while true; do
    pending=()
    for s in "$@"; do
      name="$(svc_name "$s")"; port="$(svc_port "$s")"
      rc=0; service_state "$name" "$port" || rc=$?
      case $rc in
        0) ;;
        2) fail_start "$name" "$LOG_DIR/$name.log" ;;
        *) pending+=("$name") ;;
      esac
    done
    [[ ${#pending[@]} -eq 0 ]] && break
    ((SECONDS < deadline)) || { warn "still not healthy after ${START_TIMEOUT}s: ${pending[*]}"
      fail_start "${pending[0]}" "$LOG_DIR/${pending[0]}.log"; }
    sleep 1
  done
  for s in "$@"; do ok "$(svc_name "$s") healthy on http://localhost:$(svc_port "$s")/health"; done
}

print_urls() {
  cat <<EOF

${BOLD}Event Shop is running.${RESET}
  Shop (web-ui)        http://localhost:$(port_of web-ui)/
  Orders API           http://localhost:$(port_of orders-service)/orders
  Orders gRPC API      localhost:$ORDERS_GRPC_PORT (grpcurl -plaintext localhost:$ORDERS_GRPC_PORT list; ./eventshop --help)
  Inventory API        http://localhost:$(port_of inventory-notification-service)/products
  Audit API            http://localhost:$(port_of audit-service)/audit/events
  Sales API            http://localhost:$(port_of analytics-service)/sales/products
  Kafka                $BOOTSTRAP
  PostgreSQL           $PGHOST:$PGPORT (databases orders, inventory, audit)
  Logs and PID files   $RUN_DIR
Staff sign-in          http://localhost:$(port_of web-ui)/login  as ${BOLD}staff${RESET} / ${BOLD}$EVENTSHOP_STAFF_PASSWORD${RESET}
  (the local default from .env.example: change it in .env for anything but a local demo)
Staff API calls        curl -u staff:$EVENTSHOP_STAFF_PASSWORD http://localhost:$(port_of orders-service)/orders
Try: curl -X POST http://localhost:$(port_of orders-service)/order -H 'Content-Type: application/json' \\
       -d '{"customer_name":"Jean Dupont","coffee_type":"Espresso"}'
Stop with ./stop.sh
EOF
}

main() {
  # Names set in the environment before this script (they win over .env.example and .env).
  PASSWORDS_FROM_ENV="$(compgen -e | tr '\n' ' ')"
  parse_args "$@"
  load_passwords
  check_java
  mkdir -p "$DATA_DIR" "$RUN_DIR" "$LOG_DIR"
  # One start.sh at a time for this checkout.
  exec 9> "$RUN_DIR/.start.lock"
  command -v flock >/dev/null 2>&1 && { flock -n 9 || die "another ./start.sh is running for $ROOT" "wait for it to finish"; }
  build_if_needed
  preflight_ports
  start_kafka
  start_postgres
  local backends=("${SERVICES[@]:0:4}") web=("${SERVICES[@]:4:1}") s i
  for s in "${backends[@]}"; do
    for ((i = 1; i <= INSTANCES; i++)); do start_service "$s" "$i"; done
  done
  # shellcheck disable=SC2046
  wait_for_services $(instances "${backends[@]}")
  start_service "${web[0]}"
  # shellcheck disable=SC2046
  wait_for_services $(instances "${web[@]}")
  print_urls
  if ((INSTANCES > 1)); then info "Back-end instances (component:port): $(instances "${backends[@]}" | tr '\n' ' ')"; fi
}

main "$@"
