#!/usr/bin/env bash
# Measures the Event Shop on this machine, over loopback only, and writes the results (text, JSON, SVG chart):
#   1. start-up: the stack is (re)started with ./start.sh; each service's time from process start to /health UP, with
#      the three back-end services starting together, and later each service restarted alone; RSS before and after load;
#   2. load (local-stack/benchmark, a Maven module): a warm-up, then open-loop phases at fixed offered rates (every
#      order due at its instant, whatever the shop answers) rising until one is not sustained, a bisection step, and a
#      closed-loop phase; per phase accepted/s, confirmed-or-rejected/s, click-to-confirmed p50/p95/p99/max
#      (HdrHistogram, measured from each order's intended send time, so coordinated omission is corrected) and errors;
#   3. ceilings in the same run: the stack's broker under Kafka's own ProducerPerformance (the outbox relay's producer
#      settings, 300-byte records) and PostgreSQL under pgbench (one ~300-byte insert per transaction).
# The last lines printed are "max sustained: N orders/s end to end" and the ceilings with the shop / ceiling ratios.
# Builds what is out of date, stops the stack at the end (unless --keep-running). Every loop is bounded.
#
# Usage: local-stack/benchmark.sh [--quick] [--duration S] [--rates R1,R2,...] [--out DIR] [--profile] [--note TEXT]
#                                 [--keep-running]
#   --quick          about 4-6 minutes: 15 s per rate, 30 s warm-up, no bisection, 15 s closed loop, small ceilings
#   --duration S     seconds at each offered rate (default 60; "max sustained" means S seconds)
#   --rates LIST     offered orders/s, rising (default 50,100,200,400,800,1600,3200)
#   --out DIR        where output.txt, results.json, chart.svg (and the profile) go (default local-stack/run/benchmark)
#   --profile        record orders-service with JDK Flight Recorder during the load (local-stack/run/orders-service.jfr);
#                    its top frames in profile.txt
#   --note TEXT      a remark stored with the results (e.g. "machine shared with builds")
#   --keep-running   leave the stack running afterwards
# JVM flags: LOCAL_STACK_JAVA_OPTS, as for ./start.sh.
set -euo pipefail

# shellcheck source=local-stack/bin/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bin/common.sh"

BENCH_DIR="$STACK_DIR/benchmark"
OUT="$RUN_DIR/benchmark"
QUICK=false
DURATION=""
RATES="50,100,200,400,800,1600,3200"
PROFILE=false
NOTE=""
KEEP=false
BACKENDS=(orders-service inventory-notification-service audit-service analytics-service)

usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; }

positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive whole number, not '$2'" "run $0 --help"; echo "$2"; }

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --quick) QUICK=true ;;
      --duration) DURATION="$(positive "$1" "${2:-}")"; shift ;;
      --rates) [[ "${2:-}" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--rates needs rising numbers like 50,100,200" "run $0 --help"
        RATES="$2"; shift ;;
      --out) [[ -n "${2:-}" ]] || die "--out needs a folder" "run $0 --help"; OUT="$2"; shift ;;
      --profile) PROFILE=true ;;
      --note) NOTE="${2:-}"; shift ;;
      --keep-running) KEEP=true ;;
      -h|--help) usage; exit 0 ;;
      *) die "unknown option: $1" "run $0 --help" ;;
    esac
    shift
  done
  mkdir -p "$OUT" "$RUN_DIR"
  OUT="$(cd "$OUT" && pwd)"
}

cleanup() {
  local rc=$?
  [[ -n "${WATCHER:-}" ]] && kill "$WATCHER" 2>/dev/null
  [[ "$KEEP" == false ]] && { "$ROOT/stop.sh" >/dev/null || warn "./stop.sh failed; run it by hand"; }
  exit $rc
}

build_benchmark() {
  local jar="$BENCH_DIR/target/benchmark.jar"
  if [[ ! -f "$jar" || -n "$(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$jar" -type f -print -quit)" ]]; then
    info "building the load generator (./mvnw -B -q -DskipTests package -pl local-stack/benchmark -am) ..."
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl local-stack/benchmark -am) > "$OUT/build.log" 2>&1 \
      || { tail -30 "$OUT/build.log" >&2; die "building local-stack/benchmark failed (log: $OUT/build.log)"; }
  fi
}

