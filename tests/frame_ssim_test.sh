#!/bin/bash
# Text minified without aliasing (issue 17): the same 40-note board rendered at 1:1 and at 43 %
# with the same world point at the top-left corner; each note of the 1:1 render scaled down is
# compared with the 43 % one (frame_ssim_check). Without the mipmapped font atlas, « Idée »
# read « cée » at 43 % and the mean SSIM was 0.75.
# Usage: frame_ssim_test.sh ATELIER_BINARY SSIM_CHECK
set -u
app=$1
check=$2
command -v Xvfb >/dev/null || {
    [ -n "${CI:-}" ] && { echo "FAIL: Xvfb is not installed"; exit 1; }
    echo "SKIP: Xvfb is not installed"; exit 77
}
work=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "FAIL: Xvfb did not start"; exit 1; }
export DISPLAY=":$(head -1 "$work/display")" LIBGL_ALWAYS_SOFTWARE=1
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
"$app" generate "$work/b.db" --scale 1 --board 40 >/dev/null || { echo "FAIL: generate"; exit 1; }
for zoom in 1.0 0.43; do
    "$app" "$work/b.db" --screenshot "$work/z$zoom.png" --view board --team 1 --size 1920x1080 --board-view -20 -20 "$zoom" \
        || { echo "FAIL: screenshot at $zoom"; exit 1; }
done
# 40 notes on the generator's grid: 8 a row (ceil(sqrt(40 x 16/9 x 160/220))).
"$check" "$work/z1.0.png" "$work/z0.43.png" 0.43 8 40 0.8
