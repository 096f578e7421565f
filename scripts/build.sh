#!/usr/bin/env bash
# Configures and builds Atelier (Release, with the desktop app) into ./build (BUILD_DIR).
#   bash scripts/build.sh              everything the tests need (scripts/test.sh)
#   bash scripts/build.sh atelier      only these targets (scripts/run-demo.sh: the binary)
# Uses Ninja and ccache when they are installed; prints the build's progress ([12/97] …).
# The desktop app is switched on explicitly, so a tree once configured without it
# (-DATELIER_BUILD_GUI=OFF) never silently gives a binary without the window.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
args=(-DCMAKE_BUILD_TYPE=Release -DATELIER_WERROR=ON -DATELIER_BUILD_APP=ON -DATELIER_BUILD_GUI=ON)
# The tests' own code at -O1: the code under test keeps Release's -O3, and -O3 on Catch2's
# expanded test cases is a third of a build's time for nothing the tests measure.
args+=(-DATELIER_TEST_COMPILE_OPTIONS=-O1)
# A new tree takes Ninja when present; an existing one keeps the generator it was made with.
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then
  args+=(-G Ninja)
fi
if command -v ccache >/dev/null 2>&1; then
  args+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
echo "build: configuring $BUILD_DIR"
# shellcheck disable=SC2086 # ATELIER_CMAKE_ARGS holds several arguments
log=$(mktemp)
cmake -S . -B "$BUILD_DIR" "${args[@]}" ${ATELIER_CMAKE_ARGS:-} >"$log" 2>&1 || {
  cat "$log" >&2
  rm -f "$log"
  exit 1
}
rm -f "$log"
targets=()
for t in "$@"; do targets+=(--target "$t"); done
echo "build: compiling ${*:-every target} with $(nproc) jobs (the first build takes a few minutes)"
start=$SECONDS
cmake --build "$BUILD_DIR" -j"$(nproc)" "${targets[@]}"
echo "build: done in $((SECONDS - start)) s"
