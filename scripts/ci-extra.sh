#!/usr/bin/env bash
# CI's second half, after scripts/test.sh: the core, I/O, CLI and reliability test suites built
# with AddressSanitizer and UndefinedBehaviorSanitizer (no GUI), and each fuzzer for a bounded
# time. One clang tree serves both (scripts/fuzz.sh installs clang and configures it: the core is compiled once,
# for the suites and the fuzzers); the fuzzers run on the second core while the suites run.
# Any sanitizer report, failed test or fuzzer finding fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
export SAN_BUILD_DIR=${SAN_BUILD_DIR:-build-san}
BUILD=$SAN_BUILD_DIR

SUITES="core_tests io_tests cli_tests cli_io_tests reliability_core_tests reliability_cli_tests"
# shellcheck disable=SC2086 # the suites are separate targets
bash scripts/fuzz.sh build $SUITES
echo "sanitizer build: $((SECONDS - start)) s"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# A shorter crash trial count than the Release run's 120: under ASan each run of the binary is
# slower (40 trials take about 10 s here).
export ATELIER_CRASH_TRIALS=${ATELIER_CRASH_TRIALS:-40}

# The fuzzers (one at a time, FUZZ_SECONDS each) beside the suites (one at a time); their report
# is printed once both are done.
bash scripts/fuzz.sh run >"$BUILD/fuzz.out" 2>&1 &
fuzz_pid=$!
failed=()
for suite in $SUITES; do
  echo "== $suite (ASan + UBSan)"
  (cd "$BUILD/tests" && "./$suite" --order rand) || failed+=("$suite")
done
echo "sanitizer suites: $((SECONDS - start)) s"
fuzz_status=0
wait "$fuzz_pid" || fuzz_status=$?
cat "$BUILD/fuzz.out"
echo "ci-extra: $((SECONDS - start)) s"

if [ ${#failed[@]} -gt 0 ]; then
  echo "ci-extra: FAILED under the sanitizers: ${failed[*]}"
fi
if [ "$fuzz_status" -ne 0 ]; then
  echo "ci-extra: a fuzzer FAILED (above)"
fi
[ ${#failed[@]} -eq 0 ] && [ "$fuzz_status" -eq 0 ]
