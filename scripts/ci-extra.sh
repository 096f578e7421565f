#!/usr/bin/env bash
# CI's second half, after scripts/test.sh: the core, I/O, CLI and reliability test suites built
# with AddressSanitizer and UndefinedBehaviorSanitizer (no GUI), and each fuzzer for a bounded
# time. One clang tree serves both (scripts/fuzz.sh installs clang and configures it: the core is
# compiled once, for the suites and the fuzzers). The suites and the fuzzers then run two at a
# time, longest first, one per core; each one's output is printed whole once it is done.
# Any sanitizer report, failed test or fuzzer finding fails the run.
#   bash scripts/ci-extra.sh          build the tree (if .ci/run has not already), run everything
#   bash scripts/ci-extra.sh build    only build the tree (.ci/run does it beside the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
export SAN_BUILD_DIR=${SAN_BUILD_DIR:-build-san}
BUILD=$SAN_BUILD_DIR

# Longest first (measured under ASan on 2 cores), so that the two lanes end close together.
SUITES="core_tests reliability_cli_tests cli_tests io_tests cli_io_tests reliability_core_tests"

if [ "${1:-}" = job ]; then # one lane's job: a suite, or the fuzzers (one after the other)
  job=$2
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  # A shorter crash trial count than the Release run's 120: under ASan each run of the binary is
  # slower (40 trials take about 10 s here).
  export ATELIER_CRASH_TRIALS=${ATELIER_CRASH_TRIALS:-40}
  job_start=$SECONDS
  status=0
  if [ "$job" = fuzzers ]; then
    bash scripts/fuzz.sh run >"$BUILD/job-$job.out" 2>&1 || status=$?
  else
    (cd "$BUILD/tests" && "./$job" --order rand) >"$BUILD/job-$job.out" 2>&1 || status=$?
  fi
  { # one whole block at a time, whichever lane ends first
    flock 9
    echo "== $job (ASan + UBSan): $([ $status -eq 0 ] && echo passed || echo FAILED) in $((SECONDS - job_start)) s"
    cat "$BUILD/job-$job.out"
  } 9>"$BUILD/print.lock"
  [ $status -eq 0 ] || touch "$BUILD/job-$job.failed"
  exit 0
fi

# shellcheck disable=SC2086 # the suites are separate targets
bash scripts/fuzz.sh build $SUITES
echo "sanitizer build: $((SECONDS - start)) s"
[ "${1:-}" = build ] && exit 0

rm -f "$BUILD"/job-*.failed
# The fuzzers take FUZZ_SECONDS each (3 × 20 s): after the first suite, before the short ones.
# shellcheck disable=SC2086
printf '%s\n' ${SUITES%% *} fuzzers ${SUITES#* } | xargs -P 2 -I{} bash scripts/ci-extra.sh job {}
echo "ci-extra: $((SECONDS - start)) s"

failed=()
for f in "$BUILD"/job-*.failed; do
  [ -e "$f" ] || continue
  name=${f##*/job-}
  failed+=("${name%.failed}")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "ci-extra: FAILED under the sanitizers or the fuzzers: ${failed[*]}"
  exit 1
fi
