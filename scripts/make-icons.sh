#!/usr/bin/env bash
# Renders assets/icons/atelier.svg to the PNG sizes the desktop and the window use
# (assets/icons/atelier-N.png). The PNGs are committed; run this again after changing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin). Nothing is downloaded.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
command -v rsvg-convert >/dev/null || { echo "make-icons: install librsvg2-bin (rsvg-convert)" >&2; exit 1; }
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --output "atelier-$size.png" atelier.svg
done
echo "make-icons: $(ls atelier-*.png | wc -l) sizes written in assets/icons/"
