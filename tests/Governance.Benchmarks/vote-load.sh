#!/usr/bin/env bash
# Durable votes over HTTP: the GraphQL `vote` mutation against the real server (Release), with
# group commit (the default) and, as the peer in the same run, one transaction per vote
# (Storage:GroupCommit=false). SQLite in WAL with synchronous=FULL in both.
#
# Each server seeds the demo organisation into its own fresh data folder; the script registers
# CLIENTS members through the REST API and makes each a personal access token with the vote
# scope only, so every request is authenticated, scope-checked and rate-limited per member as a
# third-party client's would be (the per-member budget stays at its default of 100 requests/s;
# only the sign-in budget is raised, for the registrations). wrk keeps CLIENTS connections
# busy; request n is member n mod CLIENTS voting on one of the proposals in voting, cycling
# yes/no/abstain, so most requests change a stored vote. A response counts as acknowledged only
# if it is 200 with `"errors":null` in the payload; anything else fails the run.
#
# Per run and server: throughput, p50/p99 latency (wrk --latency), the server process's CPU
# time over the measured window (utime+stime from /proc), and a check that the database holds
# at least as many new vote.cast events as votes were acknowledged. Runs alternate between the
# two servers. At the end both servers are stopped and `verify-log` checks each hash chain.
#
#   tests/Governance.Benchmarks/vote-load.sh                   # RUNS=3 DURATION=10s CLIENTS=128
#   RUNS=5 DURATION=20s tests/Governance.Benchmarks/vote-load.sh
#   PEER=0 tests/Governance.Benchmarks/vote-load.sh            # group commit only
#
# Needs: dotnet, wrk (apt-get install -y wrk), python3, curl.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-3s}"
INITIAL_WARMUP="${INITIAL_WARMUP:-20s}"
CLIENTS="${CLIENTS:-128}"
MEMBERS="${MEMBERS:-2000}"
PEER="${PEER:-1}"

for tool in wrk python3 dotnet curl; do
  command -v "$tool" >/dev/null || { echo "vote-load: $tool is required" >&2; exit 1; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "== building the server (Release)"
dotnet build "$repo/api/Governance.Api.csproj" -c Release -o "$work/api" -p:SkipWebClientBuild=true -v quiet -nologo >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }

modes=(grouped)
[[ "$PEER" == 1 ]] && modes+=(ungrouped)
declare -A port pid data
for mode in "${modes[@]}"; do
  port[$mode]="$(free_port)"
  data[$mode]="$work/data-$mode"
  mkdir -p "${data[$mode]}"
  ASPNETCORE_ENVIRONMENT=Production \
  Storage__DataDirectory="${data[$mode]}" \
  Storage__GroupCommit="$([[ $mode == grouped ]] && echo true || echo false)" \
  Demo__Members="$MEMBERS" \
  RateLimits__SignInAttemptsPerMinute=100000 \
  Logging__LogLevel__Default=Warning \
    dotnet "$work/api/Governance.Api.dll" serve --urls "http://127.0.0.1:${port[$mode]}" >"$work/$mode.log" 2>&1 &
  pid[$mode]=$!
  pids+=("${pid[$mode]}")
done

for mode in "${modes[@]}"; do
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:${port[$mode]}/health" && break
    kill -0 "${pid[$mode]}" 2>/dev/null || { echo "vote-load: the $mode server exited" >&2; cat "$work/$mode.log" >&2; exit 1; }
    sleep 0.2
  done
  curl -fs -o /dev/null "http://127.0.0.1:${port[$mode]}/health" || { echo "vote-load: the $mode server did not start" >&2; cat "$work/$mode.log" >&2; exit 1; }
done

echo "== registering $CLIENTS members with vote-scoped tokens on each server"
for mode in "${modes[@]}"; do
  python3 "$here/vote-load-setup.py" "http://127.0.0.1:${port[$mode]}" "$CLIENTS" "$work/$mode.lua" "$work/$mode.setup.json"
done

