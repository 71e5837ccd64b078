#!/usr/bin/env bash
# Measures import and export rates on a large generated file, against a throwaway instance:
# starts scripts/run.sh on its own PostgreSQL data folder and port, imports N claims (CSV, through
# the API, committed), imports the same file again (all unchanged), exports them as CSV and JSON,
# and exports the whole database. Prints one line per step: rows, seconds, rows per second, MB/s.
#   scripts/bench-exchange.sh [--claims N]   (default 100000)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
claims=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --claims) claims=$2; shift 2 ;;
    *) echo "usage: scripts/bench-exchange.sh [--claims N]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
[ "$(id -u)" = 0 ] && chmod 755 "$work"
port=$(( 5600 + RANDOM % 300 ))
url="http://127.0.0.1:$port"
run_pid=
cleanup() {
  if [ -n "$run_pid" ]; then kill -TERM "$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Starting a throwaway instance at $url..."
CONFLICTTRACKER_DATA="$work/postgres" CONFLICTTRACKER_URL="$url" "$root/scripts/run.sh" >"$work/run.log" 2>&1 &
run_pid=$!
for _ in $(seq 1 180); do grep -q "is running" "$work/run.log" && break; kill -0 "$run_pid" 2>/dev/null || { cat "$work/run.log"; exit 1; }; sleep 1; done
editor=$(grep -A1 "^  Editor" "$work/run.log" | grep -o 'ctpat_[A-Za-z0-9_-]*')
admin=$(grep -A1 "^  Admin" "$work/run.log" | grep -o 'ctpat_[A-Za-z0-9_-]*')

# 50 actors and 100 propositions with one measure each, then N claims spread over them.
awk 'BEGIN {
  for (a = 1; a <= 50; a++) printf "{\"type\":\"actor\",\"externalId\":\"bench-actor-%d\",\"name\":\"Bench actor %d\",\"kind\":\"GovernmentBody\"}\n", a, a;
  for (p = 1; p <= 100; p++) printf "{\"type\":\"proposition\",\"externalId\":\"bench-prop-%d\",\"statement\":\"Bench proposition %d\",\"measures\":\"soldiers:soldiers\"}\n", p, p;
}' >"$work/setup.jsonl"
awk -v n="$claims" 'BEGIN {
  print "externalId,proposition,actor,statedOn,stance,summary,measure,quantityMin,qualifier,status,quoteText,quoteLanguage";
  srand(7);
  for (i = 1; i <= n; i++) {
    p = 1 + int(100 * rand() * rand()); a = 1 + int(50 * rand() * rand());
    printf "bench-claim-%d,bench-prop-%d,bench-actor-%d,2024-%02d-%02d,Affirms,\"Report %d: about %d soldiers were seen moving near the border, according to the daily briefing.\",soldiers,%d,Approximately,Published,\"The soldiers had been moved by sea and rail over several nights, number %d.\",en\n", i, p, a, 1 + i % 12, 1 + i % 28, i, 1000 + i % 50, 1000 + i % 50, i;
  }
}' >"$work/claims.csv"
size=$(stat -c %s "$work/claims.csv")
mb=$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }')

curl -fsS -H "Authorization: Bearer $editor" -H 'Content-Type: application/x-ndjson' --data-binary @"$work/setup.jsonl" "$url/api/v1/import" >/dev/null

step() { # name rows bytes command...
  local name=$1 rows=$2 bytes=$3; shift 3
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  awk -v n="$name" -v r="$rows" -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN {
    t = e - s; printf "%-34s %9d rows %8.1f s %9.0f rows/s %7.1f MB/s\n", n, r, t, r / t, b / 1048576 / t }'
}
import() { curl -fsS -H "Authorization: Bearer $editor" -H 'Content-Type: text/csv' --data-binary @"$work/claims.csv" "$url/api/v1/import?type=claim" -o "$work/report.json"; }
export_csv() { curl -fsS -H "Authorization: Bearer $editor" "$url/api/v1/export/claims.csv?q=&status=Published" -o "$work/out.csv"; }
export_json() { curl -fsS -H "Authorization: Bearer $editor" "$url/api/v1/export/claims.json?status=Published" -o "$work/out.json"; }
export_full() { curl -fsS -H "Authorization: Bearer $admin" "$url/api/v1/export/full.json" -o "$work/full.json"; }

echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $claims claims, $mb MB of CSV"
step "import CSV (committed)" "$claims" "$size" import
grep -q '"committed":true' "$work/report.json" || { echo "the import was refused:"; head -c 2000 "$work/report.json"; exit 1; }
step "import the same file again" "$claims" "$size" import
grep -q '"created":0,"updated":0' "$work/report.json" || { echo "the re-import changed something:"; head -c 2000 "$work/report.json"; exit 1; }
step "export claims as CSV" "$claims" "$size" export_csv
step "export claims as JSON" "$claims" "$(stat -c %s "$work/claims.csv")" export_json
# The first read after a bulk load also writes (PostgreSQL sets hint bits on fresh rows): a second CSV export shows the steady rate.
step "export claims as CSV, again" "$claims" "$size" export_csv
step "full export (whole database)" "$claims" "$(stat -c %s "$work/claims.csv")" export_full
echo "(export MB/s are of the import file's size; output sizes: CSV $(stat -c %s "$work/out.csv") B, JSON $(stat -c %s "$work/out.json") B, full $(stat -c %s "$work/full.json") B)"
