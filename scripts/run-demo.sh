#!/usr/bin/env bash
# Sets up, builds and opens Atelier on the demo event (the CNFPT summer university, Rennes 2018).
# Installs and builds only what the app needs (no tests, no benchmarks).
# With no display (a server, CI), prints the demo event's summary instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh demo
bash scripts/build.sh atelier
BIN=${BUILD_DIR:-build}/app/atelier
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  # No argument: the default event, created with the demo on first run.
  exec "$BIN" "$@"
fi
echo "No display: here is the demo event's summary instead of the window."
DEMO=$(mktemp -d)/demo.db
"$BIN" demo "$DEMO" >/dev/null
exec "$BIN" info "$DEMO"
