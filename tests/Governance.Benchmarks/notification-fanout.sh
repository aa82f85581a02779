#!/usr/bin/env bash
# Issue 16's notification fan-out in one command: builds the benchmarks in Release and runs
# `notification-fanout` (1,000,000 members, 100,000 delegating to one member who votes; 5 runs
# alone, then 5 with a writer taking the write lock 200 times a second). Prints the load average
# beside every run. Arguments pass through: MEMBERS DELEGATORS RUNS PROBE. NICE=-20 runs the
# measurement at that scheduling priority (needs root). Where the kernel groups threads by
# session (sched_autogroup_enabled), nice ranks them only within this session, so on a shared
# machine it does not give back the CPU of a quiet one.
#
#   tests/Governance.Benchmarks/notification-fanout.sh
#   tests/Governance.Benchmarks/notification-fanout.sh 1000000 100000 5 200
#   NICE=-20 tests/Governance.Benchmarks/notification-fanout.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export MSBUILDDISABLENODEREUSE=1
dotnet build -c Release -m:1 -v q -nologo "$here/Governance.Benchmarks.csproj" >&2
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet HEAD -- ../../core || echo '+changes'), nice ${NICE:-0},$(uptime | sed 's/.*load average:/ load average/')"
exec ${NICE:+nice -n "$NICE"} dotnet "$here/bin/Release/net10.0/Governance.Benchmarks.dll" notification-fanout "$@"
