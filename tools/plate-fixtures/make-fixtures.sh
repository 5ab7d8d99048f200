#!/usr/bin/env bash
# Renders a deterministic set of licence plate images with ImageMagick for the OCR tests and ./bench.sh plates.
#
#   tools/plate-fixtures/make-fixtures.sh OUTDIR [COUNT] [SCENES]
#
# COUNT plate crops (default 150) and SCENES 1024x600 camera frames with one plate among clutter (default 60),
# plus corrupt, empty and huge files. OUTDIR/manifest.tsv lists every file: file, expected plate (upper case, no
# separators; empty for the error files), variant, format. The same arguments and SEED (default 10) give the same
# images, so a cache folder keyed by them can be reused. Needs ImageMagick 6 (`convert`) and fonts-dejavu-core.
set -euo pipefail

out="${1:?usage: $0 OUTDIR [COUNT] [SCENES]}"
count="${2:-150}"
scenes="${3:-60}"
seed="${SEED:-10}"
command -v convert >/dev/null || { echo "ImageMagick's convert is missing: apt-get install imagemagick" >&2; exit 1; }

mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
RANDOM="$seed"

fonts=(DejaVu-Sans-Bold DejaVu-Sans-Condensed-Bold DejaVu-Sans-Mono-Bold DejaVu-Serif-Bold DejaVu-Sans DejaVu-Sans-Condensed)
letters=ABCDEFGHKLMNPRSTUVXYZ
digits=0123456789
pick() { local s="$1"; printf '%s' "${s:RANDOM % ${#s}:1}"; }
digits_n() { local i r=""; for ((i = 0; i < $1; i++)); do r+="$(pick "$digits")"; done; printf '%s' "$r"; }
letters_n() { local i r=""; for ((i = 0; i < $1; i++)); do r+="$(pick "$letters")"; done; printf '%s' "$r"; }
between() { printf '%s' $(($1 + RANDOM % ($2 - $1 + 1))); }
tenths() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 10 }'; }

# One plate: sets line1, line2 (empty for one-line plates), expected and format.
new_plate() {
  local kind=$((RANDOM % 8)) province
  province="$(between 11 99)"
  line2=""
  case "$kind" in
    0 | 1) local n; n="$(digits_n 5)"; line1="${province}$(pick "$letters")-${n:0:3}.${n:3:2}"; format=vietnamese ;;
    2) line1="${province}$(pick "$letters")-$(digits_n 4)"; format=vietnamese ;;
    3 | 4) local n; n="$(digits_n 5)"; line1="${province}-$(pick "$letters")$(between 1 9)"; line2="${n:0:3}.${n:3:2}"; format=vietnamese ;;
    5) line1="$(letters_n "$(between 1 3)")-$(letters_n "$(between 1 2)") $(between 1 9)$(digits_n "$(between 0 3)")"; format=eu ;;
    *) line1="$(letters_n 3)-$(digits_n 4)"; format=generic ;;
  esac
  expected="$(printf '%s%s' "$line1" "$line2" | tr -d ' .-')"
}

# Renders the current plate to $1 (white or yellow, one or two lines, a frame, a margin of car body around it).
render_plate() {
  local file="$1" font="${fonts[RANDOM % ${#fonts[@]}]}" bg=white body
  if [ $((RANDOM % 3)) -eq 0 ]; then bg='#f2c418'; fi
  body="$(printf '#%02x%02x%02x' "$(between 20 200)" "$(between 20 200)" "$(between 20 200)")"
  if [ -z "$line2" ]; then
    convert -background "$bg" -fill '#111111' -font "$font" -pointsize 64 label:"$line1" -trim +repage \
      -bordercolor "$bg" -border 16x12 "$tmp/text.png"
  else
    convert -background "$bg" -fill '#111111' -font "$font" -pointsize 60 label:"$line1" -trim +repage \
      \( -background "$bg" -fill '#111111' -font "$font" -pointsize 60 label:"$line2" -trim +repage \
         -gravity north -splice 0x18 \) -gravity center -append -bordercolor "$bg" -border 18x14 "$tmp/text.png"
  fi
  if [ "$format" = eu ] && [ $((RANDOM % 2)) -eq 0 ]; then
    # The blue band of EU plates, without its country letters.
    convert "$tmp/text.png" -gravity west -background '#1f3fa0' -splice 26x0 "$tmp/text.png"
  fi
  convert "$tmp/text.png" -bordercolor '#111111' -border 4 -bordercolor "$bg" -border 3 \
    -bordercolor "$body" -border "$(between 8 22)x$(between 6 16)" "$file"
}

