#!/usr/bin/env bash
# Runs every test project under tests/ against real PostgreSQL, Redis and Mosquitto on loopback.
#
#   ./test.sh                        all tests
#   ./test.sh --filter Category=X    extra arguments go to every `dotnet test` run
#
# Steps: install missing Debian packages and npm dependencies, start the servers (scripts/services.sh;
# stopped again on every exit path), build ParkingGrains.sln once in Release, run each test project with
# a TRX logger into artifacts/test-results/<project>/, sum the TRX counters and print one line per
# project. The last line is always `N passed, N failed` (plus `, N skipped` when any were skipped); the
# exit code is non-zero when the build failed, any test failed, or a project crashed or wrote no TRX.
#
# Environment: PG_PORT, REDIS_PORT, MQTT_PORT, MQTT_AUTH_PORT (server ports, see scripts/services.sh),
# TEST_HANG_TIMEOUT (default 15m: a test host hanging this long is killed and its project fails),
# SKIP_INSTALL=1 (do not touch apt or npm).
set -euo pipefail

root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
results="$root/artifacts/test-results"
apt_packages=(postgresql redis-server mosquitto mosquitto-clients tesseract-ocr tesseract-ocr-eng
  imagemagick fonts-dejavu-core chromium chromium-driver poppler-utils)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- dependencies ---------------------------------------------------------------------------------
# Folders with their own package.json (not inside node_modules, build output or server data).
npm_folders() {
  find . \( -name node_modules -o -name bin -o -name obj -o -name .git -o -name .run -o -name .data \
    -o -name artifacts \) -prune -o -name package.json -type f -print | sed 's|/package.json$||' | sort
}

install_dependencies() {
  local missing=() pkg dir
  if [ -n "$(npm_folders)" ] && ! command -v npm >/dev/null; then apt_packages+=(nodejs npm); fi
  for pkg in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
  while IFS= read -r dir; do
    [ ! -d "$dir/node_modules" ] || continue
    echo "installing npm dependencies in $dir"
    if [ -f "$dir/package-lock.json" ]; then (cd "$dir" && npm ci); else (cd "$dir" && npm install); fi
  done < <(npm_folders)
}

# --- servers and exit -----------------------------------------------------------------------------
services() { # services.sh needs root (PostgreSQL runs as the postgres user); an unset port means its default
  as_root env RUN_DIR="${RUN_DIR:-$root/.run}" PG_PORT="${PG_PORT:-}" REDIS_PORT="${REDIS_PORT:-}" MQTT_PORT="${MQTT_PORT:-}" \
    MQTT_AUTH_PORT="${MQTT_AUTH_PORT:-}" "$root/scripts/services.sh" "$1"
}

services_started=0
summary_printed=0
stop_services() {
  [ "$services_started" -eq 1 ] || return 0
  services_started=0
  services stop || echo "warning: scripts/services.sh stop failed; check for leftover servers" >&2
}

