# shellcheck shell=bash
# The services: passwords, environment and start of each instance, waiting for /health, the URLs at the end.
# Sourced by start.sh after common.sh, never run; reads start.sh's settings (BROKERS, INSTANCES, BUILD, JAVA ...).

# instances_of <service name>: how many to run; the web UI is one process whatever --instances says.
instances_of() { if [[ "$1" == web-ui ]]; then echo 1; else echo "$INSTANCES"; fi; }

port_variable() { echo "LOCAL_STACK_$(echo "${1%%-*}" | tr '[:lower:]' '[:upper:]')_PORT"; }

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
  # shellcheck disable=SC2046,SC2086 # SERVICE_JAVA_OPTS and cds_options are lists of options split at spaces, on purpose
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

