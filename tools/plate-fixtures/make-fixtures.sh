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
# Every random choice is drawn here, in order, into one small script per image; the scripts then run in parallel,
# so the set depends only on the seed and the arguments, not on the number of cores.
mkdir -p "$tmp/jobs"
job=""
im() { printf '%q ' convert -define png:exclude-chunk=date,time,tIME "$@" >> "$job"; printf '\n' >> "$job"; }

fonts=(DejaVu-Sans-Bold DejaVu-Sans-Condensed-Bold DejaVu-Sans-Mono-Bold DejaVu-Serif-Bold DejaVu-Sans DejaVu-Sans-Condensed)
letters=ABCDEFGHKLMNPRSTUVXYZ
digits=0123456789
# Random draws set a variable instead of printing: bash reseeds $RANDOM in every $(...) subshell, which would make
# the set differ from run to run.
rnd() { R=$(($1 + RANDOM % ($2 - $1 + 1))); }
chars() { local i; S=""; for ((i = 0; i < $2; i++)); do S+="${1:RANDOM % ${#1}:1}"; done; }
colour() { rnd "$1" "$2"; local r=$R; rnd "$1" "$2"; local g=$R; rnd "$1" "$2"; printf -v C '#%02x%02x%02x' "$r" "$g" "$R"; }
tenths() { local n=$1 sign=""; if ((n < 0)); then sign=-; n=$((-n)); fi; T="$sign$((n / 10)).$((n % 10))"; }

# One plate: sets line1, line2 (empty for one-line plates), expected and format.
new_plate() {
  local kind=$((RANDOM % 8)) province series n
  rnd 11 99; province=$R
  chars "$letters" 1; series=$S
  line2=""
  case "$kind" in
    0 | 1) chars "$digits" 5; line1="$province$series-${S:0:3}.${S:3:2}"; format=vietnamese ;;
    2) chars "$digits" 4; line1="$province$series-$S"; format=vietnamese ;;
    3 | 4) chars "$digits" 5; n=$S; rnd 1 9; line1="$province-$series$R"; line2="${n:0:3}.${n:3:2}"; format=vietnamese ;;
    5) rnd 1 3; chars "$letters" "$R"; line1="$S"; rnd 1 2; chars "$letters" "$R"; line1+="-$S"
       rnd 0 3; chars "$digits" "$R"; n=$S; rnd 1 9; line1+=" $R$n"; format=eu ;;
    *) chars "$letters" 3; line1="$S"; chars "$digits" 4; line1+="-$S"; format=generic ;;
  esac
  expected="$line1$line2"; expected="${expected//[ .-]/}"
}

# Renders the current plate to $1 (white or yellow, one or two lines, a frame, a margin of car body around it).
render_plate() {
  local file="$1" font="${fonts[RANDOM % ${#fonts[@]}]}" bg=white text="$1.text.miff" mx
  if [ $((RANDOM % 3)) -eq 0 ]; then bg='#f2c418'; fi
  colour 20 200; body=$C
  if [ -z "$line2" ]; then
    im -background "$bg" -fill '#111111' -font "$font" -pointsize 64 label:"$line1" -trim +repage \
      -bordercolor "$bg" -border 16x12 "$text"
  else
    im -background "$bg" -fill '#111111' -font "$font" -pointsize 60 label:"$line1" -trim +repage \
      \( -background "$bg" -fill '#111111' -font "$font" -pointsize 60 label:"$line2" -trim +repage \
         -gravity north -splice 0x18 \) -gravity center -append -bordercolor "$bg" -border 18x14 "$text"
  fi
  if [ "$format" = eu ] && [ $((RANDOM % 2)) -eq 0 ]; then
    # The blue band of EU plates, without its country letters.
    im "$text" -gravity west -background '#1f3fa0' -splice 26x0 "$text"
  fi
  rnd 8 22; mx=$R; rnd 6 16
  im "$text" -bordercolor '#111111' -border 4 -bordercolor "$bg" -border 3 -bordercolor "$body" -border "${mx}x$R" "$file"
}

# Applies one degradation to a rendered plate; sets variant.
degrade() {
  local file="$1" which="$2" low
  variant="$which"
  case "$which" in
    rotate) rnd -70 70; tenths "$R"; im "$file" -background "$body" -rotate "$T" +repage "$file" ;;
    blur) rnd 10 20; tenths "$R"; im "$file" -blur "0x$T" "$file" ;;
    noise) rnd 4 8; im "$file" -seed "$RANDOM" -attenuate "0.$R" +noise Gaussian "$file" ;;
    lowcontrast) rnd 25 35; low=$R; rnd 65 75; im "$file" +level "$low%,$R%" "$file" ;;
    small) rnd 32 40; im "$file" -resize "x$R" "$file" ;;
  esac
}

