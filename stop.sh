#!/usr/bin/env bash
# Stops what ./start.sh started, gracefully: SIGTERM, then waits for the process to exit (services first, so their
# consumers commit and producers flush while the broker is still up; then the Kafka broker; then an embedded
# PostgreSQL if start.sh created one). A process that ignores SIGTERM for LOCAL_STACK_STOP_TIMEOUT seconds (default
# 60) is killed, with a warning. Data in local-stack/data is kept. Processes are found by PID file and by the marker
# on their command line, so nothing is left behind even if a PID file was lost; nothing else is ever signalled.
#
# Usage: ./stop.sh
set -euo pipefail

# shellcheck source=local-stack/bin/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/local-stack/bin/common.sh"

STOP_TIMEOUT="${LOCAL_STACK_STOP_TIMEOUT:-60}"

gone() { ! is_ours "$1"; }

# stop_pids <label> <pid...>: SIGTERM all, then wait for all; SIGKILL what is left after the timeout.
stop_pids() {
  local label="$1"; shift
  [[ $# -eq 0 ]] && return 0
  local pid
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  info "stopping $label (pid $*) ..."
  for pid in "$@"; do
    if ! wait_until "$STOP_TIMEOUT" "$label" gone "$pid"; then
      warn "pid $pid ($label) ignored SIGTERM for ${STOP_TIMEOUT}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      wait_until 10 "$label" gone "$pid" || die "pid $pid ($label) survived SIGKILL" "look at it: ps -o pid,stat,cmd -p $pid"
    fi
  done
  ok "stopped $label"
}

# stop_all <component...>: in parallel, since they do not depend on each other for shutting down.
stop_all() {
  local component pid pids=() names=()
  for component in "$@"; do
    if pid="$(running_pid "$component")"; then pids+=("$pid"); names+=("$component"); fi
  done
  [[ ${#pids[@]} -gt 0 ]] && stop_pids "${names[*]}" "${pids[@]}"
  for component in "$@"; do rm -f "$(pid_file "$component")"; done
}

# Every instance of every service (./start.sh --instances N), then every broker (--brokers N): a KRaft quorum's
# nodes stop together, or the last ones wait for a quorum that is gone.
stop_services() {
  local s components=()
  for s in "${SERVICES[@]}"; do
    mapfile -t -O "${#components[@]}" components < <(components_with_pid_files "$(svc_name "$s")")
  done
  stop_all "${components[@]}"
}

stop_brokers() {
  local components=()
  mapfile -t components < <(components_with_pid_files kafka)
  stop_all "${components[@]}"
}

stop_embedded_postgres() {
  [[ -f "$RUN_DIR/postgres.embedded" ]] || return 0
  local dir="$DATA_DIR/postgres" pg_ctl
  pg_ctl="$(pg_bin pg_ctl || true)"
  if [[ -f "$dir/postmaster.pid" && -n "$pg_ctl" ]]; then
    info "stopping embedded PostgreSQL ..."
    "$pg_ctl" -D "$dir" -m fast -w -t "$STOP_TIMEOUT" stop >/dev/null || die "embedded PostgreSQL did not stop" \
      "$pg_ctl -D $dir -m immediate stop"
    ok "stopped embedded PostgreSQL"
  fi
  rm -f "$RUN_DIR/postgres.embedded"
}

main() {
  [[ -d "$RUN_DIR" ]] || { ok "nothing to stop"; return 0; }
  stop_services
  stop_brokers
  stop_embedded_postgres
  # Anything of ours whose PID file was lost (e.g. deleted by hand).
  local leftovers
  leftovers="$(our_pids | tr '\n' ' ')"
  if [[ -n "${leftovers// /}" ]]; then
    # shellcheck disable=SC2086
    stop_pids "leftover processes" $leftovers
  fi
  ok "Event Shop stopped; data kept in $DATA_DIR"
}

main "$@"
