#!/usr/bin/env bash
# Crash soak, by hand (not in CI): the crash-safety test of tests/test_reliability_crash.cpp with
# many more SIGKILLs, round after round with fresh random seeds, for SOAK_MINUTES (default 10).
# Each round kills `atelier apply` SOAK_TRIALS times (default 1000) at random moments and checks
# after every kill that the file holds exactly a prefix of the stream (all acknowledged actions,
# at most one more) and passes PRAGMA integrity_check. A failure prints the seed to replay it:
#   ATELIER_CRASH_SEED=<seed> ATELIER_CRASH_TRIALS=<n> build/tests/reliability_cli_tests "apply killed*"
# Usage: bash scripts/soak.sh   (BUILD_DIR=build by default; builds what it needs first)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
MINUTES=${SOAK_MINUTES:-10}
TRIALS=${SOAK_TRIALS:-1000}
if [ ! -d "$BUILD_DIR" ]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DATELIER_BUILD_GUI=OFF >/dev/null
fi
cmake --build "$BUILD_DIR" -j"$(nproc)" --target atelier reliability_cli_tests
deadline=$((SECONDS + MINUTES * 60))
rounds=0
kills=0
while [ "$SECONDS" -lt "$deadline" ]; do
  seed=$((RANDOM * 32768 + RANDOM))
  out=$(ATELIER_CRASH_SEED=$seed ATELIER_CRASH_TRIALS=$TRIALS \
        "$BUILD_DIR/tests/reliability_cli_tests" "apply killed with SIGKILL*" 2>&1) || {
    echo "$out"
    echo "soak FAILED in round $((rounds + 1)), seed $seed"
    exit 1
  }
  rounds=$((rounds + 1))
  kills=$((kills + TRIALS))
  echo "round $rounds (seed $seed): $(echo "$out" | grep '^crash safety' || true)"
done
echo "soak: $rounds rounds, $kills kills mid-stream, every file a prefix of its stream, integrity ok"