variants=(clean rotate blur noise lowcontrast small)
printf 'file\texpected\tvariant\tformat\n' > "$out/manifest.tsv"
for ((i = 0; i < count; i++)); do
  new_plate
  printf -v name 'crop-%03d.png' "$i"
  job="$tmp/jobs/$name.sh"
  render_plate "$out/$name"
  degrade "$out/$name" "${variants[i % ${#variants[@]}]}"
  if [ -n "$line2" ]; then variant="$variant,twoline"; fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$expected" "$variant" "$format" >> "$out/manifest.tsv"
done

clutter_words=("EXIT" "PARKING" "P2" "NO PARKING" "LOT B" "SPEED 10" "CAM 03" "ENTRY 2" "2026-12-03 18:04" "KEEP CLEAR")
for ((i = 0; i < scenes; i++)); do
  new_plate
  printf -v name 'scene-%03d.png' "$i"
  job="$tmp/jobs/$name.sh"
  plate="$tmp/$name.plate.miff"
  render_plate "$plate"
  which="${variants[i % ${#variants[@]}]}"
  if [ -z "$line2" ]; then rnd 190 300; else rnd 110 160; fi
  width=$R
  if [ "$which" = small ]; then width=$((width * 2 / 3)); fi
  im "$plate" -resize "${width}x" "$plate"
  if [ "$which" = small ]; then variant=small; else degrade "$plate" "$which"; fi
  # The frame: a sky-to-road gradient, a car body behind the plate, shapes and words that are not plates.
  draw=()
  for ((k = 0; k < 6; k++)); do
    rnd 0 980; x=$R; rnd 0 560; y=$R; colour 0 255
    if [ $((k % 2)) -eq 0 ]; then
      rnd 20 140; w=$R; rnd 10 80; draw+=(-fill "$C" -draw "rectangle $x,$y $((x + w)),$((y + R))")
    else
      rnd 8 40; draw+=(-fill "$C" -draw "circle $x,$y $((x + R)),$y")
    fi
  done
  for ((k = 0; k < 2; k++)); do
    if [ $((RANDOM % 2)) -eq 0 ]; then C=white; else C='#202020'; fi
    rnd 18 40; size=$R; rnd 10 700; x=$R; rnd 40 580
    draw+=(-fill "$C" -font "${fonts[RANDOM % ${#fonts[@]}]}" -pointsize "$size" -annotate "+$x+$R" "${clutter_words[RANDOM % ${#clutter_words[@]}]}")
  done
  rnd 380 560; car_w=$R; rnd 40 $((1000 - car_w)); car_x=$R; rnd 150 300; car_y=$R
  rnd -30 30; px=$((car_x + car_w / 2 - width / 2 + R)); rnd 120 200; py=$((car_y + R))
  colour 30 220
  im -size 1024x600 "gradient:#8aa4c0-#3c3c3c" "${draw[@]}" -fill "$C" \
    -draw "roundrectangle $car_x,$car_y $((car_x + car_w)),$((car_y + 290)) 40,40" \
    "$plate" -geometry "+$px+$py" -composite -seed "$RANDOM" -attenuate 0.2 +noise Gaussian "$out/$name"
  if [ -n "$line2" ]; then variant="$variant,twoline"; fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$expected" "scene-$variant" "$format" >> "$out/manifest.tsv"
done

find "$tmp/jobs" -name '*.sh' -print0 | xargs -0 -n 1 -P "$(nproc 2>/dev/null || echo 2)" bash -e
rm -f "$out"/*.text.miff

# Files that are not plates at all: the reader must refuse each with a typed error, never crash.
: > "$out/error-empty.png"
{ printf '\x89PNG\r\n\x1a\n'; head -c 4000 /dev/zero | tr '\0' 'x'; } > "$out/error-corrupt.png"
head -c 2000 "$out/crop-000.png" > "$out/error-truncated.png"
{ printf '\xff\xd8\xff\xe0'; head -c $((21 * 1024 * 1024)) /dev/zero; } > "$out/error-huge-bytes.jpg"
convert -define png:exclude-chunk=date,time,tIME -size 6000x4000 xc:white "$out/error-huge-pixels.png"
for f in empty corrupt truncated; do printf 'error-%s.png\t\terror-%s\t\n' "$f" "$f" >> "$out/manifest.tsv"; done
printf 'error-huge-bytes.jpg\t\terror-huge-bytes\t\n' >> "$out/manifest.tsv"
printf 'error-huge-pixels.png\t\terror-huge-pixels\t\n' >> "$out/manifest.tsv"
echo "wrote $count crops, $scenes scenes and 5 error files to $out (manifest.tsv)"
