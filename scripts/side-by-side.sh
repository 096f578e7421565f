#!/usr/bin/env bash
# Atelier beside the peer whiteboard (Excalidraw, see ../shared/peer/excalidraw/README.md), both
# panning the same board of N notes in a window on ONE Xvfb server at 1920x1080 with software
# rendering, in interleaved rounds (peer then app for every N and zoom), so that both put every
# frame on the same X server under the same load. Not part of CI.
#   bash scripts/side-by-side.sh PEER_COPY [ROUNDS]       (default 5 rounds)
# PEER_COPY: a writable copy of the harness folder (cp -r ../shared/peer/excalidraw DIR).
# Env: COUNTS="200 2000 10000", ZOOMS="fit 1to1", PAN_S=4, BUILD_DIR=build-bench.
# Prints every round (with the load average) and the median of the ratios taken in each round:
# frame interval (app / peer) and CPU time per frame, all processes of each side plus the X
# server's share during that side's pan (app / peer).
set -euo pipefail
peer=${1:-}
rounds=${2:-5}
if [ -z "$peer" ] || [ ! -f "$peer/run.sh" ] || [ ! -f "$peer/run.mjs" ]; then
    echo "usage: bash scripts/side-by-side.sh PEER_COPY [ROUNDS]" >&2
    echo "PEER_COPY must be a copy of the peer harness (a folder with run.sh and run.mjs), e.g." >&2
    echo "  d=\$(mktemp -d) && cp -r ../shared/peer/excalidraw \"\$d\" && bash scripts/side-by-side.sh \"\$d/excalidraw\"" >&2
    exit 2
fi
[ -w "$peer" ] || { echo "side-by-side: $peer is read-only: copy the harness first (see usage)" >&2; exit 2; }
for tool in Xvfb xdotool python3 node; do
    command -v "$tool" >/dev/null || { echo "side-by-side: $tool is missing" >&2; exit 2; }
done
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BUILD_DIR:-build-bench}
bin="$build/app/atelier"
[ -x "$bin" ] || { echo "side-by-side: $bin is missing: cmake --build $build --target atelier" >&2; exit 2; }
read -r -a counts <<<"${COUNTS:-200 2000 10000}"
read -r -a zooms <<<"${ZOOMS:-fit 1to1}"
pan_s=${PAN_S:-4}
work=$(mktemp -d)
display=${SIDE_DISPLAY:-:58}
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
python3 scripts/cpu_sampler.py "$work/cpu.log" 0.1 &
sampler=$!
trap 'kill $xvfb $sampler 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
for n in "${counts[@]}"; do "$bin" generate "$work/board$n.db" --scale 1 --board "$n" >/dev/null; done
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); peer: $peer; pan ${pan_s} s per run"
: >"$work/records.jsonl"
for r in $(seq 1 "$rounds"); do
    echo "== round $r: load average $(cut -d' ' -f1-3 /proc/loadavg)"
    for n in "${counts[@]}"; do
        for zoom in "${zooms[@]}"; do
            # The peer: Chromium in a window on the same display, uncapped (no 60 Hz pacing).
            if ! rec=$(cd "$peer" && HEADFUL=1 UNCAPPED=1 SCENARIOS="$zoom" PAN_MS=$((pan_s * 1000)) ./run.sh "$n" 2>"$work/peer.err" | tail -1) \
                || [ -z "$rec" ]; then
                echo "side-by-side: the peer failed (N=$n, $zoom):" >&2; tail -5 "$work/peer.err" >&2; exit 1
            fi
            echo "{\"round\":$r,\"side\":\"peer\",\"record\":$rec}" >>"$work/records.jsonl"
            rec=$(HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
                "$bin" "$work/board$n.db" --team 1 --size 1920x1080 --bench-pan "$pan_s" --bench-zoom "$zoom" 2>"$work/app.err" | tail -1) \
                || { echo "side-by-side: the app failed (N=$n, $zoom):" >&2; cat "$work/app.err" >&2; exit 1; }
            echo "{\"round\":$r,\"side\":\"app\",\"record\":$rec}" >>"$work/records.jsonl"
            python3 scripts/side_by_side_report.py "$work/records.jsonl" "$work/cpu.log" --last
        done
    done
done
echo
python3 scripts/side_by_side_report.py "$work/records.jsonl" "$work/cpu.log"
cp "$work/records.jsonl" "$root/${SIDE_RECORDS:-side-by-side.jsonl}"
