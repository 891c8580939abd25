# shellcheck shell=bash
# PostgreSQL: the given or local server, else an embedded one; one database and role per service.
# Sourced by start.sh after common.sh, never run; reads start.sh's settings (BROKERS, INSTANCES, BUILD, JAVA ...).

pg_reachable() { pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 2 >/dev/null 2>&1; }

start_postgres() {
  if ! command -v psql >/dev/null 2>&1 || ! command -v pg_isready >/dev/null 2>&1; then
    die "the PostgreSQL client (psql, pg_isready) is needed" "apt-get install postgresql-client (or postgresql for a server too)"
  fi
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
    # shellcheck disable=SC2012 # Debian names its cluster folders by version number: nothing for ls to mangle
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
  if ! initdb="$(pg_bin initdb)" || ! pg_ctl="$(pg_bin pg_ctl)"; then
    die "no PostgreSQL on 127.0.0.1:5432 and no PostgreSQL server binaries to embed one" \
      "install PostgreSQL (Debian: apt-get install postgresql) or set PGHOST/PGPORT/PGUSER/PGPASSWORD"
  fi
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

