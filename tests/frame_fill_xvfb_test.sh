#!/bin/bash
# The whole frame's fill (issue 17): the real app panning a board of 200 and 2,000 notes in a
# 1920x1080 window under Xvfb with Mesa's llvmpipe, zoomed to fit and at 1:1. Mesa's pipeline
# statistics count the fragments shaded per frame: at most 1.3 screens (before the fix, 3.4:
# the window's background, the board's, then a shadow and a card per note). Counts, not times,
# so the test holds on a loaded machine.
# Usage: frame_fill_xvfb_test.sh ATELIER_BINARY
set -u
app=$1
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
export DISPLAY=":$(head -1 "$work/display")" LIBGL_ALWAYS_SOFTWARE=1 GALLIUM_DRIVER=llvmpipe
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
status=0
for n in 200 2000; do
    "$app" generate "$work/b$n.db" --scale 1 --board "$n" >/dev/null || { echo "FAIL: generate --board $n"; exit 1; }
    for zoom in fit 1to1; do
        record=$("$app" "$work/b$n.db" --team 1 --size 1920x1080 --bench-pan 0.3 --bench-zoom "$zoom" 2>"$work/err") \
            || { echo "FAIL: --bench-pan (N=$n, $zoom)"; cat "$work/err"; exit 1; }
        fill=$(printf '%s' "$record" | sed -n 's/.*"screens_of_fill":\([0-9.]*\).*/\1/p')
        [ -n "$fill" ] || { echo "FAIL: no fragment count (GL_ARB_pipeline_statistics_query missing?): $record"; exit 1; }
        if awk -v f="$fill" 'BEGIN { exit !(f <= 1.3) }'; then
            echo "ok   N=$n $zoom: $fill screens of fill"
        else
            echo "FAIL N=$n $zoom: $fill screens of fill, over 1.3"; status=1
        fi
    done
done
exit $status
