#!/usr/bin/env bash
# Runs every test project against a throwaway PostgreSQL cluster and headless Debian Chromium.
# Installs what is missing (as root), builds once, runs the tests, checks the code's style, stops the cluster, and ends with
# the line "N passed, N failed, N skipped" summed over all test assemblies.
# Extra arguments go to dotnet test (e.g. --filter "FullyQualifiedName~Demo").
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/lib/postgres.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

"$root/scripts/install-prerequisites.sh" postgres chromium media node || exit 1

work=$(mktemp -d "${TMPDIR:-/tmp}/conflicttracker-test.XXXXXX")
[ "$(id -u)" = 0 ] && chmod 755 "$work"
cleanup() {
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# The test cluster is thrown away afterwards: no need to wait for the disk on every commit.
PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" pg_start "$work/postgres" || exit 1
export CT_TEST_POSTGRES=$PG_ADMIN_CONNECTION
export CT_CHROMIUM=${CT_CHROMIUM:-/usr/bin/chromium}
echo "Test PostgreSQL on 127.0.0.1:$PG_PORT"

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build "$root/ConflictTracker.sln" -c Release -v quiet -nologo || {
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
}

# One project at a time: on two cores, parallel browser and database tests only fight each other,
# and each assembly gets a results file of its own name.
status=0
projects=$(find "$root/tests" -name '*.Tests.csproj' | sort)
for project in $projects; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

# The code's style (scripts/check-style.sh: CSharpier's layout, dotnet format's .editorconfig rules,
# line lengths): drift fails CI like a failing test, and counts as one.
style=0
"$root/scripts/check-style.sh" || style=1

passed=0 failed=0 skipped=0 reports=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  reports=$((reports + 1))
  counters=$(grep -o '<Counters [^>]*' "$trx")
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

expected=$(printf '%s\n' $projects | wc -l)
if [ "$reports" -lt "$expected" ]; then
  echo "Only $reports of $expected test assemblies reported results; counting the rest as failed."
  failed=$((failed + expected - reports))
fi
[ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=1
if [ "$style" = 1 ]; then
  echo "The style check failed (see above)."
  failed=$((failed + 1))
  status=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ]
