#!/usr/bin/env sh
# What CI runs for the GraphQL engine: install graphql-js (pinned by package-lock.json) for the
# differential suite, then the engine's tests, which run it with node.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
(cd "$here" && npm ci --no-audit --no-fund)
dotnet test "$here/../Governance.GraphQL.Tests"
