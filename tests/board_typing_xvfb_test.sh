#!/bin/bash
# Typing on the board of the real app, as a user would: its own Xvfb display with the French
# layout, xdotool pressing N then typing a sentence at full speed (every key at once, so one
# frame holds many), with accents, a dead-key ê (^ then e) and « », then Enter; the event
# file is then read with sqlite3. Then the same at human speed, ended with Escape (the text
# must stay), and Alt+6 / N / F / Suppr in the text must not have acted as shortcuts.
# Usage: board_typing_xvfb_test.sh ATELIER_BINARY
set -u
app=$1
for tool in Xvfb xdotool setxkbmap sqlite3; do
    if ! command -v "$tool" >/dev/null; then
        # In CI every tool is installed by scripts/setup.sh: a missing one is a failure, not a skip.
        [ -n "${CI:-}" ] && { echo "FAIL: $tool is not installed (scripts/setup.sh test installs it)"; exit 1; }
        echo "SKIP: $tool is not installed"; exit 77
    fi
done
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
# BOARD_TYPING_SHOTS=dir keeps a screenshot of each step there (to look at).
shot() { [ -n "${BOARD_TYPING_SHOTS:-}" ] && command -v import >/dev/null && import -window root "$BOARD_TYPING_SHOTS/$1.png"; }
fail() { echo "FAIL: $*"; shot failure; [ -f "$work/app.log" ] && sort "$work/app.log" | uniq -c; exit 1; }

# A display number nobody uses, chosen by Xvfb itself.
Xvfb -displayfd 3 -screen 0 1600x900x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -1 "$work/display")"
# A window manager, as every user has: without one, the letters xdotool types through a spare
# keycode (é, «, ’ on some maps) are lost on the way, whatever the app does.
[ -n "${CI:-}" ] && ! command -v openbox >/dev/null && fail "openbox is not installed (scripts/setup.sh test installs it)"
if command -v openbox >/dev/null; then openbox >/dev/null 2>&1 & pids+=($!); sleep 0.5; fi
setxkbmap fr || fail "setxkbmap fr" # after the window manager, which may load its own map

export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" LANG=C.UTF-8
unset LC_ALL
db="$work/event.db"
"$app" demo "$db" >/dev/null || fail "atelier demo"
"$app" "$db" >"$work/app.log" 2>&1 &
pids+=($!)
win=$(xdotool search --sync --onlyvisible --name "Atelier" | head -1)
[ -n "$win" ] || fail "no Atelier window"
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
sleep 1
eval "$(xdotool getwindowgeometry --shell "$win")" # X Y WIDTH HEIGHT

# The board is the sidebar's 6th screen: Alt+6 (the key printed « - » on AZERTY, 6 with Shift).
xdotool key alt+6
sleep 1
shot board
notes() { sqlite3 "$db" "SELECT count(*) FROM note"; }
before=$(notes)
# The pointer on an empty part of the board, where N puts the note.
xdotool mousemove $((X + WIDTH * 3 / 4)) $((Y + HEIGHT - 120))
sleep 0.5

sentence1="Créer un guichet unique : être « à l’écoute » dès l’accueil, fin"
# Full speed: N, then everything without delay; ê through the dead key ^ then e.
xdotool key --delay 0 n type --delay 0 "Créer un guichet unique : "
xdotool key --delay 0 dead_circumflex e
xdotool type --delay 0 "tre « à l’écoute » dès l’accueil, fin"
xdotool key --delay 0 Return
sleep 1.5
shot full-speed
got=$(sqlite3 "$db" "SELECT text FROM note WHERE text LIKE 'Créer un guichet%'")
[ "$got" = "$sentence1" ] || fail "full speed: saved « $got », typed « $sentence1 »"
[ "$(notes)" -eq $((before + 1)) ] || fail "full speed: $(( $(notes) - before )) notes created, not 1 (a letter acted as N?)"

# Human speed, with letters that are board shortcuts (n, f) and Escape at the end.
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 120))
sleep 0.3
sentence2="Une fenêtre unique, enfin"
xdotool key n
xdotool type --delay 120 "Une fen"
xdotool key --delay 120 dead_circumflex e
xdotool type --delay 120 "tre unique, enfin"
xdotool key Escape
sleep 1.5
shot human-speed
got=$(sqlite3 "$db" "SELECT text FROM note WHERE text LIKE 'Une fen%'")
[ "$got" = "$sentence2" ] || fail "human speed: saved « $got », typed « $sentence2 »"
[ "$(notes)" -eq $((before + 2)) ] || fail "human speed: $(( $(notes) - before - 1 )) notes created, not 1"
echo "OK: both sentences saved as typed"
