#!/usr/bin/env bash
# Smoke test of the outcome screens: the real binary renders prototypes, stand, dashboard,
# search and files of the demo event (team 3 has prototypes and feedback) in both languages.
# Run under `xvfb-run -a` (CTest does it).
# usage: outcomes_screenshots.sh ATELIER PNG_CHECK
set -euo pipefail
atelier=$1 check=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
"$atelier" demo "$work/demo.db" >/dev/null
for view in prototypes stand dashboard search files; do
  for lang in fr en; do
    "$atelier" "$work/demo.db" --screenshot "$work/$view-$lang.png" --view "$view" --team 3 --size 1024x640 --lang "$lang"
    "$check" "$work/$view-$lang.png" 1024 640
  done
done
