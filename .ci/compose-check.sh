#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: the base file and every profile must pass `config -q`.
# Needs the Debian package docker-compose (apt-get install -y docker-compose) or the docker compose v2 plugin.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v docker-compose >/dev/null 2>&1; then compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then compose=(docker compose)
else
  echo "compose-check: neither docker-compose nor 'docker compose' found; apt-get install -y docker-compose" >&2
  exit 1
fi

check() {
  echo "compose-check: ${compose[*]} -f docker-compose.yml $* config -q"
  "${compose[@]}" -f docker-compose.yml "$@" config -q
}

check
check --profile observability
check --profile tools
check --profile observability --profile tools

# The profiles must really add their services (a typo in a profile name would still pass `config -q`).
services() { "${compose[@]}" -f docker-compose.yml "$@" config --services | sort | tr '\n' ' '; }
base="$(services)"
for profile in observability tools; do
  extra="$(services --profile "$profile")"
  if [[ "$extra" == "$base" ]]; then
    echo "compose-check: profile $profile adds no service" >&2
    exit 1
  fi
done
echo "compose-check: OK (base: $base)"
