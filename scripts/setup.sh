#!/usr/bin/env bash
# Installs the Debian 12 packages one command needs, and nothing more. Idempotent: does nothing
# when they are all present.
#   bash scripts/setup.sh demo    build and open the app (scripts/run-demo.sh)
#   bash scripts/setup.sh test    also the tests: Catch2, a virtual display (scripts/test.sh)
#   bash scripts/setup.sh clang   also clang and its sanitizer and libFuzzer runtimes
#                                 (scripts/ci-extra.sh, scripts/fuzz.sh)
# With no argument: test.
set -euo pipefail

# What building and running the app needs.
DEMO=(
  build-essential cmake ninja-build pkg-config
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri
  libsqlite3-dev libsqlitecpp-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev
  libfontconfig-dev fonts-dejavu-core fonts-noto-core
  libopenal-dev libopenal1
  libcpp-httplib-dev libqrencode-dev
  tzdata
)
# The tests add Catch2, a virtual display with a window manager for the screenshot and keyboard
# tests (as a user has one: with none, letters xdotool types through a spare keycode never reach
# the window), sqlite3 (the typing test reads the saved event with it), a browser and poppler's
# pdftotext to print the report to PDF, the desktop entry's validator, and `file`, which CPack's
# Debian generator needs to find the shared libraries' packages (scripts/ci-package.sh; a fresh
# Debian 12 minbase has no `file`).
TEST=(catch2 xvfb xauth x11-xkb-utils xdotool openbox sqlite3 chromium chromium-driver python3-selenium poppler-utils desktop-file-utils file nodejs)
# npm installs axe-core (pinned, tests/participation/axe) for the participant page's accessibility
# test. Debian's own package, unless a nodejs that ships npm (NodeSource's) is there already.
command -v npm >/dev/null 2>&1 || TEST+=(npm)
# The sanitizer suites and the fuzzers are built with clang (about 300 MB with LLVM).
CLANG=(clang libclang-rt-14-dev)

case "${1:-test}" in
  demo) PACKAGES=("${DEMO[@]}") ;;
  test) PACKAGES=("${DEMO[@]}" "${TEST[@]}") ;;
  clang) PACKAGES=("${DEMO[@]}" "${TEST[@]}" "${CLANG[@]}") ;;
  *)
    echo "usage: bash scripts/setup.sh [demo|test|clang]" >&2
    exit 2
    ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present."
  exit 0
fi

echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "setup: these Debian packages are missing: ${missing[*]}" >&2
  echo "setup: run this script as root, or install sudo, or install them yourself with apt-get." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done."
