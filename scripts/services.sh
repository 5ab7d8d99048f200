#!/usr/bin/env bash
# Starts or stops real PostgreSQL, Redis and Mosquitto on loopback for tests and benchmarks, without Docker.
#   scripts/services.sh start   -> writes connection settings to .run/services.env
#   scripts/services.sh stop
# Ports default to 25432 (PostgreSQL), 26379 (Redis), 21883 (MQTT, anonymous) and 21884 (MQTT, password).
# All below 32768: Linux hands out ports from 32768 up to clients, and a client socket (or its TIME_WAIT) on
# a server port made PostgreSQL fail to bind.
# PG_DURABLE=1 keeps fsync on (benchmarks); tests run with fsync off for speed.
# RUN_DIR (default .run) holds data, logs, pids and services.env. Refuses to start when a port is taken.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
run="${RUN_DIR:-$root/.run}" # RUN_DIR lets two instances (e.g. tests and a benchmark) coexist
PG_PORT="${PG_PORT:-25432}"
REDIS_PORT="${REDIS_PORT:-26379}"
MQTT_PORT="${MQTT_PORT:-21883}"
MQTT_AUTH_PORT="${MQTT_AUTH_PORT:-21884}"
PG_PASSWORD="${PG_PASSWORD:-pg-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

stopped() { # a pid that is gone or a zombie counts as stopped
  [ ! -e "/proc/$1" ] || [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" = "Z" ]
}

port_in_use() { # something accepts TCP connections on 127.0.0.1:PORT
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_port() { # up to 10 s for a server to accept connections on PORT
  for _ in $(seq 1 100); do port_in_use "$1" && return 0; sleep 0.1; done
  echo "$2 did not start listening on port $1 (logs in $run)" >&2; return 1
}

stop_pid() {
  local file="$1"
  [ -f "$file" ] || return 0
  local pid; pid="$(head -n 1 "$file")"
  if [ -n "$pid" ] && ! stopped "$pid"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do stopped "$pid" && break; sleep 0.1; done
    stopped "$pid" || kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

start() {
  [ -n "$pgbin" ] || { echo "PostgreSQL server binaries not found; install the postgresql package" >&2; exit 1; }
  command -v redis-server >/dev/null || { echo "redis-server not found" >&2; exit 1; }
  command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || { echo "mosquitto not found" >&2; exit 1; }
  stop >/dev/null 2>&1 || true
  # Never attach to, or fight with, somebody else's server on the same port.
  local port
  for port in "$PG_PORT" "$REDIS_PORT" "$MQTT_PORT" "$MQTT_AUTH_PORT"; do
    if port_in_use "$port"; then
      echo "port $port is already in use; choose free ports with PG_PORT, REDIS_PORT, MQTT_PORT, MQTT_AUTH_PORT" >&2
      exit 1
    fi
  done
  mkdir -p "$run"

  # PostgreSQL: fresh cluster owned by the postgres user, TCP on loopback only.
  local pgdir="$run/pg"
  rm -rf "$pgdir"; install -d -o postgres -g postgres "$pgdir" "$pgdir/sock"
  local pwfile; pwfile="$(mktemp)"; echo "$PG_PASSWORD" > "$pwfile"; chown postgres "$pwfile"
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -A trust --auth-host=scram-sha-256 \
    -U postgres --pwfile="$pwfile" >"$run/pg-initdb.log" 2>&1
  rm -f "$pwfile"
  local pgopts="-p $PG_PORT -k $pgdir/sock -c listen_addresses=127.0.0.1 -c max_connections=300"
  if [ "${PG_DURABLE:-0}" != "1" ]; then
    pgopts="$pgopts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  else
    # Benchmarks: keep recycled WAL segments like a server that has been running. A fresh cluster creates
    # (zero-fills and fsyncs) each new 16 MB segment inside some commit, a 50-70 ms stall every few seconds.
    pgopts="$pgopts -c min_wal_size=1GB -c max_wal_size=4GB"
  fi
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -o "$pgopts" start >/dev/null
  head -n 1 "$pgdir/data/postmaster.pid" > "$run/pg.pid"
  runuser -u postgres -- psql -h "$pgdir/sock" -p "$PG_PORT" -qc "CREATE DATABASE parkinggrains" >/dev/null

  # Redis: no persistence, loopback only.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$run/redis.pid" --logfile "$run/redis.log" --dir "$run" >/dev/null
  wait_port "$REDIS_PORT" Redis

  # Mosquitto: one anonymous listener and one password listener; it drops root to user mosquitto.
  local mq="$run/mosquitto"; mkdir -p "$mq"
  : > "$mq/passwd"; mosquitto_passwd -b "$mq/passwd" sensor sensor-secret >/dev/null 2>&1
  chown -R mosquitto "$mq" 2>/dev/null || true; chmod 700 "$mq/passwd" 2>/dev/null || true
  cat > "$mq/mosquitto.conf" <<CONF
per_listener_settings true
pid_file $mq/mosquitto.pid
persistence false
log_dest file $mq/mosquitto.log
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
listener $MQTT_AUTH_PORT 127.0.0.1
allow_anonymous false
password_file $mq/passwd
CONF
  local mosq; mosq="$(command -v mosquitto || echo /usr/sbin/mosquitto)"
  "$mosq" -c "$mq/mosquitto.conf" -d
  wait_port "$MQTT_PORT" Mosquitto; wait_port "$MQTT_AUTH_PORT" Mosquitto
  for _ in $(seq 1 50); do [ -s "$mq/mosquitto.pid" ] && break; sleep 0.1; done
  cp "$mq/mosquitto.pid" "$run/mosquitto.pid"

  cat > "$run/services.env" <<ENV
export PARKINGGRAINS_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=parkinggrains;Maximum Pool Size=200'
export PARKINGGRAINS_TEST_REDIS='127.0.0.1:$REDIS_PORT'
export PARKINGGRAINS_TEST_MQTT='127.0.0.1:$MQTT_PORT'
export PARKINGGRAINS_TEST_MQTT_AUTH='127.0.0.1:$MQTT_AUTH_PORT'
ENV
  echo "services up: postgres :$PG_PORT, redis :$REDIS_PORT, mqtt :$MQTT_PORT/:$MQTT_AUTH_PORT (settings in $run/services.env)"
}

stop() {
  if [ -f "$run/pg/data/postmaster.pid" ] && [ -n "$pgbin" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$run/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  stop_pid "$run/pg.pid"
  stop_pid "$run/redis.pid"
  stop_pid "$run/mosquitto.pid"
  echo "services stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
