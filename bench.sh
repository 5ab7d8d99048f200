#!/usr/bin/env bash
# Runs one benchmark of bench/Bench against real servers with durable commits (fsync on).
#
#   ./bench.sh runtime               results in bench/results/runtime.json (written by the bench program)
#   ./bench.sh checkin [args...]     results in bench/results/checkin.json; further arguments go to the bench program
#   ./bench.sh cluster               results in bench/results/cluster.json (3 silo processes + web API vs 1 silo)
#   ./bench.sh plates                results in bench/results/plates.json (plate OCR on generated images; no servers;
#                                    needs ImageMagick, and npm for the models)
#   ./bench.sh gate                  results in bench/results/gate.json (8 lanes against a silo process: decision latency,
#                                    offline decisions and replay after kill -9, the GateAgent process's start-up and RSS)
#
# The servers get their own folder (.run/bench) and ports, so a benchmark never touches the servers of
# ./test.sh; override with PG_PORT, REDIS_PORT, MQTT_PORT, MQTT_AUTH_PORT. They are stopped on exit.
set -euo pipefail

root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
project="bench/Bench/Bench.csproj"
run_dir="$root/.run/bench"

if [ $# -lt 1 ] || [ -z "$1" ]; then echo "usage: $0 <benchmark name, e.g. runtime> [args...]" >&2; exit 2; fi
name="$1"; shift
command -v dotnet >/dev/null || { echo "dotnet not found: install the .NET 10 SDK, then retry." >&2; exit 1; }
[ -f "$project" ] || { echo "$project does not exist in this checkout yet." >&2; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
services() {
  as_root env RUN_DIR="$run_dir" PG_DURABLE=1 PG_PORT="${PG_PORT:-25442}" REDIS_PORT="${REDIS_PORT:-26389}" \
    MQTT_PORT="${MQTT_PORT:-21893}" MQTT_AUTH_PORT="${MQTT_AUTH_PORT:-21894}" "$root/scripts/services.sh" "$1"
}
started=0
cleanup() { if [ "$started" -eq 1 ]; then started=0; services stop || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The plate recognition models come from npm (src/PlateRecognition/models); the build copies them next to the program.
models="$root/src/PlateRecognition/models"
if [ -f "$models/package.json" ] && [ ! -d "$models/node_modules" ]; then
  command -v npm >/dev/null || { echo "npm not found: install nodejs and npm (the plate models come from npm)." >&2; exit 1; }
  echo "installing the plate recognition models (npm ci in src/PlateRecognition/models)"
  (cd "$models" && npm ci --no-audit --no-fund)
fi

echo "building $project (Release)"
dotnet build "$project" -c Release -nologo -v quiet
dll="$(dotnet msbuild "$project" -getProperty:TargetPath -p:Configuration=Release)"
if [ "$name" = "cluster" ]; then
  # The cluster benchmark runs the real processes: silos and the web API from their own Release builds.
  for app in src/Silo/Silo.csproj src/WebApi/WebApi.csproj; do
    echo "building $app (Release)"
    dotnet build "$app" -c Release -nologo -v quiet
  done
  export PARKINGGRAINS_BENCH_SILO_DLL="$(dotnet msbuild src/Silo/Silo.csproj -getProperty:TargetPath -p:Configuration=Release)"
  export PARKINGGRAINS_BENCH_WEBAPI_DLL="$(dotnet msbuild src/WebApi/WebApi.csproj -getProperty:TargetPath -p:Configuration=Release)"
fi
if [ "$name" = "gate" ]; then
  # The gate benchmark also starts the real agent process, from its own Release build.
  echo "building src/GateAgent/GateAgent.csproj (Release)"
  dotnet build src/GateAgent/GateAgent.csproj -c Release -nologo -v quiet
  export PARKINGGRAINS_BENCH_GATEAGENT_DLL="$(dotnet msbuild src/GateAgent/GateAgent.csproj -getProperty:TargetPath -p:Configuration=Release)"
fi

if [ "$name" != "plates" ]; then # the plate benchmark runs in-process and needs no servers
  started=1
  services start
  # shellcheck source=/dev/null
  source "$run_dir/services.env"
fi

mkdir -p bench/results
echo "running benchmark '$name' (results: bench/results/$name.json)"
rc=0
PARKINGGRAINS_BENCH_RESULTS="$root/bench/results" dotnet "$dll" "$name" "$@" || rc=$?
cleanup
if [ "$rc" -ne 0 ]; then echo "benchmark '$name' failed (exit code $rc)" >&2; exit "$rc"; fi
if [ -f "bench/results/$name.json" ]; then echo "results: bench/results/$name.json"; else
  echo "warning: the benchmark did not write bench/results/$name.json" >&2
fi
