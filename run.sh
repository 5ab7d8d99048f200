#!/usr/bin/env bash
# Builds and starts one ParkingGrains silo in development mode: embedded SQLite store, in-process
# membership, and the web API co-hosted on http://localhost:8080. No other server is needed.
#
#   ./run.sh                                      start on the default ports
#   PORT=5080 ./run.sh                            web API on another port
#   ./run.sh --no-traffic                         gate agents without the simulated traffic
#   ./run.sh --Logging:LogLevel:Default=Debug     extra arguments go to the silo (.NET configuration)
#
# Besides the silo it starts one gate agent per lane of the demo lots (src/GateAgent, simulated camera, barrier,
# display and printer) with a gentle traffic generator; their logs and journals are in $DATA_DIR/lanes. Each lane
# serves its lane UI (the security room's page) on loopback from LANE_UI_PORT (8090): one password for all four,
# generated once into $DATA_DIR/lane-ui-password (mode 600).
#
# Environment overrides: PORT (web, 8080), SILO_PORT (11111), GATEWAY_PORT (30000), DATA_DIR (.data), LANE_UI_PORT (8090),
# DOTNET_ENVIRONMENT (Development). Any configuration key can also be set as an environment variable
# with `__` for `:` (e.g. Storage__Provider=...), which wins over the defaults below; arguments win over both.
set -euo pipefail

traffic=true
silo_args=()
for arg in "$@"; do
  if [ "$arg" = "--no-traffic" ]; then traffic=false; else silo_args+=("$arg"); fi
done

root="$(cd "$(dirname "$0")" && pwd)"
project="$root/src/Silo/Silo.csproj"

command -v dotnet >/dev/null || {
  echo "dotnet not found: install the .NET 10 SDK, then run ./run.sh again." >&2
  exit 1
}
[ -f "$project" ] || { echo "src/Silo/Silo.csproj does not exist in this checkout yet: nothing to run." >&2; exit 1; }

PORT="${PORT:-8080}"
SILO_PORT="${SILO_PORT:-11111}"
GATEWAY_PORT="${GATEWAY_PORT:-30000}"
DATA_DIR="${DATA_DIR:-$root/.data}"
LANE_UI_PORT="${LANE_UI_PORT:-8090}"

# Development defaults, as environment variables so that the caller's own Key__Sub variables win.
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
export Storage__Provider="${Storage__Provider:-Sqlite}"
export ConnectionStrings__Sqlite="${ConnectionStrings__Sqlite:-Data Source=$DATA_DIR/parkinggrains.db}"
export Cluster__Membership="${Cluster__Membership:-Localhost}"
export Web__Enabled="${Web__Enabled:-true}"
export Seed__DemoLots="${Seed__DemoLots:-true}"
export Web__Urls="${Web__Urls:-http://localhost:$PORT}"
export Silo__SiloPort="${Silo__SiloPort:-$SILO_PORT}"
export Silo__GatewayPort="${Silo__GatewayPort:-$GATEWAY_PORT}"

ports=("$Silo__SiloPort" "$Silo__GatewayPort")
if [ "${Web__Enabled,,}" = "true" ]; then
  web_port="$PORT"
  if [[ "$Web__Urls" =~ :([0-9]+)/?$ ]]; then web_port="${BASH_REMATCH[1]}"; fi
  ports+=("$web_port")
fi
for port in "${ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; choose others with PORT, SILO_PORT and GATEWAY_PORT." >&2
    exit 1
  fi
done

# The plate reader's PP-OCRv4 models come from npm (src/PlateRecognition/models).
models="$root/src/PlateRecognition/models"
if [ -f "$models/package.json" ] && [ ! -d "$models/node_modules" ] && command -v npm >/dev/null; then
  echo "installing the plate reader's models (npm, src/PlateRecognition/models)"
  (cd "$models" && npm ci --no-audit --no-fund)
fi

# The dashboard's browser libraries (@microsoft/signalr, chart.js) come from npm; the build copies them to wwwroot/lib.
client_app="$root/src/WebApi/ClientApp"
if [ -f "$client_app/package.json" ] && [ ! -d "$client_app/node_modules" ]; then
  if command -v npm >/dev/null; then
    echo "installing the dashboard's npm packages (src/WebApi/ClientApp)"
    (cd "$client_app" && npm install --no-audit --no-fund)
  else
    echo "warning: npm not found; the dashboard at / will lack its browser libraries (install nodejs and npm)." >&2
  fi
