#!/bin/bash
# The board's layer (issue 17, app/frame_layer.hpp) shows what drawing every note every frame
# showed: the same 40-note board rendered by the real app with the layer and without it
# (ATELIER_NO_FRAME_LAYER=1), at 43 % (text minified from the atlas's mipmaps),
# must be the same picture on the board's part of the window (frame_same_check; the rest of
# the window's text is drawn without mipmaps beside a layer, as it is drawn at its baked size).
# An image drawn upside down, shifted by its margin or sampled without mipmaps differs in
# thousands of pixels.
# Usage: frame_layer_xvfb_test.sh ATELIER_BINARY SAME_CHECK
set -u
app=$1
check=$2
# shellcheck source=frame_xvfb.sh
source "$(dirname "$0")/frame_xvfb.sh"
"$app" generate "$work/b.db" --scale 1 --board 40 >/dev/null || { echo "FAIL: generate"; exit 1; }
status=0
for zoom in 0.43; do
    for layer in 0 1; do
        ATELIER_NO_FRAME_LAYER=$((1 - layer)) "$app" "$work/b.db" --screenshot "$work/z$zoom-$layer.png" --view board --team 1 \
            --size 1920x1080 --board-view -20 -20 "$zoom" || { echo "FAIL: screenshot at $zoom (layer $layer)"; exit 1; }
    done
    printf 'zoom %s: ' "$zoom"
    "$check" "$work/z$zoom-0.png" "$work/z$zoom-1.png" 0.0005 220 120 1920 1080 || status=1
done
exit $status
