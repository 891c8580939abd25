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

# A typo in a profile name would still pass `config -q`: each profile must be used by a service of the resolved file.
resolved="$("${compose[@]}" -f docker-compose.yml --profile observability --profile tools config)"
for profile in observability tools; do
  if ! grep -Eq "^ *- ${profile}\$" <<< "$(grep -A3 '^ *profiles:' <<< "$resolved")"; then
    echo "compose-check: no service is in profile $profile" >&2
    exit 1
  fi
done
echo "compose-check: OK"