fi

echo "building src/Silo and src/GateAgent (Release)"
dotnet build "$project" -c Release -nologo -v quiet
dotnet build "$root/src/GateAgent/GateAgent.csproj" -c Release -nologo -v quiet
dll="$(dotnet msbuild "$project" -getProperty:TargetPath -p:Configuration=Release)"
agent_dll="$(dotnet msbuild "$root/src/GateAgent/GateAgent.csproj" -getProperty:TargetPath -p:Configuration=Release)"
mkdir -p "$DATA_DIR/lanes"

# One key per demo gate, made once and kept in the data folder (never in the repository): the silo installs their
# hashes at start (Seed:GateKeys) and each agent presents its own.
gates=(sgn-in-1 sgn-out-1 ber-in ber-out)
keys_file="$DATA_DIR/gate-keys.env"
if [ ! -f "$keys_file" ]; then
  (umask 077; for gate in "${gates[@]}"; do
    echo "$gate=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done > "$keys_file")
fi
declare -A gate_keys
while IFS='=' read -r gate key; do
  [ -n "$gate" ] && gate_keys[$gate]="$key"
done < "$keys_file"
export Seed__GateKeysFile="${Seed__GateKeysFile:-$keys_file}"

# The lane UI's password, made once and kept in the data folder like the gate keys (never in the repository).
lane_ui_password_file="$DATA_DIR/lane-ui-password"
if [ ! -f "$lane_ui_password_file" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$lane_ui_password_file")
fi

web="web API on $Web__Urls"; [ "${Web__Enabled,,}" = "true" ] || web="web API disabled"
echo "starting silo: $web (silo port $Silo__SiloPort, gateway $Silo__GatewayPort, data in $DATA_DIR); Ctrl-C stops it"
# From the output folder: the host watches its content root (the working directory) for configuration changes,
# recursively, and must not see every write to a data folder inside the repository.
cd "$(dirname "$dll")"
dotnet "$dll" ${silo_args[@]+"${silo_args[@]}"} &
silo_pid=$!
agent_pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in ${agent_pids[@]+"${agent_pids[@]}"}; do kill -TERM "$pid" 2>/dev/null || true; done
  kill -TERM "$silo_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

# The agents start once the silo answers; each runs its lane offline until then anyway.
for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$Silo__GatewayPort") 2>/dev/null; then break; fi
  kill -0 "$silo_pid" 2>/dev/null || break
  sleep 1
done
port=7300
ui_port=$LANE_UI_PORT
for gate in "${gates[@]}"; do
  # Each lane: its journal, receipts and log under $DATA_DIR/lanes; its card reader on a loopback port from 7300;
  # its lane UI on loopback from $LANE_UI_PORT (the password is exported, so it is on no command line).
  (export Lane__Ui__Password="$(cat "$lane_ui_password_file")"
   cd "$(dirname "$agent_dll")" && exec env MALLOC_ARENA_MAX=2 Lane__GateId="$gate" Lane__Key="${gate_keys[$gate]}" \
    Lane__Gateways="127.0.0.1:$Silo__GatewayPort" Lane__JournalPath="$DATA_DIR/lanes/$gate.db" Lane__Simulate="$traffic" \
    Lane__ReceiptFolder="$DATA_DIR/lanes/receipts-$gate" Lane__CardReaderPort="$port" \
    Lane__Ui__Enabled=true Lane__Ui__Urls="http://127.0.0.1:$ui_port" \
    dotnet "$agent_dll" >>"$DATA_DIR/lanes/$gate.log" 2>&1) &
  agent_pids+=($!)
  echo "lane UI of $gate: http://127.0.0.1:$ui_port"
  port=$((port + 1))
  ui_port=$((ui_port + 1))
done
echo "gate agents: ${gates[*]} (traffic: $traffic; logs in $DATA_DIR/lanes)"
echo "lane UI password: in $lane_ui_password_file (sign in with any name: it is who the audit shows)"
wait "$silo_pid"
