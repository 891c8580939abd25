#!/usr/bin/env bash
# Regenerates the demo video from the real system:
#   1. ./mvnw -B verify -Pdemo builds the four services (without their tests), starts them as
#      separate JVMs with the in-process Kafka broker and PostgreSQL, and lets eventshop.e2e.demo.DemoWalkthrough
#      drive Chromium through the story of script.md, one captioned frame per step, into
#      e2e-tests/target/demo/frames/ (NN-step.png plus frames.ffconcat, which says how long each frame is held);
#   2. ffmpeg turns the frames into demo.mp4 (H.264, yuv420p, +faststart: plays in every browser) and demo.gif.
#
# Usage: documentation/demo/make-demo.sh                  writes documentation/demo/demo.mp4 and demo.gif
#        documentation/demo/make-demo.sh --out DIR        writes them to DIR instead (CI: proves the command works
#                                                         without touching the committed video)
#        documentation/demo/make-demo.sh --frames-only    skips step 1 and encodes the frames already there
# Needs PostgreSQL on 127.0.0.1:5432, Chromium at /usr/bin/chromium and ffmpeg (installed here if missing);
# takes about 3 minutes on two cores.
set -euo pipefail

DEMO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$DEMO_DIR/../.." && pwd)"
FRAMES="$ROOT/e2e-tests/target/demo/frames"
OUT="$DEMO_DIR"
RUN=true

while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --frames-only) RUN=false; shift ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

if ! command -v ffmpeg >/dev/null 2>&1; then
  echo "installing ffmpeg"
  if [[ "$(id -u)" -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends ffmpeg
fi

started=$SECONDS
if [[ "$RUN" == true ]]; then
  (cd "$ROOT" && ./mvnw -B verify -Pdemo)
fi
if [[ ! -f "$FRAMES/frames.ffconcat" ]]; then
  echo "no frames in $FRAMES: run without --frames-only" >&2
  exit 1
fi

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
cd "$FRAMES"

# The concat demuxer holds each frame for its duration; 10 fps is plenty for stills and keeps the file small.
# -tune stillimage and a moderate CRF keep text sharp; yuv420p and +faststart make it play in browsers.
ffmpeg -loglevel error -y -f concat -safe 0 -i frames.ffconcat \
  -vf "fps=10,format=yuv420p" -c:v libx264 -preset slow -tune stillimage -crf 26 \
  -movflags +faststart "$OUT/demo.mp4"

# The GIF: one frame a second, 960 px wide, one palette computed for the whole film.
ffmpeg -loglevel error -y -f concat -safe 0 -i frames.ffconcat \
  -vf "fps=1,scale=960:-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=128:stats_mode=full[p];[b][p]paletteuse=dither=bayer:bayer_scale=4" \
  "$OUT/demo.gif"

echo "wrote $OUT/demo.mp4 ($(du -h "$OUT/demo.mp4" | cut -f1)) and $OUT/demo.gif ($(du -h "$OUT/demo.gif" | cut -f1)) in $((SECONDS - started)) s"
