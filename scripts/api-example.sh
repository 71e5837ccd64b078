#!/usr/bin/env bash
# A client of the ConflictTracker API, end to end, with nothing but curl:
# signs in with a token, searches, enters a sourced claim, reads it back and exports the result.
#   CT_URL    the app (default http://localhost:5080)
#   CT_TOKEN  an Editor's API token (scripts/run.sh prints one per demo account; or /account/tokens)
set -euo pipefail

url=${CT_URL:-http://localhost:5080}
token=${CT_TOKEN:?Set CT_TOKEN to an Editor API token (scripts/run.sh prints one for editor@demo.conflicttracker.local)}
api="$url/api/v1"
auth=(-H "Authorization: Bearer $token")

# The first "id" in a JSON answer (enough for this example; use jq in real clients).
first_id() { grep -o '"id":"[0-9a-f-]*"' | head -n 1 | cut -d'"' -f4; }

echo "1. Search: claims mentioning Vladivostok"
curl -fsS "${auth[@]}" "$api/claims?q=Vladivostok&size=3" | grep -o '"summary":"[^"]*"' | sed 's/^/   /'

echo "2. Look up the records the new claim refers to"
proposition=$(curl -fsS "${auth[@]}" "$api/propositions" | grep -o '"id":"[0-9a-f-]*","name":"North Korean troops are deployed to Russia[^"]*"' | head -n 1 | cut -d'"' -f4)
actor=$(curl -fsS "${auth[@]}" "$api/actors?q=National%20Intelligence%20Service" | first_id)
source=$(curl -fsS "${auth[@]}" "$api/sources?q=Are%20North%20Korean%20troops%20fighting" | first_id)
echo "   proposition $proposition, actor $actor, source $source"

echo "3. Enter a sourced claim"
created=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -X POST "$api/claims" --data @- <<JSON
{
  "propositionId": "$proposition",
  "actorId": "$actor",
  "statedOn": "2024-11-13",
  "stance": "Affirms",
  "summary": "The NIS told lawmakers that North Korean troops had begun fighting in Kursk (entered by scripts/api-example.sh).",
  "status": "Published",
  "sourceId": "$source",
  "citationRole": "Republication"
}
JSON
)
claim=$(printf '%s' "$created" | first_id)
echo "   created claim $claim"

echo "4. Read it back (the ETag is the version to send with If-Match when changing it)"
curl -fsS -D - -o /dev/null "${auth[@]}" "$api/claims/$claim" | grep -i '^etag' | sed 's/^/   /'

echo "5. Export the claims on that proposition stated in November 2024 as CSV"
curl -fsS "${auth[@]}" "$api/export/claims.csv?proposition=$proposition&stated-from=2024-11-01&stated-to=2024-11-30" -o claims-export.csv
echo "   wrote claims-export.csv ($(($(wc -l < claims-export.csv) - 1)) claims):"
sed 's/^/   /' claims-export.csv | cut -c1-160
