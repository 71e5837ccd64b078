#!/usr/bin/env bash
# Runs ConflictTracker locally: starts a project-local PostgreSQL unless ConnectionStrings__Default
# is set, applies migrations, loads the demo data (idempotently) and serves the app.
# Ctrl-C or SIGTERM stops the app and the PostgreSQL this script started.
#   URL: $CONFLICTTRACKER_URL (default http://localhost:5080)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/lib/postgres.sh"

url=${CONFLICTTRACKER_URL:-http://localhost:5080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

app_pid=
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ffmpeg and poppler-utils read and preview the evidence files (docs/rules/evidence.md).
"$root/scripts/install-prerequisites.sh" media || exit 1
# Evidence files are kept content-addressed in this folder (back it up with the database:
# docs/rules/evidence-storage.md), unless Evidence__Store=s3 names an object store.
export Evidence__Disk__Root=${Evidence__Disk__Root:-$root/.data/evidence}

if [ -z "${ConnectionStrings__Default:-}" ]; then
  "$root/scripts/install-prerequisites.sh" postgres
  data_dir=${CONFLICTTRACKER_DATA:-$root/.data/postgres}
  if [ "$(id -u)" = 0 ] && [ -z "${CONFLICTTRACKER_DATA:-}" ] && ! runuser -u postgres -- test -x "$root"; then
    # A checkout in a private folder (/root/...): the cluster runs as postgres, who cannot enter it.
    data_dir=/var/lib/conflicttracker/$(printf '%s' "$root" | md5sum | cut -c1-12)/postgres
    echo "The postgres OS user cannot enter $root; the local database lives in $data_dir instead."
  fi
  pg_start "$data_dir"
  export ConnectionStrings__Default
  ConnectionStrings__Default=$(pg_connection conflicttracker)
  echo "PostgreSQL: 127.0.0.1:$PG_PORT, data in $data_dir"
else
  echo "PostgreSQL: using the configured ConnectionStrings__Default"
fi

echo "Building..."
dotnet build "$root/src/ConflictTracker.Web/ConflictTracker.Web.csproj" -c Release -v quiet -nologo
out="$root/src/ConflictTracker.Web/bin/Release/net10.0"

cd "$out"
dotnet ConflictTracker.Web.dll migrate --seed-demo
accounts=
if [ "$ASPNETCORE_ENVIRONMENT" = Development ]; then
  # One account per role with a fresh random password each start (Development only).
  accounts=$(dotnet ConflictTracker.Web.dll admin demo-accounts | grep -v '^{' | grep -v '^\[')
fi

dotnet ConflictTracker.Web.dll --urls "$url" &
app_pid=$!

for _ in $(seq 1 60); do
  if curl -fsS "$url/health/ready" >/dev/null 2>&1; then
    echo
    echo "ConflictTracker is running at $url (claims: $url/claims). Ctrl-C stops it."
    [ -n "$accounts" ] && echo "$accounts"
    break
  fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done

wait "$app_pid"
