#!/usr/bin/env bash
# `atelier export --format png --team N` writes the team's board as a 1920x1080 picture.
# usage: png_export.sh ATELIER PNG_CHECK   (under xvfb-run)
set -euo pipefail
atelier=$1 check=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
"$atelier" demo "$work/demo.db" >/dev/null
"$atelier" export "$work/demo.db" --format png --team 3 --out "$work/board.png"
"$check" "$work/board.png" 1920 1080
if "$atelier" export "$work/demo.db" --format png --team 99 --out "$work/none.png" 2>"$work/err.txt"; then
  echo "a board of an unknown team was exported" >&2; exit 1
fi
grep -q "Aucune équipe « 99 »" "$work/err.txt"
[ ! -e "$work/none.png" ]
echo "PNG export OK"
