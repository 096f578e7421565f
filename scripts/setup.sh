#!/usr/bin/env bash
# Installs the Debian 12 packages Atelier needs. Idempotent: does nothing when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri
  libsqlite3-dev libsqlitecpp-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev
  libfontconfig-dev fonts-dejavu-core fonts-noto-core
  catch2
  tzdata xvfb xauth x11-xkb-utils xdotool
  clang libclang-rt-14-dev
)

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
