#!/usr/bin/env bash
# Scores the article-intake extractor on the gold set (tests/intake-gold, docs/intake.md): per article and
# overall, precision, recall and F1 of attributions and the accuracy of stance, figure, statement date,
# proposition (top 3) and citation role. No database: the gazetteer is the demo data.
#   scripts/eval-intake.sh             the development set (tests/intake-gold)
#   scripts/eval-intake.sh --verbose   also every miss (-), extra (+) and wrong field (~)
# Further arguments go to the evaluation tool (bench/ConflictTracker.Intake.Eval).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/bench/ConflictTracker.Intake.Eval" -c Release -v quiet -nologo >/dev/null
exec dotnet "$root/bench/ConflictTracker.Intake.Eval/bin/Release/net10.0/ConflictTracker.Intake.Eval.dll" "$@"
