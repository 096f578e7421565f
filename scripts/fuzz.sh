#!/usr/bin/env bash
# The libFuzzer targets of fuzz/, in the sanitizer tree that scripts/ci-extra.sh also uses for
# its test suites: one clang build (build-san) where every object has -fsanitize=address,undefined
# and the core also libFuzzer's coverage (fuzzer-no-link); only the fuzz targets link libFuzzer.
#
#   bash scripts/fuzz.sh                 configure and build the tree's fuzz targets, then run them
#   bash scripts/fuzz.sh build [TARGET…] configure, build the fuzz targets and these other targets
#   bash scripts/fuzz.sh run             run the fuzz targets already built
#
# Each target runs from its seed corpus for FUZZ_SECONDS (20 by default; longer by hand:
# FUZZ_SECONDS=600 bash scripts/fuzz.sh). Fails on any crash, hang (over 10 s for one input),
# out-of-memory, leak or sanitizer report; the input that did it is kept as
# $SAN_BUILD_DIR/crash-<target>-*. New inputs go to a scratch folder, not to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${SAN_BUILD_DIR:-build-san}
RUN_SECONDS=${FUZZ_SECONDS:-20}
TARGETS=${FUZZ_TARGETS:-"csv_import bundle_import apply_action"}
mode=${1:-all}
[ $# -gt 0 ] && shift

if [ "$mode" = all ] || [ "$mode" = build ]; then
  # clang and its runtimes are installed here, not by the demo or the test command.
  bash scripts/setup.sh clang
  # -O1 without debug info but line tables (sanitizer reports keep file:line); no -DNDEBUG.
  # Warnings are enforced by the Release build (scripts/test.sh); the tests' own code is compiled
  # at -O0 (it is not what is under test, and it is half of the compile time at -O1).
  SAN_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
  cmake -S . -B "$BUILD" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DCMAKE_C_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DCMAKE_CXX_FLAGS="$SAN_FLAGS" -DCMAKE_C_FLAGS="$SAN_FLAGS" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DATELIER_BUILD_GUI=OFF -DATELIER_BUILD_BENCH=OFF -DATELIER_WERROR=OFF \
    -DATELIER_BUILD_FUZZ=ON -DATELIER_TEST_COMPILE_OPTIONS=-O0 >/dev/null
  fuzz_targets=()
  for target in $TARGETS; do fuzz_targets+=("fuzz_$target"); done
  cmake --build "$BUILD" -j"$(nproc)" --target "${fuzz_targets[@]}" "$@"
  [ "$mode" = build ] && exit 0
elif [ "$mode" != run ]; then
  echo "usage: bash scripts/fuzz.sh [build [TARGET…] | run]" >&2
  exit 2
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
for target in $TARGETS; do
  scratch=$(mktemp -d)
  cp fuzz/corpus/"$target"/* "$scratch"/
  log="$BUILD/$target.log"
  echo "== fuzz_$target for ${RUN_SECONDS}s"
  status=0
  "$BUILD/fuzz/fuzz_$target" -max_total_time="$RUN_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
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