# Applies one degradation to a rendered plate; sets variant.
degrade() {
  local file="$1" which="$2"
  case "$which" in
    clean) variant=clean ;;
    rotate) variant=rotate
      local angle; angle="$(tenths "$(between -70 70)")"
      convert "$file" -background "$(convert "$file" -format '%[pixel:p{0,0}]' info:)" -rotate "$angle" +repage "$file" ;;
    blur) variant=blur; convert "$file" -blur "0x$(tenths "$(between 10 20)")" "$file" ;;
    noise) variant=noise; convert "$file" -seed "$RANDOM" -attenuate "0.$(between 4 8)" +noise Gaussian "$file" ;;
    lowcontrast) variant=lowcontrast; convert "$file" +level "$(between 25 35)%,$(between 65 75)%" "$file" ;;
    small) variant=small; convert "$file" -resize "x$(between 32 40)" "$file" ;;
  esac
}

variants=(clean rotate blur noise lowcontrast small)
printf 'file\texpected\tvariant\tformat\n' > "$out/manifest.tsv"
for ((i = 0; i < count; i++)); do
  new_plate
  name="$(printf 'crop-%03d.png' "$i")"
  render_plate "$out/$name"
  degrade "$out/$name" "${variants[i % ${#variants[@]}]}"
  if [ -n "$line2" ]; then variant="$variant,twoline"; fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$expected" "$variant" "$format" >> "$out/manifest.tsv"
done

clutter_words=("EXIT" "PARKING" "P2" "NO PARKING" "LOT B" "SPEED 10" "CAM 03" "ENTRY 2" "2026-12-03 18:04" "KEEP CLEAR")
scene_variants=(clean rotate blur noise lowcontrast small)
for ((i = 0; i < scenes; i++)); do
  new_plate
  name="$(printf 'scene-%03d.png' "$i")"
  render_plate "$tmp/plate.png"
  which="${scene_variants[i % ${#scene_variants[@]}]}"
  if [ -z "$line2" ]; then width="$(between 190 300)"; else width="$(between 110 160)"; fi
  if [ "$which" = small ]; then width=$((width * 2 / 3)); fi
  convert "$tmp/plate.png" -resize "${width}x" "$tmp/plate.png"
  case "$which" in small) variant=small ;; *) degrade "$tmp/plate.png" "$which" ;; esac
  # The frame: a sky-to-road gradient, a car body behind the plate, shapes and words that are not plates.
  draw=()
  for ((k = 0; k < 6; k++)); do
    x="$(between 0 980)"; y="$(between 0 560)"
    draw+=(-fill "$(printf '#%02x%02x%02x' "$(between 0 255)" "$(between 0 255)" "$(between 0 255)")"
      -draw "$( [ $((k % 2)) -eq 0 ] && echo "rectangle $x,$y $((x + $(between 20 140))),$((y + $(between 10 80)))" \
        || echo "circle $x,$y $((x + $(between 8 40))),$y")")
  done
  for ((k = 0; k < 2; k++)); do
    draw+=(-fill "$( [ $((RANDOM % 2)) -eq 0 ] && echo white || echo '#202020')" -font "${fonts[RANDOM % ${#fonts[@]}]}"
      -pointsize "$(between 18 40)" -annotate "+$(between 10 700)+$(between 40 580)" "${clutter_words[RANDOM % ${#clutter_words[@]}]}")
  done
  car_w="$(between 380 560)"; car_x="$(between 40 $((1000 - car_w)))"; car_y="$(between 150 300)"
  px=$((car_x + car_w / 2 - width / 2 + $(between -30 30))); py=$((car_y + $(between 120 200)))
  convert -size 1024x600 "gradient:#8aa4c0-#3c3c3c" "${draw[@]}" \
    -fill "$(printf '#%02x%02x%02x' "$(between 30 220)" "$(between 30 220)" "$(between 30 220)")" \
    -draw "roundrectangle $car_x,$car_y $((car_x + car_w)),$((car_y + 290)) 40,40" \
    "$tmp/plate.png" -geometry "+$px+$py" -composite -seed "$RANDOM" -attenuate 0.2 +noise Gaussian "$out/$name"
  if [ -n "$line2" ]; then variant="$variant,twoline"; fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$expected" "scene-$variant" "$format" >> "$out/manifest.tsv"
done

# Files that are not plates at all: the reader must refuse each with a typed error, never crash.
: > "$out/error-empty.png"
{ printf '\x89PNG\r\n\x1a\n'; head -c 4000 /dev/zero | tr '\0' 'x'; } > "$out/error-corrupt.png"
head -c 2000 "$out/crop-000.png" > "$out/error-truncated.png"
{ printf '\xff\xd8\xff\xe0'; head -c $((21 * 1024 * 1024)) /dev/zero; } > "$out/error-huge-bytes.jpg"
convert -size 6000x4000 xc:white "$out/error-huge-pixels.png"
for f in empty corrupt truncated; do printf 'error-%s.png\t\terror-%s\t\n' "$f" "$f" >> "$out/manifest.tsv"; done
printf 'error-huge-bytes.jpg\t\terror-huge-bytes\t\n' >> "$out/manifest.tsv"
printf 'error-huge-pixels.png\t\terror-huge-pixels\t\n' >> "$out/manifest.tsv"
echo "wrote $count crops, $scenes scenes and 5 error files to $out (manifest.tsv)"
