#!/usr/bin/env bash
# CI's second half, after scripts/test.sh: the core, I/O, CLI and reliability test suites built
# with AddressSanitizer and UndefinedBehaviorSanitizer (no GUI), then each fuzzer for a bounded
# time (scripts/fuzz.sh). Any sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
BUILD=${ASAN_BUILD_DIR:-build-asan}
SAN_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g -O1"
# Warnings are enforced by the Release build (scripts/test.sh); under the sanitizers gcc 12 adds
# false maybe-uninitialized reports inside libstdc++'s <regex>, so they are not errors here.

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DATELIER_BUILD_GUI=OFF -DATELIER_WERROR=OFF \
  -DCMAKE_CXX_FLAGS="$SAN_FLAGS" -DCMAKE_C_FLAGS="$SAN_FLAGS" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
SUITES="core_tests io_tests cli_tests cli_io_tests reliability_core_tests reliability_cli_tests"
cmake --build "$BUILD" -j"$(nproc)" --target atelier $SUITES
echo "sanitizer build: $((SECONDS - start)) s"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# A shorter crash trial count: under ASan each run of the binary is slower.
export ATELIER_CRASH_TRIALS=${ATELIER_CRASH_TRIALS:-40}
for suite in $SUITES; do
  echo "== $suite (ASan + UBSan)"
  (cd "$BUILD/tests" && "./$suite" --order rand)
done
echo "sanitizer suites: $((SECONDS - start)) s"

bash scripts/fuzz.sh
echo "ci-extra: $((SECONDS - start)) s"
