#!/usr/bin/env bash
# The whole frame as the user sees it (issue 17): the real app in a window under Xvfb with Mesa's
# software OpenGL (llvmpipe), panning team 1's board of N notes (160x120 on the 220x160 grid of
# the peer benchmark) for PAN_S seconds, zoomed to fit and at 1:1. One JSON record per run:
# frame_median_ms (interval between buffer swaps, no vsync), cpu_ms_per_frame (all the app's
# threads, llvmpipe's included), fragments_per_frame and screens_of_fill (Mesa's pipeline
# statistics), first_frame_ms (from the GUI's entry), first_frame_from_launch_ms (from the
# process's launch) and the start-up timeline (startup: [name, ms] pairs).
#   bash bench/frame_bench.sh BUILD_DIR [N...]     (default N: 200 2000 10000)
set -euo pipefail
build=${1:?usage: bench/frame_bench.sh BUILD_DIR [N...]}
shift
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(200 2000 10000)
bin="$build/app/atelier"
[ -x "$bin" ] || { echo "frame_bench: $bin is missing: build the atelier target first" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "frame_bench: Xvfb is missing (bash scripts/setup.sh test)" >&2; exit 2; }
work=$(mktemp -d)
display=${FRAME_BENCH_DISPLAY:-:57}
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
for n in "${counts[@]}"; do
    # FRAME_BENCH_DB: an event already made (e.g. --scale 10 --board 50000) instead of a fresh one.
    if [ -n "${FRAME_BENCH_DB:-}" ]; then cp "$FRAME_BENCH_DB" "$work/board$n.db"
    else "$bin" generate "$work/board$n.db" --scale 1 --board "$n" >/dev/null; fi
    for zoom in fit 1to1; do
        ATELIER_LAUNCHED_AT_NS=$(date +%s%N) "$bin" "$work/board$n.db" --team 1 --size 1920x1080 --bench-pan "${PAN_S:-3}" --bench-zoom "$zoom" \
            --bench-label "${FRAME_BENCH_LABEL:-}" 2>"$work/err.log" || { cat "$work/err.log" >&2; exit 1; }
    done
done