bench() { java -Xms64m -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$BENCH_DIR/target/benchmark.jar:$BENCH_DIR/target/lib/*" eventshop.benchmark.Benchmark "$@"; }

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "-"; }

startup_ms() { sed -n 's/.*Startup completed in \([0-9]*\)ms.*/\1/p' "$LOG_DIR/$1.log" 2>/dev/null | tail -1; }

jvm_flags() { tr '\0' '\n' < "/proc/$1/cmdline" | grep -- '^-X' | paste -sd ' '; }

# process_age_ms <pid>: how long ago the process started (field 22 of /proc/<pid>/stat is its start in clock ticks
# after boot; java's comm has no spaces, so the fields split cleanly).
process_age_ms() {
  local start_ticks
  start_ticks="$(awk '{ print $22 }' "/proc/$1/stat" 2>/dev/null)" || return 1
  awk -v up="$(cut -d' ' -f1 /proc/uptime)" -v s="$start_ticks" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.0f", (up - s / hz) * 1000 }'
}

cpu_ms() { # cpu_ms <pid>: CPU time (user + system) the process has used, from fields 14 and 15 of /proc/<pid>/stat
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null
}

# watch_startup <file> <service...>: every 0.1 s (for at most 300 s), for each service whose /health has just turned
# UP, appends "<service> <ms since its process started> <CPU ms it used by then>" to the file.
watch_startup() {
  local file="$1"; shift
  local -A seen=()
  local deadline=$((SECONDS + 300)) name pid
  while ((SECONDS < deadline && ${#seen[@]} < $#)); do
    for name in "$@"; do
      [[ -n "${seen[$name]:-}" ]] && continue
      pid="$(running_pid "$name")" || continue
      if health_up "$(port_of "$name")"; then
        echo "$name $(process_age_ms "$pid") $(cpu_ms "$pid")" >> "$file"
        seen[$name]=1
      fi
    done
    sleep 0.1
  done
}

# start_watched <file> <service...>: ./start.sh --no-build while watch_startup times the given services.
start_watched() {
  local file="$1"; shift
  : > "$file"
  watch_startup "$file" "$@" &
  WATCHER=$!
  "$ROOT/start.sh" --no-build > "$RUN_DIR/benchmark-start.log" 2>&1 || { cat "$RUN_DIR/benchmark-start.log" >&2; die "./start.sh --no-build failed"; }
  wait "$WATCHER" || true
  WATCHER=""
}

measured() { # measured <service> <file> <column>: the service's last figure in a watch_startup file
  awk -v n="$1" -v c="$3" '$1 == n { print $c }' "$2" | tail -1
}

# A JDK's dynamic CDS archive is written when a service trained with -XX:ArchiveClassesAtExit stops; start.sh uses
# it from then on. Train first, so the measured start-ups use the archive.
train_cds_if_needed() {
  local s name missing=()
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    cds_archive_current "$name" || missing+=("$name")
  done
  [[ ${#missing[@]} -eq 0 || "${LOCAL_STACK_CDS:-true}" != true ]] && return
  info "class-data sharing: training run for ${missing[*]} (archives written when they stop) ..."
  "$ROOT/start.sh" --no-build > "$RUN_DIR/benchmark-start.log" 2>&1 || { cat "$RUN_DIR/benchmark-start.log" >&2; die "./start.sh --no-build failed"; }
  "$ROOT/stop.sh" >/dev/null
}

stop_one() { # stop_one <service>: SIGTERM our process and wait (bounded) until it is gone
  local pid
  pid="$(running_pid "$1")" || return 0
  kill -TERM "$pid"
  wait_until 60 "$1" bash -c "! kill -0 $pid 2>/dev/null" || die "$1 (pid $pid) did not stop"
  rm -f "$(pid_file "$1")"
}

main() {
  parse_args "$@"
  command -v java >/dev/null 2>&1 || die "java is needed" "install a JDK 17+"
  local seconds=60 warmup=90 refine=1 closed=30 records=1000000 pgsecs=15
  if [[ "$QUICK" == true ]]; then seconds=15 warmup=30 refine=0 closed=15 records=300000 pgsecs=5; fi
  [[ -n "$DURATION" ]] && seconds="$DURATION"
  trap cleanup EXIT
  exec > >(tee "$OUT/output.txt") 2>&1

  info "benchmark $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); output in $OUT"
  build_benchmark
  info "building what is out of date and restarting the stack, so start-up is measured fresh ..."
  "$ROOT/start.sh" > "$RUN_DIR/benchmark-start.log" 2>&1 || { cat "$RUN_DIR/benchmark-start.log" >&2; die "./start.sh failed"; }
  "$ROOT/stop.sh" >/dev/null
  train_cds_if_needed

  local together="$OUT/startup-together.txt" c pid
  info "starting the stack (back-end services together, then web-ui) ..."
  start_watched "$together" "${BACKENDS[@]}" web-ui
  local -A rss_before=() rss_after=() micronaut_together=()
  for c in kafka "${BACKENDS[@]}" web-ui; do
    pid="$(running_pid "$c")" && rss_before[$c]="$(rss_mb "$pid")" || rss_before[$c]="-"
    [[ "$c" != kafka ]] && micronaut_together[$c]="$(startup_ms "$c")"
  done
  local flags
  flags="$(jvm_flags "$(running_pid orders-service)")"
  info "service JVM flags: $flags"

  local jfr_pid=""
  if [[ "$PROFILE" == true ]]; then
    jfr_pid="$(running_pid orders-service)"
    jcmd "$jfr_pid" JFR.start name=benchmark settings=profile filename="$RUN_DIR/orders-service.jfr" >/dev/null
    info "recording orders-service with JDK Flight Recorder (settings=profile) during the load"
  fi

  local pids=""
  local -A flags_of=()
  for c in kafka "${BACKENDS[@]}" web-ui; do
    pid="$(running_pid "$c")" && pids+="${pids:+,}$c=$pid" && flags_of[$c]="$(jvm_flags "$pid")"
  done
  local -a args=(load --pids "$pids" --clk-tck "$(getconf CLK_TCK)" --orders-url "http://127.0.0.1:$(port_of orders-service)"
    --inventory-url "http://127.0.0.1:$(port_of inventory-notification-service)"
    --bootstrap "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}" --pg-host "${PGHOST:-127.0.0.1}"
    --pg-port "${PGPORT:-5432}" --pg-user "${PGUSER:-postgres}"
    --databases "${DB_PREFIX}orders,${DB_PREFIX}inventory,${DB_PREFIX}audit"
    --rates "$RATES" --seconds "$seconds" --warmup "$warmup" --refine "$refine" --closed-seconds "$closed"
    --ceiling-records "$records" --pgbench-seconds "$pgsecs" --note "$NOTE" --out "$OUT/load.json")
  [[ "$QUICK" == true ]] && args+=(--quick)
  bench "${args[@]}"

  if [[ -n "$jfr_pid" ]]; then
    jcmd "$jfr_pid" JFR.stop name=benchmark >/dev/null
    bench jfr-top "$RUN_DIR/orders-service.jfr" > "$OUT/profile.txt"
    info "profile of orders-service: $OUT/profile.txt"
  fi
  for c in kafka "${BACKENDS[@]}" web-ui; do
    pid="$(running_pid "$c")" && rss_after[$c]="$(rss_mb "$pid")" || rss_after[$c]="-"
  done

  local alone="$OUT/startup-alone.txt" table="$OUT/processes.tsv"
  : > "$alone"
  for c in "${BACKENDS[@]}" web-ui; do
    info "restarting $c alone ..."
    stop_one "$c"
    start_watched "$RUN_DIR/benchmark-startup-one.txt" "$c"
    cat "$RUN_DIR/benchmark-startup-one.txt" >> "$alone"
    micronaut_alone[$c]="$(startup_ms "$c")"
    rss_alone[$c]="$(rss_mb "$(running_pid "$c")")"
  done

  if [[ "$KEEP" == false ]]; then
    "$ROOT/stop.sh" >/dev/null || warn "./stop.sh failed; run it by hand"
    KEEP=true   # stopped: nothing left for cleanup to do
  fi

  printf 'process\ttogether_ms\talone_ms\tmicronaut_together_ms\tmicronaut_alone_ms\tcpu_together_ms\tcpu_alone_ms\trss_start_mb\trss_after_load_mb\trss_alone_mb\tjvm_flags\n' > "$table"
  printf 'kafka\t-\t-\t-\t-\t-\t-\t%s\t%s\t-\t\n' "${rss_before[kafka]}" "${rss_after[kafka]}" >> "$table"
  for c in "${BACKENDS[@]}" web-ui; do
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$(measured "$c" "$together" 2)" \
      "$(measured "$c" "$alone" 2)" "${micronaut_together[$c]:--}" "${micronaut_alone[$c]:--}" \
      "$(measured "$c" "$together" 3)" "$(measured "$c" "$alone" 3)" "${rss_before[$c]}" "${rss_after[$c]}" \
      "${rss_alone[$c]:--}" "${flags_of[$c]:--}" >> "$table"
  done
  bench report --load "$OUT/load.json" --processes "$table" --out-dir "$OUT"
}

declare -A micronaut_alone=() rss_alone=()
main "$@"
