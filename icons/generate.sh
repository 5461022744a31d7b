#!/usr/bin/env bash
# Regenerates every icon file from the two master SVGs. Run after editing redpair.svg or redpair-square.svg:
#   icons/generate.sh
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert, for .ico), icnsutils (png2icns).
# Outputs (all committed, so a build never needs these tools):
#   icons/png/redpair-<N>.png                 rounded tile, N = 16..512 (Linux launcher, .deb, docs)
#   icons/redpair.ico                         square tile, 16..256 (Windows installer and .exe)
#   icons/redpair.icns                        rounded tile, 16..512 (macOS .app and .dmg)
#   src/main/resources/io/redpair/ui/icons/   32, 64, 256 for the JavaFX window icon
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert png2icns; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool missing (apt-get install librsvg2-bin icnsutils)" >&2; exit 1; }
done
# /usr/bin/convert explicitly: some machines put a stand-in `convert` earlier on PATH.
magick=/usr/bin/convert
[ -x "$magick" ] || magick=$(command -v convert) || { echo "generate.sh: ImageMagick missing" >&2; exit 1; }

render() { # svg size out
  rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio "$1" --output "$3"
}

mkdir -p png
for n in 16 24 32 48 64 128 256 512; do
  render redpair.svg "$n" "png/redpair-$n.png"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ico_parts=()
for n in 16 24 32 48 64 256; do
  render redpair-square.svg "$n" "$work/square-$n.png"
  ico_parts+=("$work/square-$n.png")
done
"$magick" "${ico_parts[@]}" redpair.ico

png2icns redpair.icns png/redpair-16.png png/redpair-32.png png/redpair-48.png \
  png/redpair-128.png png/redpair-256.png png/redpair-512.png >/dev/null

classpath=../src/main/resources/io/redpair/ui/icons
mkdir -p "$classpath"
for n in 32 64 256; do
  cp "png/redpair-$n.png" "$classpath/redpair-$n.png"
done
echo "generate.sh: icons written"
