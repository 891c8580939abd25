# shellcheck shell=bash
# shellcheck disable=SC2034 # the settings here are read by the scripts that source this file
# Shared by start.sh (and its parts beside this file), stop.sh and local-stack/smoke-test.sh: where things live, which
# processes are ours, small helpers, and the one check that a port is free (require_free_port).
# Sourced, never run. Every process this folder starts carries `-Deventshop.localstack.root=<repo root>` on its command
# line, so the scripts recognise their own processes (and only those) from the PID files or, if a PID file was lost,
# from /proc.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STACK_DIR="$ROOT/local-stack"
DATA_DIR="${LOCAL_STACK_DATA_DIR:-$STACK_DIR/data}"
RUN_DIR="${LOCAL_STACK_RUN_DIR:-$STACK_DIR/run}"
LOG_DIR="$RUN_DIR/logs"
BROKER_HOME="$STACK_DIR/target/kafka-broker"
MARKER="-Deventshop.localstack.root=$ROOT"

KAFKA_PORT="${LOCAL_STACK_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${LOCAL_STACK_KAFKA_CONTROLLER_PORT:-9093}"
EMBEDDED_PG_PORT="${LOCAL_STACK_PG_PORT:-5433}"

# The services in start order, the back ends first and web-ui last: name, port, database ("-" for none). LOCAL_STACK_DB_PREFIX lets two checkouts
# share one PostgreSQL server without sharing databases.
DB_PREFIX="${LOCAL_STACK_DB_PREFIX:-}"
SERVICES=(
  "orders-service:${LOCAL_STACK_ORDERS_PORT:-3000}:${DB_PREFIX}orders"
  "inventory-notification-service:${LOCAL_STACK_INVENTORY_PORT:-8082}:${DB_PREFIX}inventory"
  "audit-service:${LOCAL_STACK_AUDIT_PORT:-8083}:${DB_PREFIX}audit"
  "analytics-service:${LOCAL_STACK_ANALYTICS_PORT:-8084}:-"
  "web-ui:${LOCAL_STACK_WEB_PORT:-8080}:-"
)

# orders-service's gRPC API (web-ui and ./eventshop call it), beside its HTTP port.
ORDERS_GRPC_PORT="${LOCAL_STACK_ORDERS_GRPC_PORT:-50051}"

# Class-data sharing: a dynamic AppCDS archive per service jar (target/<service>.jsa), written by the JVM when a service
# started with -XX:ArchiveClassesAtExit stops, and mapped by every later start (-XX:SharedArchiveFile). It belongs to
# one jar: a rebuilt jar makes it stale, and the next start trains a new one. LOCAL_STACK_CDS=false turns this off.
cds_archive() { echo "$ROOT/$1/target/$1.jsa"; }
cds_archive_current() { # cds_archive_current <service>: the archive exists and is newer than the service's jar
  [[ -f "$(cds_archive "$1")" && "$(cds_archive "$1")" -nt "$ROOT/$1/target/$1.jar" ]]
}
cds_options() { # cds_options <service>: the JVM options that use (or train) the service's archive
  [[ "${LOCAL_STACK_CDS:-true}" == true ]] || return 0
  if cds_archive_current "$1"; then echo "-XX:SharedArchiveFile=$(cds_archive "$1")"
  else echo "-XX:ArchiveClassesAtExit=$(cds_archive "$1")"; fi
}

svc_name() { echo "${1%%:*}"; }
svc_port() { local rest="${1#*:}"; echo "${rest%%:*}"; }
svc_db() { echo "${1##*:}"; }
port_of() { # port_of <service name>
  local s
  for s in "${SERVICES[@]}"; do [[ "$(svc_name "$s")" == "$1" ]] && { svc_port "$s"; return; }; done
  return 1
}

if [[ -t 1 ]]; then BOLD=$'\e[1m'; RED=$'\e[31m'; GREEN=$'\e[32m'; YELLOW=$'\e[33m'; RESET=$'\e[0m'
else BOLD=""; RED=""; GREEN=""; YELLOW=""; RESET=""; fi

