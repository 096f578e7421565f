#!/usr/bin/env bash
# Smoke test: the real binary renders every view of the demo event to a PNG of the requested
# size that is not a single colour. Run under `xvfb-run -a` (CTest does it).
# usage: screenshots.sh ATELIER PNG_CHECK
set -euo pipefail
atelier=$1 check=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
"$atelier" demo "$work/demo.db" >/dev/null
for view in home defi teams programme phases timer projector; do
  "$atelier" "$work/demo.db" --screenshot "$work/$view.png" --view "$view" --team 3 --size 800x500
  "$check" "$work/$view.png" 800 500
done
"$atelier" "$work/demo.db" --screenshot "$work/home-en.png" --view home --size 1024x640 --lang en
"$check" "$work/home-en.png" 1024 640
# A file that is not an event: a message and a non-zero exit, no crash.
echo "not a database" > "$work/bad.db"
if "$atelier" "$work/bad.db" --screenshot "$work/bad.png" --view home 2>"$work/err.txt"; then
  echo "a bad file should not render" >&2; exit 1
fi
grep -q . "$work/err.txt"
