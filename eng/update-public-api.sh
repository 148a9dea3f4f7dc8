#!/usr/bin/env bash
# Adds new public symbols to PublicAPI.Unshipped.txt and drops removed ones, from the PublicApiAnalyzers
# diagnostics (RS0016 new symbol, RS0017 removed symbol). Review the diff: it is the public-surface change.
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-src/Engagement.Metrics/Engagement.Metrics.csproj}
dir=$(dirname "$project")
log=$(mktemp)
dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false -nologo -clp:NoSummary > "$log" 2>&1 || true
grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u > "$log.add" || true
grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but is either not public or could not be found)" "$log" | sort -u > "$log.remove" || true
unshipped="$dir/PublicAPI.Unshipped.txt"
{
  echo '#nullable enable'
  { grep -v '^#nullable' "$unshipped" | grep -vxF -f "$log.remove" || true; cat "$log.add"; } | sed '/^$/d' | sort -u
} > "$log.new"
mv "$log.new" "$unshipped"
echo "added $(wc -l < "$log.add"), removed $(wc -l < "$log.remove") public API lines in $unshipped"
