#!/usr/bin/env bash
# The scale benchmark (docs/performance.md). Its own PostgreSQL cluster lives in a data folder that
# outlives a run, so the data is generated once and measured as often as wanted.
#
#   scripts/bench.sh generate [--claims N]   new cluster, schema, demo data, N synthetic claims (default
#                                            1,000,000) loaded with binary COPY, then the contradiction
#                                            candidates worked out by the app
#   scripts/bench.sh run [--rounds N] [--sessions N]
#                                            measures the app against its ceilings and writes
#                                            docs/performance.md (figures in artifacts/bench/)
#   scripts/bench.sh all [--claims N]        both, then evidence
#   scripts/bench.sh evidence [--media N] [--lookups N] [--megabytes N]
#                                            evidence: the near-duplicate lookup among N stored media (default
#                                            100,000; a database of its own, made afresh in the same cluster) and
#                                            an upload of N MB (default 500) through staging and the disk store;
#                                            writes the Evidence section of docs/performance.md
#   scripts/bench.sh intake                  article intake: drafts for a 2,000-word article (BenchmarkDotNet,
#                                            no database; report in artifacts/bench/intake)
#
# Data folder: $CONFLICTTRACKER_BENCH_DATA (default /var/tmp/conflicttracker-bench), about 8 GB at 1M claims (2.6 GB of data, the rest write-ahead log).
# The cluster runs with settings for a dedicated 24 GiB machine (below); durability stays on.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/lib/postgres.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

action=${1:-}
[ $# -gt 0 ] && shift
claims=1000000 rounds=100 sessions=50 media=100000 lookups=1000 megabytes=500
while [ $# -gt 0 ]; do
  case "$1" in
    --claims) claims=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --sessions) sessions=$2; shift 2 ;;
    --media) media=$2; shift 2 ;;
    --lookups) lookups=$2; shift 2 ;;
    --megabytes) megabytes=$2; shift 2 ;;
    *) echo "unknown option $1 (see the top of scripts/bench.sh)" >&2; exit 2 ;;
  esac
done
case "$action" in generate|run|all|intake|evidence) ;; *) sed -n '2,22p' "$0" >&2; exit 2 ;; esac

if [ "$action" = intake ]; then
  # The extractor runs in the app's process with no database: BenchmarkDotNet measures it on its own.
  (cd "$root" && dotnet build bench/ConflictTracker.Intake.Eval -c Release -v quiet -nologo >/dev/null)
  mkdir -p "$root/artifacts/bench/intake"
  cd "$root/artifacts/bench/intake"
  exec dotnet "$root/bench/ConflictTracker.Intake.Eval/bin/Release/net10.0/ConflictTracker.Intake.Eval.dll" --bench --filter '*' --buildTimeout 900 --artifacts "$root/artifacts/bench/intake"
fi

data=${CONFLICTTRACKER_BENCH_DATA:-/var/tmp/conflicttracker-bench}
results="$root/artifacts/bench"
bench="$root/bench/ConflictTracker.Bench/bin/Release/net10.0/ConflictTracker.Bench.dll"
web="$results/app"
export PG_OPTIONS="-c shared_buffers=4GB -c effective_cache_size=16GB -c work_mem=32MB -c maintenance_work_mem=1GB \
-c max_wal_size=8GB -c checkpoint_timeout=30min -c random_page_cost=1.1 -c effective_io_concurrency=200 -c max_connections=200"

if [ "$action" = evidence ]; then
  "$root/scripts/install-prerequisites.sh" postgres
else
  "$root/scripts/install-prerequisites.sh" postgres chromium wrk
fi
evidence() {
  # The cluster of the scale benchmark (started by run in `all`), with a database of its own.
  [ -n "${PG_ADMIN_CONNECTION:-}" ] || pg_start "$data/postgres" >/dev/null
  echo "Evidence: the near-duplicate lookup among $media media, an upload of $megabytes MB..."
  dotnet "$bench" evidence --connection "$PG_ADMIN_CONNECTION" --database conflicttracker_evidence \
    --media "$media" --lookups "$lookups" --megabytes "$megabytes" --rounds 3 --folder "$data/evidence-upload" \
    --results "$results/evidence.json" --out "$root/docs/performance.md" \
    --command "scripts/bench.sh evidence --media $media --lookups $lookups --megabytes $megabytes"
  echo "Written: the Evidence section of docs/performance.md (raw figures in artifacts/bench/evidence.json)"
}

app_pid= raw_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [ -n "$raw_pid" ] && kill "$raw_pid" 2>/dev/null && wait "$raw_pid" 2>/dev/null
  pg_stop
}
trap cleanup EXIT INT TERM

mkdir -p "$results"
if [ "$action" = evidence ]; then
  # No app to publish: the benchmark calls the evidence pipeline's classes itself.
  echo "Building the benchmark (Release)..."
  (cd "$root" && dotnet build bench/ConflictTracker.Bench -c Release -v quiet -nologo >/dev/null)
  evidence
  exit 0
fi
echo "Building (Release)..."
(cd "$root" && dotnet tool restore >/dev/null && dotnet build ConflictTracker.sln -c Release -v quiet -nologo >/dev/null)
# The app runs as deployed: published (static assets in wwwroot), Production settings.
dotnet publish "$root/src/ConflictTracker.Web/ConflictTracker.Web.csproj" -c Release --no-build -o "$web" -v quiet -nologo >/dev/null
app() { (cd "$web" && dotnet ConflictTracker.Web.dll "$@"); }
seconds() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

