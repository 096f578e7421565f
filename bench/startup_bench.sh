#!/usr/bin/env bash
# Start-up to the first frame (issue 17), as a user starts the app: the real binary under Xvfb
# with llvmpipe, in its default 1440x900 window, from the process's launch to the first buffer
# swap that shows the screen (--quit-after-first-frame). Beside it, the floor: an empty GLFW +
# OpenGL 3.3 window of the same size cleared and swapped once, on the same display (bench/startup_floor). Rounds interleaved;
# the median of each case, and the first frame's timeline of the last round (the 50,000 board).
#   bash bench/startup_bench.sh BUILD_DIR [ROUNDS] [BEFORE_BUILD_DIR]
# (needs the atelier and startup_floor targets). With BEFORE_BUILD_DIR (another tree's build,
# e.g. of the last commit), each round also starts its binary on the 50,000-note board, just
# before this one: a change measured against the same minutes of the same machine.
set -euo pipefail
build=${1:?usage: bench/startup_bench.sh BUILD_DIR [ROUNDS] [BEFORE_BUILD_DIR]}
rounds=${2:-5}
bin="$build/app/atelier" floor="$build/bench/startup_floor"
before=${3:+$3/app/atelier}
[ -z "$before" ] || [ -x "$before" ] || { echo "startup_bench: $before is not built" >&2; exit 2; }
[ -x "$bin" ] && [ -x "$floor" ] || { echo "startup_bench: build the atelier and startup_floor targets first" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "startup_bench: Xvfb is missing (bash scripts/setup.sh test)" >&2; exit 2; }
work=$(mktemp -d)
# STARTUP_BENCH_USE_DISPLAY=:N runs on an X server already there instead of a private Xvfb.
if [ -n "${STARTUP_BENCH_USE_DISPLAY:-}" ]; then
    display=$STARTUP_BENCH_USE_DISPLAY
    trap 'rm -rf "$work"' EXIT
else
    display=${STARTUP_BENCH_DISPLAY:-:58}
    Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb=$!
    trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
    for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
fi
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
"$bin" generate "$work/plain.db" --scale 1 --board 2000 >/dev/null
"$bin" generate "$work/10x.db" --scale 10 >/dev/null
"$bin" generate "$work/big.db" --scale 10 --board 50000 >/dev/null
cases=("floor" "plain board 2000" "10x home" "10x board" "10x board 50000")
[ -z "$before" ] || cases=("floor" "plain board 2000" "10x home" "10x board" "before: 10x board 50000" "10x board 50000")
declare -A times
run() { # case → first swap from launch, in ms (RUN_BIN: another binary)
    local db=$1; shift
    cp "$work/$db.db" "$work/run.db"; rm -f "$work/run.db-wal" "$work/run.db-shm"
    ATELIER_STARTUP_TIMELINE=1 ATELIER_LAUNCHED_AT_NS=$(date +%s%N) "${RUN_BIN:-$bin}" "$work/run.db" --quit-after-first-frame "$@" 2>"$work/timeline.log" >/dev/null
    awk '/process launched/ { l = $2 } /first frame swapped/ { f = $2 } END { printf "%.1f", f - l }' "$work/timeline.log"
}
for r in $(seq 1 "$rounds"); do
    line="round $r (load $(cut -d' ' -f1 /proc/loadavg)):"
    for c in "${cases[@]}"; do
        case $c in
            "floor") t=$(ATELIER_LAUNCHED_AT_NS=$(date +%s%N) "$floor" | sed 's/.*"first_swap_from_launch_ms": \([0-9.]*\).*/\1/') ;;
            "plain board 2000") t=$(run plain --view board --team 1) ;;
            "10x home") t=$(run 10x) ;;
            "10x board") t=$(run 10x --view board --team 1) ;;
            "before: 10x board 50000") t=$(RUN_BIN=$before run big --view board --team 1) ;;
            "10x board 50000") t=$(run big --view board --team 1) ;;
        esac
        times[$c]+="$t "
        line+="  $c $t ms"
    done
    echo "$line"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for c in "${cases[@]}"; do printf 'median %-18s %8s ms\n' "$c" "$(echo "${times[$c]}" | median)"; done
echo "timeline of the last 50,000-note start (ms from the GUI's entry):"
grep '^startup' "$work/timeline.log"
