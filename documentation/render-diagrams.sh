#!/usr/bin/env bash
# Renders every documentation/diagrams/*.mmd to PNG with Mermaid's CLI and the system Chromium.
#   documentation/diagrams/architecture.mmd -> documentation/architecture.png
#   documentation/diagrams/<name>.mmd       -> documentation/diagrams/<name>.png
# It also records the SHA-256 of each source in documentation/diagrams/rendered.sha256, so the drift test
# (events/src/test/java/eventshop/events/DocumentationDriftTest.java) notices a source edited without re-rendering.
#
# Needs Node.js >= 18.19 and Chromium: apt-get install -y --no-install-recommends chromium fonts-dejavu-core
# Usage: documentation/render-diagrams.sh     (renders every diagram; about 20 s)
set -euo pipefail

DOC_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$DOC_DIR"

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM" ]]; then
  echo "Chromium not found at $CHROMIUM; install it (apt-get install -y --no-install-recommends chromium fonts-dejavu-core)" >&2
  echo "or set CHROMIUM and edit puppeteer-config.json." >&2
  exit 1
fi

# Mermaid's CLI, pinned in package.json / package-lock.json; Puppeteer must not download its own browser.
export PUPPETEER_SKIP_DOWNLOAD=1
if [[ ! -x node_modules/.bin/mmdc ]]; then
  npm ci --no-audit --no-fund
fi

for src in diagrams/*.mmd; do
  name="$(basename "$src" .mmd)"
  if [[ "$name" == architecture ]]; then out="architecture.png"; else out="diagrams/$name.png"; fi
  echo "rendering $src -> documentation/$out"
  node_modules/.bin/mmdc --quiet -p puppeteer-config.json -c mermaid-config.json \
    -i "$src" -o "$out" -b white -s 2
done

# Fingerprints of the sources as rendered, sorted for stable diffs.
sha256sum diagrams/*.mmd | sort -k2 > diagrams/rendered.sha256
echo "wrote documentation/diagrams/rendered.sha256"