generate() {
  if [ -f "$data/postgres/data/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$data"
  pg_start "$data/postgres" >/dev/null
  export ConnectionStrings__Default
  ConnectionStrings__Default=$(pg_connection conflicttracker)
  echo "PostgreSQL on 127.0.0.1:$PG_PORT, data in $data"
  app migrate --seed-demo >/dev/null
  echo "Generating $claims claims..."
  dotnet "$bench" generate --connection "$ConnectionStrings__Default" --claims "$claims" --results "$results/generate.json"
  echo "Working out contradiction candidates (admin refresh-candidates)..."
  local start
  start=$(date +%s.%N)
  app admin refresh-candidates >"$results/candidates.log"
  printf '{ "seconds": %s, "log": %s }\n' "$(seconds "$start")" \
    "$(grep -o '"@m":"Added[^"]*"' "$results/candidates.log" | tail -n 1 | sed 's/^"@m"://')" >"$results/candidates.json"
  cat "$results/candidates.json"
}

run() {
  [ -f "$data/postgres/data/PG_VERSION" ] || { echo "No benchmark data in $data: run scripts/bench.sh generate first." >&2; exit 1; }
  pg_start "$data/postgres" >/dev/null
  export ConnectionStrings__Default
  ConnectionStrings__Default=$(pg_connection conflicttracker)
  sql() { PGPASSWORD=$(cat "$data/postgres/password") "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d conflicttracker -Atqc "$1"; }
  # Data generated by an older checkout gets this one's migrations, as an operator's upgrade would.
  app migrate >/dev/null
  # The kept proposition figures out of date after a load or an upgrade, computed once, as an operator would
  # after a bulk load (docs/rules/origin-counting.md, "Kept figures").
  local figures_start
  figures_start=$(date +%s.%N)
  app admin recompute-figures >"$results/figures.log"
  echo "Kept proposition figures brought up to date in $(seconds "$figures_start") s"

  # An analyst account and token of its own for this run.
  local email password token
  email="bench-$(date +%s)@bench.example"
  password=$(app admin create-user --email "$email" --name "Benchmark analyst" --role Analyst | grep -o 'shown once[^:]*: .*' | sed 's/.*: //')
  token=$(app admin create-token --email "$email" --days 1 | grep -o 'ctpat_[A-Za-z0-9_-]*')

  local port raw_port url raw_url
  port=$(pg_free_port 5700); raw_port=$(pg_free_port $((port + 1)))
  url="http://127.0.0.1:$port" raw_url="http://127.0.0.1:$raw_port"
  (cd "$web" && ASPNETCORE_ENVIRONMENT=Production Api__RateLimit__PermitLimit=1000000000 \
    exec dotnet ConflictTracker.Web.dll --urls "$url") >"$results/app.log" 2>&1 &
  app_pid=$!
  dotnet "$bench" raw-server --connection "$ConnectionStrings__Default" --url "$raw_url" >"$results/raw-server.log" 2>&1 &
  raw_pid=$!
  for _ in $(seq 1 120); do curl -fsS "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "$url/health/ready" >/dev/null || { cat "$results/app.log"; exit 1; }

  echo "Search and proposition pages ($rounds rounds)..."
  dotnet "$bench" measure --connection "$ConnectionStrings__Default" --url "$url" --token "$token" --rounds "$rounds" --results "$results/measure.json"

  echo "GET one claim: wrk against the app and against the raw endpoint..."
  sql "SELECT id FROM claims WHERE status = 'Published' ORDER BY md5(id::text) LIMIT 1000" >"$results/claim-ids.txt"
  cat >"$results/claims.lua" <<LUA
local ids = {}
for line in io.lines("$results/claim-ids.txt") do ids[#ids + 1] = line end
local i = 0
request = function()
  i = i % #ids + 1
  return wrk.format("GET", wrk.path .. ids[i], wrk.headers)
end
LUA
  for _ in $(seq 1 60); do curl -fsS "$raw_url/claims/$(head -n 1 "$results/claim-ids.txt")" >/dev/null 2>&1 && break; sleep 0.5; done
  wrk -t2 -c16 -d5s -s "$results/claims.lua" -H "Authorization: Bearer $token" "$url/api/v1/claims/" >/dev/null # warm-up
  wrk -t2 -c16 -d5s -s "$results/claims.lua" "$raw_url/claims/" >/dev/null
  wrk -t2 -c16 -d20s --latency -s "$results/claims.lua" -H "Authorization: Bearer $token" "$url/api/v1/claims/" >"$results/wrk-app.txt"
  wrk -t2 -c16 -d20s --latency -s "$results/claims.lua" "$raw_url/claims/" >"$results/wrk-raw.txt"
  grep -E "Requests/sec|Non-2xx" "$results/wrk-app.txt" "$results/wrk-raw.txt"
  kill "$raw_pid"; wait "$raw_pid" 2>/dev/null || true; raw_pid=

  echo "Memory per circuit ($sessions browser sessions)..."
  CT_BENCH_PASSWORD=$password dotnet "$bench" circuits --url "$url" --pid "$app_pid" --email "$email" --sessions "$sessions" \
    --chromium "${CT_CHROMIUM:-/usr/bin/chromium}" --results "$results/circuits.json"
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=

  echo "The review queue's first page..."
  dotnet "$bench" queue --connection "$ConnectionStrings__Default" --rounds "$rounds" --results "$results/queue.json"
  echo "The editor's save path..."
  dotnet "$bench" save --connection "$ConnectionStrings__Default" --claims 20000 --batch 500 --results "$results/save.json"

  dotnet "$bench" report --connection "$ConnectionStrings__Default" --results "$results" --out "$root/docs/performance.md"
  echo "Written: docs/performance.md (raw figures in artifacts/bench/)"
}

case "$action" in
  generate) generate ;;
  run) run ;;
  all) generate; run; evidence ;;
esac