# One wrk run; prints "rps p50_ms p99_ms acknowledged failed cpu_s".
ticks="$(getconf CLK_TCK)"
cpu_of() { awk -v t="$ticks" '{ print ($14 + $15) / t }' "/proc/$1/stat"; }
vote_events() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM event_log WHERE type = '"'vote.cast'"'").fetchone()[0])' "$1/governance.db"; }
measure() {
  local mode="$1" duration="$2" out cpu0 cpu1 events0 events1
  cpu0="$(cpu_of "${pid[$mode]}")"
  events0="$(vote_events "${data[$mode]}")"
  out="$(wrk -t1 -c"$CLIENTS" -d"$duration" --timeout 10s --latency -s "$work/$mode.lua" "http://127.0.0.1:${port[$mode]}/graphql")"
  cpu1="$(cpu_of "${pid[$mode]}")"
  events1="$(vote_events "${data[$mode]}")"
  awk -v out="$out" -v cpu="$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { print b - a }')" -v events="$((events1 - events0))" \
    'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    BEGIN { n = split(out, lines, "\n"); failed = 0; acknowledged = 0
      for (i = 1; i <= n; i++) { split(lines[i], f, " ")
        if (lines[i] ~ /Requests\/sec/) rps = f[2]
        if (f[1] == "50%") p50 = ms(f[2])
        if (f[1] == "99%") p99 = ms(f[2])
        if (f[1] == "acknowledged") acknowledged = f[2]
        if (f[1] == "failed") failed = f[2]
        if (lines[i] ~ /Socket errors/) failed = failed + 1 }
      if (acknowledged > events) { printf "vote-load: %d votes acknowledged but only %d vote.cast events written\n", acknowledged, events > "/dev/stderr"; exit 1 }
      printf "%s %.3f %.3f %d %d %.2f\n", rps, p50, p99, acknowledged, failed, cpu }'
}

# Tiered JIT keeps recompiling hot code for tens of seconds on a busy machine (perf showed
# libclrjit at 13-19 % of the server's CPU 15-30 s in); warm each server well before timing.
for mode in "${modes[@]}"; do
  measure "$mode" "$INITIAL_WARMUP" >/dev/null
done

echo "== measuring: $RUNS runs x ${#modes[@]} servers, $DURATION each (+$WARMUP warm-up), $CLIENTS connections"
for run in $(seq 1 "$RUNS"); do
  for mode in "${modes[@]}"; do
    measure "$mode" "$WARMUP" >/dev/null
    load="$(cut -d' ' -f1 /proc/loadavg)"
    read -r rps p50 p99 acknowledged failed cpu < <(measure "$mode" "$DURATION") || true
    [[ -n "${rps:-}" ]] || { echo "vote-load: the $mode run produced no figures" >&2; exit 1; }
    [[ "$failed" == 0 ]] || { echo "vote-load: $mode had $failed failed requests (non-200, user errors or socket errors)" >&2; exit 1; }
    echo "$mode $rps $p50 $p99 $cpu $acknowledged $load" >>"$work/results"
    printf '   run %d  %-9s %8.0f votes/s  p50 %8.2f ms  p99 %8.2f ms  server CPU %6.2f s (%5.0f us/vote)  load %s\n' \
      "$run" "$mode" "$rps" "$p50" "$p99" "$cpu" "$(awk -v c="$cpu" -v n="$acknowledged" 'BEGIN { print n ? c * 1e6 / n : 0 }')" "$load"
  done
done

for mode in "${modes[@]}"; do
  kill "${pid[$mode]}"
  wait "${pid[$mode]}" 2>/dev/null || true
  dotnet "$work/api/Governance.Api.dll" verify-log --data "${data[$mode]}" >"$work/$mode.verify" 2>&1 \
    || { echo "vote-load: the $mode server's event log does not verify" >&2; cat "$work/$mode.verify" >&2; exit 1; }
  echo "== $mode: $(tail -n1 "$work/$mode.verify")"
done

echo
echo "== median of $RUNS runs (min–max), $CLIENTS clients, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
printf '| %-9s | %-22s | %-13s | %-13s | %-16s |\n' mode "votes/s" "p50 ms" "p99 ms" "CPU us/vote"
for mode in "${modes[@]}"; do
  awk -v m="$mode" '$1 == m { r[++n] = $2; a[n] = $3; b[n] = $4; c[n] = $5 * 1e6 / $6 }
    function med(x, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
      return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
    function lo(x, n,   i, v) { v = x[1]; for (i = 2; i <= n; i++) if (x[i] < v) v = x[i]; return v }
    function hi(x, n,   i, v) { v = x[1]; for (i = 2; i <= n; i++) if (x[i] > v) v = x[i]; return v }
    END { printf "| %-9s | %6.0f (%.0f–%.0f) | %5.2f (%.2f–%.2f) | %5.1f (%.1f–%.1f) | %4.0f (%.0f–%.0f) |\n", m,
      med(r, n), lo(r, n), hi(r, n), med(a, n), lo(a, n), hi(a, n), med(b, n), lo(b, n), hi(b, n), med(c, n), lo(c, n), hi(c, n) }' "$work/results"
done