on_exit() {
  local rc=$?
  stop_services
  if [ "$summary_printed" -eq 0 ]; then # setup failed or interrupted before any summary
    echo "test.sh did not finish (exit code $rc: setup failed or interrupted)"
    echo "0 passed, 1 failed"
    [ "$rc" -ne 0 ] || rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- test projects --------------------------------------------------------------------------------
# A test project is a csproj under tests/ named *.Tests.csproj, or setting IsTestProject to true, or
# referencing Microsoft.NET.Test.Sdk; <IsTestProject>false</IsTestProject> opts a helper project out.
test_projects() {
  local csproj
  find tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/node_modules/*' |
    sort | while IFS= read -r csproj; do
      grep -qi '<IsTestProject>[[:space:]]*false' "$csproj" && continue
      if [[ "$csproj" == *.Tests.csproj ]] || grep -qi '<IsTestProject>[[:space:]]*true' "$csproj" ||
        grep -qi 'Include="Microsoft.NET.Test.Sdk"' "$csproj"; then
        echo "$csproj"
      fi
    done
}

# Sum one attribute of the TRX <Counters .../> element over the given files (0 when absent).
counter() {
  local name="$1"; shift
  awk -v attr=" $name=\"[0-9]+\"" '
    match($0, /<Counters [^>]*>/) {
      c = substr($0, RSTART, RLENGTH)
      if (match(c, attr)) { v = substr(c, RSTART, RLENGTH); gsub(/[^0-9]/, "", v); s += v }
    }
    END { print s + 0 }' "$@"
}

total_passed=0 total_failed=0 total_skipped=0
project_lines=()

# Runs one test project and adds its counts to the totals; extra arguments go to dotnet test.
run_project() {
  local csproj="$1"; shift
  local name dir rc=0 trx=() f
  name="$(basename "$csproj" .csproj)"
  dir="$results/$name"
  mkdir -p "$dir"
  echo "=== $name"
  dotnet test "$csproj" --no-build -c Release --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$dir" \
    --blame-hang-timeout "${TEST_HANG_TIMEOUT:-15m}" --blame-hang-dump-type none \
    "$@" 2>&1 | tee "$dir/output.log" || rc=$?
  while IFS= read -r f; do trx+=("$f"); done < <(find "$dir" -name '*.trx' | sort)

  local total=0 passed=0 failed=0 skipped=0 note=""
  if [ "${#trx[@]}" -gt 0 ]; then
    total="$(counter total "${trx[@]}")"
    passed="$(counter passed "${trx[@]}")"
    # failed + error + timeout + aborted: every way VSTest reports a test that did not pass
    failed=$(($(counter failed "${trx[@]}") + $(counter error "${trx[@]}") +
      $(counter timeout "${trx[@]}") + $(counter aborted "${trx[@]}")))
    # xunit skips appear as results with outcome NotExecuted: total minus executed
    skipped=$((total - $(counter executed "${trx[@]}")))
    [ "$skipped" -ge 0 ] || skipped=0
  fi
  # A crashed or hung test host, or a missing TRX, fails the project even if no test is marked failed.
  if [ "${#trx[@]}" -eq 0 ]; then
    note=" - no TRX written (dotnet test exited $rc)"
  elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    note=" - dotnet test exited $rc: the test run crashed or was aborted"
  fi
  if [ -n "$note" ] && [ "$failed" -eq 0 ]; then failed=1; fi

  project_lines+=("$(printf '%-28s %4d total %4d passed %4d failed %4d skipped%s' \
    "$name" "$total" "$passed" "$failed" "$skipped" "$note")")
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
}

print_summary() {
  local line
  echo
  echo "test results (TRX files and logs under ${results#"$root"/}/):"
  [ "${#project_lines[@]}" -gt 0 ] || echo "  no test projects found under tests/"
  for line in "${project_lines[@]}"; do echo "  $line"; done
  # Measurements the tests print (failover recovery, push latency), read back from the TRX files.
  if compgen -G "$results/*/*.trx" >/dev/null; then
    grep -ho '[A-Za-z0-9 -]* recovery: [0-9.]* s' "$results"/*/*.trx 2>/dev/null | sort -u | sed 's/^/  measured: /' || true
  fi
  summary_printed=1
  if [ "$total_skipped" -gt 0 ]; then
    echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
  else
    echo "$total_passed passed, $total_failed failed"
  fi
}

main() {
  command -v dotnet >/dev/null || { echo "dotnet not found: install the .NET 10 SDK, then retry" >&2; exit 1; }
  [ "${SKIP_INSTALL:-0}" = "1" ] || install_dependencies

  services_started=1
  services start
  # shellcheck source=/dev/null
  source "${RUN_DIR:-$root/.run}/services.env"

  rm -rf "$results"; mkdir -p "$results"
  echo "building ParkingGrains.sln (Release)"
  if ! dotnet build ParkingGrains.sln -c Release -nologo -v minimal 2>&1 | tee "$results/build.log"; then
    stop_services
    project_lines+=("build failed (log: ${results#"$root"/}/build.log)")
    total_failed=1
    print_summary
    exit 1
  fi

  local in_solution csproj projects=()
  in_solution="$(dotnet sln ParkingGrains.sln list | sed "s|\\\\|/|g")"
  while IFS= read -r csproj; do projects+=("$csproj"); done < <(test_projects)
  for csproj in "${projects[@]}"; do
    if grep -qxF "$csproj" <<<"$in_solution"; then
      run_project "$csproj" "$@"
    else # --no-build needs it built by the solution build
      project_lines+=("$(basename "$csproj" .csproj): FAILED - not in ParkingGrains.sln (dotnet sln add $csproj)")
      total_failed=$((total_failed + 1))
    fi
  done

  stop_services
  print_summary
  [ "$total_failed" -eq 0 ]
}

main "$@"
