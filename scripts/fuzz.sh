#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, -fsanitize=fuzzer,address,undefined) in their
# own build dir and runs each from its seed corpus for FUZZ_SECONDS (20 by default; longer by
# hand: FUZZ_SECONDS=600 bash scripts/fuzz.sh). Fails on any crash, hang (over 10 s for one
# input), out-of-memory, leak or sanitizer report; the input that did it is kept as
# $FUZZ_BUILD_DIR/crash-<target>-*. New inputs go to a scratch folder, not to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
RUN_SECONDS=${FUZZ_SECONDS:-20}
TARGETS=${FUZZ_TARGETS:-"csv_import bundle_import apply_action"}

cmake -S fuzz -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$BUILD" -j"$(nproc)"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
for target in $TARGETS; do
  scratch=$(mktemp -d)
  cp fuzz/corpus/"$target"/* "$scratch"/
  log="$BUILD/$target.log"
  echo "== fuzz_$target for ${RUN_SECONDS}s"
  status=0
  "$BUILD/fuzz_$target" -max_total_time="$RUN_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$BUILD/crash-$target-" "$scratch" >"$log" 2>&1 || status=$?
  rm -rf "$scratch"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  if [ "$status" -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$log"; then
    echo "fuzz_$target FAILED (exit $status); the end of $log:"
    tail -n 60 "$log"
    failed=1
  else
    echo "fuzz_$target: $runs inputs, no crash, hang or sanitizer report"
  fi
done
exit "$failed"
