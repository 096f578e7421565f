#!/usr/bin/env bash
# Shortcuts follow the keys printed on a French AZERTY keyboard, with real X key events:
# setxkbmap fr, then xdotool types Ctrl+W (must NOT undo: on AZERTY, W sits where QWERTY has Z),
# Ctrl+Z (undo), Ctrl+Y (redo), Ctrl++ (zoom in) and Ctrl+Q (quit, on the QWERTY A key);
# Space starts the timer first, which also tells the app is ready.
# usage: azerty.sh ATELIER   (under xvfb-run)
set -euo pipefail
atelier=$1
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
"$atelier" demo "$work/demo.db" >/dev/null
"$atelier" "$work/demo.db" --view projector --shortcut-log "$work/log.txt" &
pid=$!
win=""
for _ in $(seq 1 100); do
  win=$(xdotool search --onlyvisible --name "Atelier" 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || { echo "no window" >&2; exit 1; }
# Focusing fails (BadMatch) until the window is mapped: retry rather than give up.
for _ in $(seq 1 25); do
  xdotool windowfocus --sync "$win" 2>/dev/null && break
  sleep 0.2
done
# Xvfb applies a new layout only once a client is up; GLFW reads key names at each call.
setxkbmap fr
sleep 0.5
# Space until the app answers: then it is drawing frames and has the keyboard.
for _ in $(seq 1 50); do
  xdotool key --window "$win" space 2>/dev/null || xdotool key space
  sleep 0.2
  grep -q toggle-timer "$work/log.txt" 2>/dev/null && break
done
: > "$work/log.txt"
for keys in ctrl+w ctrl+z ctrl+y ctrl+plus ctrl+q; do
  xdotool key --clearmodifiers "$keys"
  sleep 0.3
done
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then echo "Ctrl+Q (AZERTY A key) did not quit" >&2; exit 1; fi
wait "$pid"
pid=""
got=$(tr '\n' ' ' < "$work/log.txt")
expected="undo redo zoom-in quit "
if [ "$got" != "$expected" ]; then
  echo "shortcuts seen: '$got', expected '$expected'" >&2
  exit 1
fi
grep -q '^ui_scale=1.1' "$work/config/atelier/settings.ini"
echo "AZERTY shortcuts OK: $got"
