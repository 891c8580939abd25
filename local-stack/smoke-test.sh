#!/usr/bin/env bash
# Whole-system smoke test of the no-Docker run mode:
#   ./start.sh → POST /orders and the legacy POST /order → each order CONFIRMED → ./stop.sh → no process left behind.
# Exit status 0 only if all of that held. Arguments are passed to start.sh (e.g. --no-build).
# Settings: SMOKE_TIMEOUT (seconds an order may take to be confirmed, default 60).
# Its databases and roles are its own (prefix smoke_) and are dropped when it ends, passed or failed, so a run leaves
# nothing on the PostgreSQL server; with LOCAL_STACK_DB_PREFIX set, it uses those databases and keeps them.
set -euo pipefail

if [[ -z "${LOCAL_STACK_DB_PREFIX:-}" ]]; then
  export LOCAL_STACK_DB_PREFIX=smoke_
  OWN_DATABASES=true
else
  OWN_DATABASES=false
fi

# shellcheck source=local-stack/bin/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bin/common.sh"

SMOKE_TIMEOUT="${SMOKE_TIMEOUT:-60}"
ORDERS="http://localhost:$(port_of orders-service)"
INVENTORY="http://localhost:$(port_of inventory-notification-service)"
STARTED=false

cleanup() {
  local rc=$?
  if [[ $rc -ne 0 && "$STARTED" == true ]]; then
    warn "smoke test failed; stopping the stack (logs stay in $LOG_DIR)"
    "$ROOT/stop.sh" >&2 || true
  fi
  drop_own_databases
  exit $rc
}

# The databases and roles start.sh made for this run (deploy/postgres/init-databases.sql names the roles).
drop_own_databases() {
  [[ "$OWN_DATABASES" == true ]] || return 0
  local psql=(psql -X -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres) name
  for name in orders inventory audit; do
    "${psql[@]}" -c "DROP DATABASE IF EXISTS \"${DB_PREFIX}$name\" WITH (FORCE)" \
      || warn "could not drop the smoke test's database ${DB_PREFIX}$name"
  done
  for name in orders inventory audit audit_owner; do
    "${psql[@]}" -c "DROP ROLE IF EXISTS \"${DB_PREFIX}$name\"" || warn "could not drop the smoke test's role ${DB_PREFIX}$name"
  done
}
trap cleanup EXIT

# json_string <field> < json: the first string value of that field (jq when present, else a plain pattern).
json_string() {
  if command -v jq >/dev/null 2>&1; then jq -r --arg f "$1" 'first(.. | objects | select(has($f)) | .[$f]) // empty'
  else sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" | head -1; fi
}

# post <url> <json body>: prints the response body; fails on an HTTP error.
post() {
  curl -fsS --max-time 10 -X POST "$1" -H 'Content-Type: application/json' -H "X-Request-Id: smoke-$$-$RANDOM" -d "$2"
}

order_status() { curl -fsS --max-time 5 "$ORDERS/orders/$1" | json_string status; }

# await_confirmed <order id> <label>
await_confirmed() {
  local id="$1" label="$2" status="" deadline=$((SECONDS + SMOKE_TIMEOUT))
  while ((SECONDS < deadline)); do
    status="$(order_status "$id" || true)"
    case "$status" in
      CONFIRMED) ok "$label order $id CONFIRMED"; return 0 ;;
      REJECTED|CANCELLED) curl -sS "$ORDERS/orders/$id" >&2 || true; die "$label order $id ended $status, expected CONFIRMED" ;;
    esac
    sleep 0.5
  done
  die "$label order $id still '${status:-unknown}' after ${SMOKE_TIMEOUT}s" "see $LOG_DIR/*.log"
}

pick_sku() {
  local products sku
  products="$(curl -fsS --max-time 5 "$INVENTORY/products")" || die "GET $INVENTORY/products failed"
  if command -v jq >/dev/null 2>&1; then
    sku="$(jq -r '[.[] | select((.stock // 0) >= 1)][0].sku // empty' <<< "$products")"
  else
    sku="$(json_string sku <<< "$products")"
  fi
  [[ -n "$sku" ]] || die "no product in stock: $products"
  echo "$sku"
}

main() {
  STARTED=true
  "$ROOT/start.sh" "$@"

  local sku body id
  sku="$(pick_sku)"
  body="$(post "$ORDERS/orders" "{\"customer\":{\"name\":\"Smoke Test\",\"email\":\"smoke@example.com\"},\"lines\":[{\"sku\":\"$sku\",\"quantity\":1}]}")" \
    || die "POST /orders failed"
  id="$(json_string id <<< "$body")"
  [[ -n "$id" ]] || die "POST /orders answered without an id: $body"
  await_confirmed "$id" "POST /orders"

  body="$(post "$ORDERS/order" '{"customer_name":"Jean Dupont","coffee_type":"Espresso"}')" || die "POST /order (legacy) failed"
  id="$(json_string orderId <<< "$body")"
  [[ -n "$id" ]] || die "POST /order answered without an orderId: $body"
  await_confirmed "$id" "legacy POST /order"

  "$ROOT/stop.sh"
  STARTED=false
  local left s
  left="$(our_pids | tr '\n' ' ')"
  [[ -z "${left// /}" ]] || die "processes left after ./stop.sh: $left"
  for s in "${SERVICES[@]}"; do
    ! port_open 127.0.0.1 "$(svc_port "$s")" || die "port $(svc_port "$s") still open after ./stop.sh"
  done
  if [[ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
    ! port_open 127.0.0.1 "$KAFKA_PORT" || die "Kafka port $KAFKA_PORT still open after ./stop.sh"
  fi
  ok "smoke test passed: start → 2 orders CONFIRMED → stop, nothing left running"
}

main "$@"
