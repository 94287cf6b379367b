#!/usr/bin/env bash
# A throw-away PostgreSQL 15 for the tests: initdb in a temporary folder as an unprivileged
# user, listening on a free loopback port only, TLS on with a self-signed certificate,
# password sign-in (scram-sha-256) for every TCP connection.
#
#   eval "$(scripts/pg-test-server.sh start)"   # prints the variables the tests read
#   scripts/pg-test-server.sh kill              # SIGKILL, as in a crash (the tests use it)
#   scripts/pg-test-server.sh restart           # start the killed server again
#   scripts/pg-test-server.sh stop
#
# start exports NYTTA_TEST_PG_URL (the cluster's administrator, password in the password
# file PGPASSFILE), NYTTA_TEST_PG_DIR (the folder, for kill/restart/stop) and
# NYTTA_TEST_PG_CA (the certificate, to verify the server with sslmode=verify-full).
set -euo pipefail

bin_dir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
}

BIN="$(bin_dir)"

# Runs a server command as the unprivileged owner of the folder (PostgreSQL refuses root).
as_owner() {
  local dir="$1"; shift
  local owner
  owner="$(stat -c %U "$dir/pg")"
  if [ "$(id -un)" = "$owner" ]; then
    "$@"
  else
    su "$owner" -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local dir port user password
  dir="$(mktemp -d /tmp/nytta-pg.XXXXXX)"
  chmod 755 "$dir"
  user="$(id -un)"
  [ "$(id -u)" -eq 0 ] && user=postgres
  password="nytta-test-$RANDOM$RANDOM"
  mkdir -p "$dir/pg"
  chown "$user" "$dir" "$dir/pg"
  printf '%s\n' "$password" > "$dir/pw"
  chown "$user" "$dir/pw"
  as_owner "$dir" "$BIN/initdb" -D "$dir/pg" -U admin --pwfile="$dir/pw" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  # Self-signed certificate for 127.0.0.1 and localhost, made here with openssl.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$dir/pg/server.key" -out "$dir/pg/server.crt" >/dev/null 2>&1
  cp "$dir/pg/server.crt" "$dir/ca.crt"
  chown "$user" "$dir/pg/server.key" "$dir/pg/server.crt"
  chmod 600 "$dir/pg/server.key"
  port="$(free_port)"
  cat >> "$dir/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
max_connections = 200
fsync = on
CONF
  echo "$port" > "$dir/port"
  as_owner "$dir" "$BIN/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w -t 60 start >/dev/null
  # One password file for the tests: every role they create signs in with this password.
  printf '127.0.0.1:%s:*:*:%s\nlocalhost:%s:*:*:%s\n' "$port" "$password" "$port" "$password" > "$dir/pgpass"
  chmod 600 "$dir/pgpass"
  echo "export NYTTA_TEST_PG_DIR='$dir'"
  echo "export NYTTA_TEST_PG_URL='postgresql://admin@127.0.0.1:$port/postgres?sslmode=require'"
  echo "export NYTTA_TEST_PG_CA='$dir/ca.crt'"
  echo "export PGPASSFILE='$dir/pgpass'"
}

dir_or_die() {
  local dir="${NYTTA_TEST_PG_DIR:-}"
  [ -n "$dir" ] && [ -d "$dir/pg" ] || { echo "NYTTA_TEST_PG_DIR is not a test server" >&2; exit 1; }
  echo "$dir"
}

case "${1:-}" in
  start) start ;;
  kill)
    dir="$(dir_or_die)"
    pid="$(head -1 "$dir/pg/postmaster.pid" 2>/dev/null || true)"
    if [ -n "$pid" ]; then
      # The postmaster and every backend, at once, as in a crash.
      ps -o pid= --ppid "$pid" | xargs -r kill -KILL 2>/dev/null || true
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    fi
    ;;
  restart)
    dir="$(dir_or_die)"
    rm -f "$dir/pg/postmaster.pid"
    as_owner "$dir" "$BIN/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w -t 60 start >/dev/null
    ;;
  stop)
    dir="$(dir_or_die)"
    as_owner "$dir" "$BIN/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|kill|restart|stop" >&2; exit 2 ;;
esac
