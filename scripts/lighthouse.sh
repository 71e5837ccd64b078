#!/usr/bin/env bash
# Lighthouse (mobile, the default: a Moto G Power on slow 4G, simulated) against the app as deployed:
# published, Production settings, the demo data, signed in as an analyst. Pages: /claims and one claim page.
# Writes the Lighthouse section of docs/performance.md; the full reports go to artifacts/lighthouse/.
#   scripts/lighthouse.sh [--runs N]    (default 3 runs per page; the median run's scores are reported)
# Its PostgreSQL cluster lives in $CONFLICTTRACKER_LIGHTHOUSE_DATA (default /var/tmp/conflicttracker-lighthouse)
# and is made afresh each run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/lib/postgres.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    *) sed -n '2,8p' "$0" >&2; exit 2 ;;
  esac
done

"$root/scripts/install-prerequisites.sh" postgres chromium node
(cd "$root/bench/lighthouse" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

data=${CONFLICTTRACKER_LIGHTHOUSE_DATA:-/var/tmp/conflicttracker-lighthouse}
results="$root/artifacts/lighthouse"
web="$results/app"
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  pg_stop
}
trap cleanup EXIT INT TERM

rm -rf "$results" && mkdir -p "$results"
echo "Publishing the app (Release)..."
dotnet publish "$root/src/ConflictTracker.Web/ConflictTracker.Web.csproj" -c Release -o "$web" -v quiet -nologo >/dev/null
app() { (cd "$web" && dotnet ConflictTracker.Web.dll "$@"); }

if [ -f "$data/postgres/data/postmaster.pid" ]; then
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data/postgres/data" -m fast -w stop >/dev/null 2>&1 || true
fi
rm -rf "$data"
pg_start "$data/postgres" >/dev/null
export ConnectionStrings__Default
ConnectionStrings__Default=$(pg_connection conflicttracker)
app migrate --seed-demo >/dev/null

email="lighthouse-$(date +%s)@lighthouse.example"
password=$(app admin create-user --email "$email" --name "Lighthouse analyst" --role Analyst | grep -o 'shown once[^:]*: .*' | sed 's/.*: //')
claim=$(PGPASSWORD=$(cat "$data/postgres/password") "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d conflicttracker \
  -Atqc "SELECT id FROM claims WHERE status = 'Published' ORDER BY stated_on DESC, id LIMIT 1")

port=$(pg_free_port 5790)
url="http://127.0.0.1:$port"
(cd "$web" && ASPNETCORE_ENVIRONMENT=Production exec dotnet ConflictTracker.Web.dll --urls "$url") >"$results/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fsS "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$url/health/ready" >/dev/null || { cat "$results/app.log"; exit 1; }

# Sign in through the static sign-in form, as a browser would, and hand the cookie to Lighthouse.
jar="$results/cookies.txt"
form=$(curl -fsS -c "$jar" "$url/account/login")
antiforgery=$(printf '%s' "$form" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fsS -b "$jar" -c "$jar" -o /dev/null -X POST "$url/account/login" \
  --data-urlencode "_handler=sign-in" --data-urlencode "__RequestVerificationToken=$antiforgery" \
  --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$password"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url/claims")
[ "$status" = 200 ] || { echo "Signing in failed: /claims answered $status" >&2; exit 1; }

lighthouse="$root/bench/lighthouse/node_modules/.bin/lighthouse"
for page in claims claim; do
  path=/claims
  [ "$page" = claim ] && path="/claims/$claim"
  for run in $(seq 1 "$runs"); do
    echo "Lighthouse: $path (run $run of $runs)..."
    "$lighthouse" "$url$path" --quiet --output=json --output-path="$results/$page-$run.json" \
      --only-categories=performance,accessibility,best-practices \
      --extra-headers="$(node -e 'console.log(JSON.stringify({ Cookie: process.argv[1] }))' "$cookie")" \
      --chrome-path="${CT_CHROMIUM:-/usr/bin/chromium}" \
      --chrome-flags="--headless=new --no-sandbox --disable-dev-shm-usage" >/dev/null
  done
done

node "$root/bench/lighthouse/report.mjs" "$results" "$runs" "$root/docs/performance.md" "scripts/lighthouse.sh --runs $runs"
