# Functions for a project-local PostgreSQL cluster, sourced by run.sh and test.sh.
# No Docker: Debian's PostgreSQL server binaries run a cluster in a folder of ours, on a free
# port of 127.0.0.1, with a generated password. As root, the cluster runs as the postgres OS user
# (PostgreSQL refuses to run as root).

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Prints the first port from $1 (default 55432) that nothing listens on.
pg_free_port() {
  local port=${1:-55432}
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

# PG_OPTIONS: extra server settings ("-c name=value ..."); scripts/test.sh turns durability off for
# its throwaway cluster. pg_start DIR: initialises DIR/data on first use, starts it (or finds it running), and exports
# PG_DIR, PG_PORT, PG_STARTED (1 when this call started it) and PG_ADMIN_CONNECTION (Npgsql format,
# database "postgres").
pg_start() {
  local dir=$1
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin)." >&2
    echo "Install them with: apt-get install postgresql" >&2
    return 1
  fi

  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      echo "The postgres OS user cannot reach $dir (a parent folder is private)." >&2
      return 1
    fi
  fi

  if [ ! -f "$dir/data/PG_VERSION" ]; then
    local password
    password=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c 32)
    printf '%s' "$password" >"$dir/password"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/password"
    chmod 600 "$dir/password"
    pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=scram-sha-256 \
      --pwfile="$dir/password" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      return 1
    }
  fi

  PG_DIR=$dir
  PG_STARTED=0
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    PG_PORT=$(cat "$dir/port")
  else
    PG_PORT=$(pg_free_port "${PG_PORT_FROM:-55432}")
    printf '%s' "$PG_PORT" >"$dir/port"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='' ${PG_OPTIONS:-}" start >/dev/null || {
      tail -n 20 "$dir/postgres.log" >&2
      return 1
    }
    PG_STARTED=1
  fi

  PG_ADMIN_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$(cat "$dir/password");Database=postgres"
  export PG_DIR PG_PORT PG_STARTED PG_ADMIN_CONNECTION
}

# pg_stop: stops the cluster pg_start started (leaves alone one that was already running).
pg_stop() {
  if [ "${PG_STARTED:-0}" = 1 ] && [ -n "${PG_DIR:-}" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    PG_STARTED=0
  fi
}

# pg_connection DATABASE: the admin connection string pointed at another database.
pg_connection() {
  printf '%s' "${PG_ADMIN_CONNECTION%Database=postgres}Database=$1"
}
