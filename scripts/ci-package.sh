#!/usr/bin/env bash
# CI: the Debian package. Builds atelier_<version>_<arch>.deb with CPack from the build tree of
# scripts/test.sh (Depends from dpkg-shlibdeps), validates the desktop entry, unpacks the package
# with dpkg-deb -x and runs the binary it holds: --version, demo, check. Called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
start=$SECONDS
bash scripts/setup.sh test >/dev/null # desktop-file-utils, dpkg-dev (dpkg-shlibdeps, with build-essential)
bash scripts/build.sh atelier >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cpack --config "$BUILD_DIR/CPackConfig.cmake" -G DEB -B "$work/deb" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/deb/atelier_*.deb)
echo "package: $(basename "$deb"), Depends: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -f "$deb" Depends | grep -q "libglfw3" || { echo "package: Depends lacks the shared libraries (dpkg-shlibdeps)"; exit 1; }
dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/atelier.desktop"
for size in 16 32 48 128 256; do test -s "$work/root/usr/share/icons/hicolor/${size}x${size}/apps/atelier.png"; done
test -s "$work/root/usr/share/mime/packages/atelier.xml"
atelier="$work/root/usr/bin/atelier"
"$atelier" --version
"$atelier" demo "$work/demo.db"
"$atelier" check "$work/demo.db" >/dev/null
echo "package: ok in $((SECONDS - start)) s"
