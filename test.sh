#!/usr/bin/env bash
# Runs every test of Governance: the web client's component tests (Vitest), all .NET test
# projects, and the Node-side conformance and differential suites and the browser tests
# (Debian's Chromium) they drive. Installs what a fresh machine lacks (npm packages from
# the lock files, the chromium package) first, so this one command is all a newcomer or CI
# needs.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages a suite needs, installed when missing (sudo when not root).
install_debian() {
  local as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

for dir in tests/conformance tests/differential tests/Governance.Benchmarks/peer web-client; do
  if [ -f "$dir/package-lock.json" ]; then
    echo "== npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

# The storage and API suites also run on PostgreSQL: Debian's server binaries, of which the
# tests start a throw-away cluster of their own (the system service is not started).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== installing Debian's postgresql for the PostgreSQL storage and API tests"
  install_debian postgresql
fi

# The web client's browser tests drive Debian's Chromium (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium for the web client's browser tests"
  install_debian chromium
fi

# docs/api.md's getting-started is run as written: it needs curl.
if ! command -v curl >/dev/null 2>&1; then
  echo "== installing curl for the getting-started test"
  install_debian curl
fi

# The power-cut tests build an LD_PRELOAD shim with gcc and drive it from python3.
if ! command -v gcc >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
  echo "== installing gcc and python3 for the power-cut tests"
  install_debian gcc libc6-dev python3
fi

log=$(mktemp)
vitest_json=$(mktemp)
trap 'rm -f "$log" "$vitest_json"' EXIT
set +e
echo "== web client component tests (vitest)"
# The GraphQL types (src/gql/, not checked in) come from api/schema.graphql: generate them first,
# as the api's build does, or a fresh clone's components cannot import them.
(cd web-client && npm run --silent codegen && npx vitest run --reporter=default --reporter=json --outputFile="$vitest_json")
web_status=$?
# The long runs (load, the night of the vote: minutes each) have their own commands in
# docs/reliability.md.
dotnet test Governance.sln --nologo --filter "Category!=LongRun" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The same storage and API tests once more on PostgreSQL (see tests/Shared/PostgresServer.cs):
# what reads a SQLite file itself (migrations of a file, CLI, SQLite's statement trace) stays out,
# and so do the cost tests, whose 1-second promise is about the embedded demo (on this 2-core
# machine a PostgreSQL round trip per batch made documents near the limit take 1.1-1.3 s).
if [ "$status" -eq 0 ]; then
  echo "== storage and API tests on PostgreSQL"
  GOVERNANCE_TEST_PROVIDER=postgres dotnet test tests/Governance.Core.Tests --nologo --no-build "$@" \
    --filter "(FullyQualifiedName~Storage|FullyQualifiedName~Domain)&FullyQualifiedName!~MigratorTests" 2>&1 | tee -a "$log"
  status=${PIPESTATUS[0]}
fi
if [ "$status" -eq 0 ]; then
  GOVERNANCE_TEST_PROVIDER=postgres dotnet test tests/Governance.Api.Tests --nologo --no-build "$@" \
    --filter "(FullyQualifiedName~Schema|FullyQualifiedName~AccountsApiTests|FullyQualifiedName~TokensApiTests|FullyQualifiedName~GraphQLEndpointTests)&FullyQualifiedName!~Conformance&FullyQualifiedName!~DataLoaderTests&FullyQualifiedName!~CostTests" 2>&1 | tee -a "$log"
  status=${PIPESTATUS[0]}
fi
set -e
[ "$status" -ne 0 ] || status=$web_status

# dotnet test prints one summary per project; add them up into the one line CI reads.
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
# Plus the web client's, from vitest's JSON report.
vitest() { node -e "try { const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); console.log($1) } catch { console.log(0) }" "$vitest_json"; }
passed=$(( $(sum Passed) + $(vitest 'r.numPassedTests') ))
# A test file that cannot even load (a failed import) counts as a failure too.
failed=$(( $(sum Failed) + $(vitest "r.numFailedTests + r.testResults.filter(t => t.status === 'failed' && t.assertionResults.length === 0).length") ))
skipped=$(( $(sum Skipped) + $(vitest 'r.numPendingTests + r.numTodoTests') ))
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "a test runner exited with $status (a build or runner error, see above)" >&2
fi
exit "$status"
