#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them all against the targets of issue 7, then
# measures the idle app (a running timer, under Xvfb). Prints PASS/MISS per target with the
# figure. Not a test: nothing here fails on a MISS. See docs/PERFORMANCE.md.
#   bash scripts/bench.sh            # BUILD_DIR defaults to build-bench
#   bash scripts/bench.sh --phones [N] [SECONDS]
#       only the participation load: N simulated phones (200) for SECONDS (300) against
#       `atelier serve` on loopback (bench/phones_bench.py; see docs/PERFORMANCE.md)
#   bash scripts/bench.sh --phones --gui [N] [PAN_SECONDS] [ROUNDS]
#       the GUI's p95 frame time on a board of 2,000 notes without phones, then with N (200)
#       joined and writing to the app's own participation, in ROUNDS (3) interleaved rounds
#       (needs a display)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BUILD_DIR:-build-bench}
jobs=${JOBS:-$(nproc)}
if [ "${1:-}" = "--phones" ] && [ "${2:-}" = "--gui" ]; then
    # The GUI's frame time with and without N phones (needs a display: DISPLAY, else xvfb-run).
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DATELIER_BUILD_GUI=ON >/dev/null
    cmake --build "$build" -j"$jobs" --target atelier
    TMPDIR=${TMPDIR:-/dev/shm} exec python3 bench/phones_bench.py "$build/app/atelier" --gui --phones "${3:-200}" --pan "${4:-10}" --rounds "${5:-3}"
fi
if [ "${1:-}" = "--phones" ]; then
    cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" -j"$jobs" --target atelier
    TMPDIR=${TMPDIR:-/dev/shm} exec python3 bench/phones_bench.py "$build/app/atelier" --phones "${2:-200}" --seconds "${3:-300}"
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DATELIER_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j"$jobs" --target atelier bench_board bench_actions bench_open bench_export bench_bundle_import

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/app/atelier" generate "$work/big.db" --scale 10
echo

"$build/bench/bench_board"
echo
"$build/bench/bench_actions"
echo
"$build/bench/bench_open" 5 "$work/big.db"
echo
"$build/bench/bench_export" 5 "$work/big.db"
echo
"$build/bench/bench_bundle_import" "$build/app/atelier" 3
echo

# The whole frame through OpenGL (software, Xvfb): the real app panning boards of 200, 2,000 and
# 10,000 notes; then the 10x event with a 50,000-note board (memory, time to the first frame).
echo "== Whole frame: the app panning a board under Xvfb with llvmpipe (1920x1080) =="
if command -v Xvfb >/dev/null; then
    bash bench/frame_bench.sh "$build" 200 2000 10000 | python3 scripts/frame_bench_table.py
    "$build/app/atelier" generate "$work/board50k.db" --scale 10 --board 50000 >/dev/null
    FRAME_BENCH_DB="$work/board50k.db" bash bench/frame_bench.sh "$build" 50000 | python3 scripts/frame_bench_table.py
else
    echo "SKIP  whole frame (Xvfb not installed)"
fi
echo

# Idle: the app on the big event, a timer running for all teams, at rest for 10 s.
echo "== Idle: the app at rest with a running timer (Xvfb) =="
if ! command -v xvfb-run >/dev/null; then
    echo "SKIP  idle (xvfb-run not installed)"
    exit 0
fi
cp "$work/big.db" "$work/idle.db"
echo '{"action":"start_timer","label":"Diverger","seconds":3600}' | "$build/app/atelier" apply "$work/idle.db" >/dev/null
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
    xvfb-run -a -s "-screen 0 1920x1080x24" "$build/app/atelier" "$work/idle.db" >"$work/idle.log" 2>&1 &
runner=$!
pid=""
for _ in $(seq 1 100); do
    pid=$(pgrep -P "$(pgrep -P $runner -n || echo 0)" -x atelier || true)
    [ -z "$pid" ] && pid=$(pgrep -f "^$build/app/atelier $work/idle.db" -n || true)
    [ -n "$pid" ] && break
    sleep 0.1
done
if [ -z "$pid" ]; then
    echo "MISS  idle: the app did not start"; cat "$work/idle.log"; kill "$runner" 2>/dev/null || true; exit 0
fi
sleep 5 # startup: open, first frames, font atlas
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
t0=$(ticks "$pid"); s0=$(date +%s.%N)
sleep 10
t1=$(ticks "$pid"); s1=$(date +%s.%N)
kill "$pid" 2>/dev/null || true
wait "$runner" 2>/dev/null || true
hz=$(getconf CLK_TCK)
awk -v a="$t0" -v b="$t1" -v s="$s0" -v e="$s1" -v hz="$hz" 'BEGIN {
    pct = (b - a) / hz / (e - s) * 100;
    printf "%s  %-46s %.2f%% of one core over %.1f s (target < 5%%)\n", (pct < 5 ? "PASS" : "MISS"), "idle app, running timer, CPU", pct, e - s }'
