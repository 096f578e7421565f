#!/usr/bin/env bash
# The main window and the projection window ("Écran de projection") open together, each with
# its own ImGui context on shared GL objects and font atlas, and both render.
# usage: two_windows.sh ATELIER PNG_CHECK
set -euo pipefail
atelier=$1 check=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
"$atelier" demo "$work/demo.db" >/dev/null
"$atelier" "$work/demo.db" --screenshot "$work/main.png" --view timer --size 1280x720 \
  --projection-window --projection-screenshot "$work/projection.png"
"$check" "$work/main.png" 1280 720
"$check" "$work/projection.png" 960 540
