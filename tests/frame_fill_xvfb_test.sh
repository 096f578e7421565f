#!/bin/bash
# The whole frame's fill (issue 17): the real app panning a board of 200 and 2,000 notes in a
# 1920x1080 window under Xvfb with Mesa's llvmpipe, zoomed to fit and at 1:1. Mesa's pipeline
# statistics count the fragments shaded per frame: at most 1.3 screens in every frame of the pan
# (before the fix, 3.4 in the median:
# the window's background, the board's, then a shadow and a card per note). Counts, not times,
# so the test holds on a loaded machine. A frame that reuses the last one around the board
# (app/frame_surround_gl.hpp) must show what the full frame showed.
# Usage: frame_fill_xvfb_test.sh ATELIER_BINARY
set -u
app=$1
# shellcheck source=frame_xvfb.sh
source "$(dirname "$0")/frame_xvfb.sh"
status=0
for n in 200 2000; do
    "$app" generate "$work/b$n.db" --scale 1 --board "$n" >/dev/null || { echo "FAIL: generate --board $n"; exit 1; }
    for zoom in fit 1to1; do
        record=$("$app" "$work/b$n.db" --team 1 --size 1920x1080 --bench-pan 0.3 --bench-zoom "$zoom" 2>"$work/err") \
            || { echo "FAIL: --bench-pan (N=$n, $zoom)"; cat "$work/err"; exit 1; }
        # The worst frame of the pan, not the median: most frames reuse the last one around the board.
        fill=$(printf '%s' "$record" | sed -n 's/.*"screens_of_fill_max":\([0-9.]*\).*/\1/p')
        [ -n "$fill" ] || { echo "FAIL: no fragment count (GL_ARB_pipeline_statistics_query missing?): $record"; exit 1; }
        # Panning within the layer's margin never draws the board again (frame_layer.hpp).
        redraws=$(printf '%s' "$record" | sed -n 's/.*"layer_redraws":\([0-9]*\).*/\1/p')
        if [ "$redraws" != 0 ]; then echo "FAIL N=$n $zoom: the board's layer was drawn ${redraws:-?} times while panning"; status=1; fi
        # A frame restored around the board from the last full one is that full frame, pixel for pixel.
        differs=$(printf '%s' "$record" | sed -n 's/.*"surround_differs_px":\([0-9a-z]*\).*/\1/p')
        if [ "$differs" != 0 ]; then echo "FAIL N=$n $zoom: a frame reused around the board differs from the full frame in ${differs:-?} pixels"; status=1; fi
        if awk -v f="$fill" 'BEGIN { exit !(f <= 1.3) }'; then
            echo "ok   N=$n $zoom: at most $fill screens of fill in a frame"
        else
            echo "FAIL N=$n $zoom: $fill screens of fill, over 1.3"; status=1
        fi
    done
done
exit $status
