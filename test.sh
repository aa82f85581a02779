#!/usr/bin/env bash
# Runs every test of Governance: all .NET test projects, and the Node-side conformance and
# differential suites they drive. Installs what a fresh machine lacks (npm packages from
# the lock files) first, so this one command is all a newcomer or CI needs.
set -euo pipefail
cd "$(dirname "$0")"

for dir in tests/conformance tests/differential tests/Governance.Benchmarks/peer web-client; do
  if [ -f "$dir/package-lock.json" ]; then
    echo "== npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Governance.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one summary per project; add them up into the one line CI reads.
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status (a build or runner error, see above)" >&2
fi
exit "$status"
