#!/usr/bin/env bash
# Renders the application icon from recausal.svg into the files jpackage takes on each system:
#   recausal.png  (Linux, 256 px)   recausal.ico  (Windows, 16-256 px)   recausal.icns  (macOS, 16-512 px)
# The output is byte-for-byte reproducible (no timestamps), so the committed renditions can be checked
# with `render.sh && git diff --exit-code`. Tools (Debian): apt-get install librsvg2-bin icoutils icnsutils
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert icotool png2icns; do
    command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" recausal.svg --output "$work/$size.png"
done
cp "$work/256.png" recausal.png
icotool --create --output recausal.ico "$work"/{16,24,32,48,64,128}.png --raw "$work/256.png"
png2icns recausal.icns "$work"/{16,32,128,256,512}.png >/dev/null
