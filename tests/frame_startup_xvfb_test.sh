#!/bin/bash
# Start-up does its work once, and only for what the first frame shows (issue 17): the real app
# started on a board, quitting after its first frame, says where its time went
# (ATELIER_STARTUP_TIMELINE=1). The font atlas is baked once (the generated event's characters
# are all in it), the shown board is laid out once, on the opening thread before the join, and
# on the home screen no board is laid out at all.
# Usage: frame_startup_xvfb_test.sh ATELIER_BINARY
set -u
app=$1
# shellcheck source=frame_xvfb.sh
source "$(dirname "$0")/frame_xvfb.sh"
"$app" generate "$work/e.db" --scale 1 --board 300 >/dev/null || { echo "FAIL: generate"; exit 1; }
status=0
fail() { echo "FAIL: $*"; status=1; }
count() { grep -c -- "$1" "$2"; }
line() { grep -n -- "$1" "$2" | head -1 | cut -d: -f1; }

ATELIER_STARTUP_TIMELINE=1 "$app" "$work/e.db" --view board --team 1 --quit-after-first-frame 2>"$work/board.log" ||
    { cat "$work/board.log"; echo "FAIL: the app did not start on the board"; exit 1; }
t="$work/board.log"
[ "$(count 'first frame swapped' "$t")" = 1 ] || fail "no first frame in the timeline"
[ "$(count 'fonts: atlas baked$' "$t")" = 1 ] || fail "the atlas was not baked exactly once"
[ "$(count 'baked again' "$t")" = 0 ] || fail "the atlas was baked again for characters it had"
[ "$(count 'fonts: atlas uploaded' "$t")" = 1 ] || fail "the atlas was not uploaded exactly once"
[ "$(count 'layout: note items' "$t")" = 1 ] || fail "the board was not laid out exactly once"
laid=$(line 'open: the shown board laid out' "$t")
joined=$(line 'open and atlas joined' "$t")
[ -n "$laid" ] && [ -n "$joined" ] && [ "$laid" -lt "$joined" ] || fail "the board was not laid out before the join"
# The atlas goes up and the shaders are compiled while the file is read, not in the first frame.
warmed=$(line 'window: warmed up' "$t")
uploaded=$(line 'fonts: atlas uploaded' "$t")
first=$(line 'frame: begins' "$t")
[ -n "$warmed" ] && [ -n "$uploaded" ] && [ -n "$first" ] && [ "$uploaded" -lt "$warmed" ] && [ "$warmed" -lt "$first" ] ||
    fail "the window was not warmed up (atlas uploaded, shaders compiled) before the first frame"

ATELIER_STARTUP_TIMELINE=1 "$app" "$work/e.db" --quit-after-first-frame 2>"$work/home.log" ||
    { cat "$work/home.log"; echo "FAIL: the app did not start on the home screen"; exit 1; }
[ "$(count 'first frame swapped' "$work/home.log")" = 1 ] || fail "no first frame on the home screen"
[ "$(count 'layout:' "$work/home.log")" = 0 ] || fail "a board was laid out for the home screen"
[ "$(count 'fonts: atlas baked$' "$work/home.log")" = 1 ] || fail "the atlas was not baked exactly once (home)"
[ $status = 0 ] && echo "ok: $(grep 'first frame swapped' "$t" | sed 's/^startup *//') on a 300-note board"
[ $status = 0 ] || { echo "--- board:"; cat "$t"; echo "--- home:"; cat "$work/home.log"; }
exit $status
