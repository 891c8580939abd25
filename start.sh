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

BIN="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/local-stack/bin"
# shellcheck source=local-stack/bin/common.sh
source "$BIN/common.sh"
# shellcheck source=local-stack/bin/build.sh
source "$BIN/build.sh"
# shellcheck source=local-stack/bin/kafka.sh
source "$BIN/kafka.sh"
# shellcheck source=local-stack/bin/postgres.sh
source "$BIN/postgres.sh"
# shellcheck source=local-stack/bin/services.sh
source "$BIN/services.sh"

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

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }

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