info() { printf '%s\n' "$*"; }
ok() { printf '%s✔%s %s\n' "$GREEN" "$RESET" "$*"; }
warn() { printf '%s!%s %s\n' "$YELLOW" "$RESET" "$*" >&2; }
# die <what went wrong> [how to fix it]
die() {
  printf '%s✘ %s%s\n' "$RED" "$1" "$RESET" >&2
  [[ $# -gt 1 ]] && printf '  fix: %s\n' "$2" >&2
  exit 1
}

pid_file() { echo "$RUN_DIR/$1.pid"; }

# is_ours <pid>: the process exists and was started by these scripts for this checkout.
is_ours() {
  local pid="$1"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  local args
  # Compared in bash, so no helper process ever carries the marker in its own arguments.
  args="$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ $'\n'"$args"$'\n' == *$'\n'"$MARKER"$'\n'* ]]
}

# running_pid <component>: prints the pid of our live process for that component, or fails (removing a stale PID file).
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  if is_ours "$pid"; then echo "$pid"; return 0; fi
  rm -f "$file"
  return 1
}

# our_pids: every live process started by these scripts for this checkout (with or without a PID file).
our_pids() {
  local dir pid
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    is_ours "$pid" 2>/dev/null && echo "$pid"
  done
  return 0
}

pg_bin() { # pg_bin <tool>: the PostgreSQL server binary, from PATH or Debian's versioned folder (newest first)
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local candidate
  # shellcheck disable=SC2012 # Debian's version folders are plain numbers: nothing for ls to mangle
  candidate="$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1)"
  [[ -n "$candidate" ]] && echo "$candidate"
}

port_open() { # port_open <host> <port>
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# who_listens <port>: a short description of the process listening there, if the system lets us see it.
who_listens() {
  if command -v ss >/dev/null 2>&1; then
    ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\("[^"]*",pid=[0-9]*\).*/\1/p' | head -1
  fi
}

# health_up <port>: GET /health answers 200 with status UP.
health_up() {
  local body
  body="$(curl -fsS --max-time 3 "http://127.0.0.1:$1/health" 2>/dev/null)" || return 1
  [[ "$body" == *'"status":"UP"'* ]]
}

# wait_until <seconds> <description> <command...>: polls the condition once a second; fails after the deadline.
wait_until() {
  local timeout="$1"; shift 2 # $2 names what is awaited, for the reader of the call
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ((SECONDS >= deadline)); then return 1; fi
    sleep 1
  done
}

# --- run modes (./start.sh --brokers N --instances N) ---------------------------------------------------------------
# Broker i (1-based) is component kafka (i = 1) or kafka-i, on KAFKA_PORT + 2(i-1) with its controller on
# KAFKA_CONTROLLER_PORT + 2(i-1): 9092/9093, 9094/9095, 9096/9097. Instance i of a service is component <name> or
# <name>-i, on the service's port + LOCAL_STACK_INSTANCE_PORT_STEP (default 100) x (i-1): 3000, 3100; 8082, 8182 ...
INSTANCE_PORT_STEP="${LOCAL_STACK_INSTANCE_PORT_STEP:-100}"
broker_component() { if [[ "$1" -eq 1 ]]; then echo kafka; else echo "kafka-$1"; fi; }
broker_port() { echo $((KAFKA_PORT + 2 * ($1 - 1))); }
broker_controller_port() { echo $((KAFKA_CONTROLLER_PORT + 2 * ($1 - 1))); }
instance_component() { if [[ "$2" -eq 1 ]]; then echo "$1"; else echo "$1-$2"; fi; }
instance_port() { echo $(($1 + INSTANCE_PORT_STEP * ($2 - 1))); }

# components_with_pid_files <prefix>: the components with a PID file whose name is <prefix> or <prefix>-<n>.
components_with_pid_files() {
  local file name
  for file in "$RUN_DIR/$1.pid" "$RUN_DIR/$1"-[0-9]*.pid; do
    [[ -f "$file" ]] || continue
    name="$(basename "$file" .pid)"
    echo "$name"
  done
}

# --- processes -----------------------------------------------------------------------------------------------------

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

