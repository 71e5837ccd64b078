#!/usr/bin/env bash
# Shows how the database answers each analyst page: for every page, the number of SQL statements,
# the slowest one, and the tables PostgreSQL still reads in full when sequential scans are
# discouraged (enable_seqscan = off), i.e. the scans no index can serve.
# PostgreSQL's auto_explain logs EXPLAIN ANALYZE of every statement the app runs; plans are kept in
# artifacts/plans/. Uses a throwaway cluster with the demo data.
# Usage: scripts/explain-pages.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/lib/postgres.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production
# The analyst pages are requested without signing in: open reading for this throwaway app only.
export Security__AllowAnonymousReading=true

"$root/scripts/install-prerequisites.sh" postgres

work=$(mktemp -d "${TMPDIR:-/tmp}/conflicttracker-explain.XXXXXX")
[ "$(id -u)" = 0 ] && chmod 755 "$work"
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

pg_start "$work/postgres" >/dev/null
log="$work/postgres/postgres.log"
export ConnectionStrings__Default
ConnectionStrings__Default=$(pg_connection explain)
sql() { PGPASSWORD=$(cat "$work/postgres/password") "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -Atqc "$2"; }

dotnet build "$root/src/ConflictTracker.Web/ConflictTracker.Web.csproj" -c Release -v quiet -nologo >/dev/null
cd "$root/src/ConflictTracker.Web/bin/Release/net10.0"
dotnet ConflictTracker.Web.dll migrate --seed-demo >/dev/null
sql explain "ANALYZE"
for setting in "session_preload_libraries = 'auto_explain'" "auto_explain.log_min_duration = 0" \
  "auto_explain.log_analyze = on" "auto_explain.log_nested_statements = on"; do
  sql postgres "ALTER DATABASE explain SET $setting"
done

# Named so it does not shadow the 'id' command: pg_stop (in cleanup) asks 'id -u' whether it runs as
# root, and a shadowed 'id' sent it down the wrong branch, deleting the data folder under a running server.
lookup() { sql explain "$1"; }
nis=$(lookup "SELECT id FROM claims WHERE summary LIKE 'Russia''s navy ferried%'")
budanov=$(lookup "SELECT id FROM actors WHERE name = 'Kyrylo Budanov'")
article=$(lookup "SELECT s.id FROM sources s JOIN citations c ON c.source_id = s.id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1")
deployment=$(lookup "SELECT id FROM propositions WHERE statement LIKE 'North Korean troops are deployed%'")
pages=(
  "home|/"
  "claims|/claims"
  "claims-page-2|/claims?size=10&sort=OldestStatement"
  "search-budanow|/claims?q=Budanow"
  "search-cyrillic|/claims?q=%D0%91%D1%83%D0%B4%D0%B0%D0%BD%D0%BE%D0%B2"
  "search-vladivostok|/claims?q=Vladivostok"
  "filters|/claims?stance=Denies&stance=Hedges&reliability=C&stated-from=2024-10-01&event-to=2024-12-31&quantity=no"
  "claim|/claims/$nis"
  "actor|/actors/$budanov"
  "source|/sources/$article"
  "propositions|/propositions"
  "proposition|/propositions/$deployment"
  "history|/history/$nis"
)

url=http://127.0.0.1:$(pg_free_port 5180)
run_pass() { # $1 = label; requests every page once after a warm-up, keeps each page's log
  dotnet ConflictTracker.Web.dll --urls "$url" >/dev/null 2>&1 &
  app_pid=$!
  for _ in $(seq 1 60); do curl -fsS "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  for spec in "${pages[@]}"; do curl -s -o /dev/null "$url${spec#*|}"; done # warm-up (JIT, pools)
  mkdir -p "$root/artifacts/plans/$1"
  for spec in "${pages[@]}"; do
    name=${spec%%|*}
    : >"$log"
    timing=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$url${spec#*|}")
    sleep 0.3
    cp "$log" "$root/artifacts/plans/$1/$name.log"
    echo "$name $timing"
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
}

echo "Pass 1: default planner settings"
printf '%-20s %6s %9s %8s %12s\n' page status seconds queries slowest_ms
run_pass default | while read -r name status seconds; do
  plans="$root/artifacts/plans/default/$name.log"
  slowest=$(grep -o 'duration: [0-9.]* ms' "$plans" | awk '{print $2}' | sort -n | tail -n 1 || true)
  printf '%-20s %6s %9s %8s %12s\n' "$name" "$status" "$seconds" "$(grep -c 'duration:' "$plans" || true)" "${slowest:-0}"
done

sql postgres "ALTER DATABASE explain SET enable_seqscan = off"
echo
echo "Pass 2: enable_seqscan = off; tables still read in full (no index can serve that scan):"
run_pass noseqscan | while read -r name _; do
  scans=$(grep -o 'Seq Scan on [a-z_]*' "$root/artifacts/plans/noseqscan/$name.log" | sed 's/Seq Scan on //' | sort | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}' || true)
  printf '%-20s %s\n' "$name" "${scans:-none}"
done
echo
echo "Plans: artifacts/plans/{default,noseqscan}/<page>.log"
