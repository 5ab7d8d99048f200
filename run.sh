#!/usr/bin/env bash
# Builds and starts one ParkingGrains silo in development mode: embedded SQLite store, in-process
# membership, and the web API co-hosted on http://localhost:8080. No other server is needed.
#
#   ./run.sh                                      start on the default ports
#   PORT=5080 ./run.sh                            web API on another port
#   ./run.sh --Logging:LogLevel:Default=Debug     extra arguments go to the silo (.NET configuration)
#
# Environment overrides: PORT (web, 8080), SILO_PORT (11111), GATEWAY_PORT (30000), DATA_DIR (.data),
# DOTNET_ENVIRONMENT (Development). Any configuration key can also be set as an environment variable
# with `__` for `:` (e.g. Storage__Provider=...), which wins over the defaults below; arguments win over both.
set -euo pipefail

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

echo "building src/Silo (Release)"
dotnet build "$project" -c Release -nologo -v quiet
dll="$(dotnet msbuild "$project" -getProperty:TargetPath -p:Configuration=Release)"
mkdir -p "$DATA_DIR"

web="web API on $Web__Urls"; [ "${Web__Enabled,,}" = "true" ] || web="web API disabled"
echo "starting silo: $web (silo port $Silo__SiloPort, gateway $Silo__GatewayPort, data in $DATA_DIR); Ctrl-C stops it"
# From the output folder: the host watches its content root (the working directory) for configuration changes,
# recursively, and must not see every write to a data folder inside the repository.
cd "$(dirname "$dll")"
exec dotnet "$dll" "$@"
