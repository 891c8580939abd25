#!/usr/bin/env bash
# Measures the running Event Shop on loopback and prints a report (recorded in documentation/benchmarks.md):
#   1. per service: start-up time ("Startup completed in N ms" of this run's log) and RSS after start-up and after load;
#   2. click-to-confirmed latency: orders placed one after the other, each polled until CONFIRMED (p50/p95/p99/max),
#      and the audit timeline's server-side sinceFirstMs of OrderConfirmed for the same orders;
#   3. throughput: orders fired by concurrent clients, clock stopped when all are CONFIRMED.
# Uses the stack ./start.sh started; if none is running, starts one with ./start.sh --no-build (so the start-up
# figures are fresh) and stops it again at the end. Every order is ESP-001 x1; ESP-001 is restocked first.
#
# Usage: local-stack/benchmark.sh [--orders N] [--throughput-orders M] [--concurrency C] [--warmup W]
#   --orders N             sequential orders for the latency figures (default 200)
#   --throughput-orders M  orders for the throughput figure (default 300)
#   --concurrency C        concurrent clients for the throughput figure (default 8)
#   --warmup W             orders placed first and not counted, so the JIT has seen the code (default 20)
set -euo pipefail

# shellcheck source=bin/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bin/common.sh"

ORDERS=200
THROUGHPUT_ORDERS=300
CONCURRENCY=8
WARMUP=20
STARTED_HERE=false

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive whole number, not '$2'" "run $0 --help"; echo "$2"; }

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --orders) ORDERS="$(positive "$1" "${2:-}")"; shift ;;
      --throughput-orders) THROUGHPUT_ORDERS="$(positive "$1" "${2:-}")"; shift ;;
      --concurrency) CONCURRENCY="$(positive "$1" "${2:-}")"; shift ;;
      --warmup) [[ "${2:-}" =~ ^[0-9]+$ ]] || die "--warmup needs a whole number" "run $0 --help"; WARMUP="$2"; shift ;;
      -h|--help) usage; exit 0 ;;
      *) die "unknown option: $1" "run $0 --help" ;;
    esac
    shift
  done
}

cleanup() {
  local rc=$?
  if [[ "$STARTED_HERE" == true ]]; then
    info ""
    info "stopping the stack this benchmark started ..."
    "$ROOT/stop.sh" >/dev/null || warn "./stop.sh failed; run it by hand"
  fi
  exit $rc
}

all_healthy() {
  local s
  for s in "${SERVICES[@]}"; do
    running_pid "$(svc_name "$s")" >/dev/null && health_up "$(svc_port "$s")" || return 1
  done
}

ensure_running() {
  if all_healthy; then
    info "using the running stack (start-up figures are from its logs)"
    return
  fi
  info "no complete stack running: ./start.sh --no-build ..."
  STARTED_HERE=true
  "$ROOT/start.sh" --no-build >/dev/null || die "./start.sh --no-build failed" "build first: ./mvnw -B -DskipTests package"
}

rss_mb() { # rss_mb <pid>: resident set size in MB, from /proc/<pid>/status
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"
}

startup_ms() { # startup_ms <service>: the last "Startup completed in N ms" of the service's current log
  sed -n 's/.*Startup completed in \([0-9]*\)ms.*/\1/p' "$LOG_DIR/$1.log" 2>/dev/null | tail -1
}

jvm_flags() { # jvm_flags <pid>: the -X options of a running JVM, as start.sh passed them
  tr '\0' '\n' < "/proc/$1/cmdline" | grep -- '^-X' | paste -sd ' '
}

declare -A RSS_BEFORE

components() { echo kafka; local s; for s in "${SERVICES[@]}"; do svc_name "$s"; done; }

record_rss_before() {
  local c pid
  for c in $(components); do
    pid="$(running_pid "$c")" && RSS_BEFORE[$c]="$(rss_mb "$pid")" || RSS_BEFORE[$c]="?"
  done
}

print_processes() {
  printf '\n%-32s %12s %16s %14s\n' "process" "start-up ms" "RSS before MB" "RSS after MB"
  local c pid total_before=0 total_after=0 after
  for c in $(components); do
    pid="$(running_pid "$c")" && after="$(rss_mb "$pid")" || after="?"
    local up="-"
    [[ "$c" != kafka ]] && up="$(startup_ms "$c")"
    printf '%-32s %12s %16s %14s\n' "$c" "${up:-?}" "${RSS_BEFORE[$c]}" "$after"
    [[ "${RSS_BEFORE[$c]}" =~ ^[0-9]+$ ]] && total_before=$((total_before + RSS_BEFORE[$c]))
    [[ "$after" =~ ^[0-9]+$ ]] && total_after=$((total_after + after))
  done
  printf '%-32s %12s %16s %14s\n' "total" "" "$total_before" "$total_after"
}

main() {
  parse_args "$@"
  command -v java >/dev/null 2>&1 || die "java is needed" "install a JDK 17+"
  trap cleanup EXIT
  ensure_running

  info "benchmark $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) CPUs, $(awk '/^MemTotal:/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  info "java: $(java -version 2>&1 | head -1)"
  info "service JVM flags: $(jvm_flags "$(running_pid orders-service)")"
  record_rss_before
  java "$STACK_DIR/bin/Benchmark.java" \
    "http://127.0.0.1:$(port_of orders-service)" \
    "http://127.0.0.1:$(port_of inventory-notification-service)" \
    "http://127.0.0.1:$(port_of audit-service)" \
    "$ORDERS" "$THROUGHPUT_ORDERS" "$CONCURRENCY" "$WARMUP"
  print_processes
  info "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

main "$@"
