#!/usr/bin/env bash
# GraphQL over HTTP, side by side: our server (Release) and graphql-js 16 behind graphql-http,
# both serving tests/conformance/schema.graphql with the same data. Each server is pinned to
# core 0 and wrk to core 1; runs alternate between the servers so that noise from other work
# on the machine falls on both. Prints requests/sec and p50/p99 latency, median of RUNS.
#
#   tests/Governance.Benchmarks/http-bench.sh            # RUNS=3 DURATION=10s CONNECTIONS=32
#   RUNS=5 DURATION=20s tests/Governance.Benchmarks/http-bench.sh
#
# Needs: dotnet, node, wrk (apt-get install -y wrk), taskset; npm ci in tests/Governance.Benchmarks/peer.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-3s}"
CONNECTIONS="${CONNECTIONS:-32}"
OURS_PORT="${OURS_PORT:-5080}"
PEER_PORT="${PEER_PORT:-5081}"

for tool in wrk taskset node dotnet curl; do
  command -v "$tool" >/dev/null || { echo "http-bench: $tool is required" >&2; exit 1; }
done
[[ -d "$here/peer/node_modules" ]] || (cd "$here/peer" && npm ci --no-audit --no-fund >/dev/null)

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building our server (Release)"
dotnet build "$here/Governance.Benchmarks.csproj" -c Release -o "$work/ours" -v quiet -nologo >/dev/null

echo "== starting servers on core 0"
ASPNETCORE_ENVIRONMENT=Production taskset -c 0 dotnet "$work/ours/Governance.Benchmarks.dll" http-server "$OURS_PORT" >"$work/ours.log" 2>&1 &
pids+=($!)
taskset -c 0 node "$here/peer/server.mjs" "$PEER_PORT" >"$work/peer.log" 2>&1 &
pids+=($!)

wait_for() {
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$1" && return 0
    sleep 0.2
  done
  echo "http-bench: $1 did not start" >&2; cat "$work"/*.log >&2; exit 1
}
wait_for "http://127.0.0.1:$OURS_PORT/graphql"
wait_for "http://127.0.0.1:$PEER_PORT/graphql"

# The three request bodies; the introspection query is graphql-js's getIntrospectionQuery().
(cd "$here/peer" && node -e '
  const { getIntrospectionQuery } = require("graphql");
  const fs = require("node:fs");
  const out = process.argv[1];
  fs.writeFileSync(out + "/typename.json", JSON.stringify({ query: "{ __typename }" }));
  fs.writeFileSync(out + "/nested.json", JSON.stringify({ query: "{ items { id name color children { id name value } } }" }));
  fs.writeFileSync(out + "/introspection.json", JSON.stringify({ query: getIntrospectionQuery() }));
' "$work")

queries=(typename nested introspection)
for q in "${queries[@]}"; do
  cat >"$work/$q.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
local f = assert(io.open("$work/$q.json", "rb"))
wrk.body = f:read("*a")
f:close()
LUA
  # Both servers must answer 200 without errors, and with the same data, before timing anything.
  ours="$(curl -fs -X POST -H 'content-type: application/json' -H 'accept: application/graphql-response+json' --data-binary "@$work/$q.json" "http://127.0.0.1:$OURS_PORT/graphql")"
  peer="$(curl -fs -X POST -H 'content-type: application/json' -H 'accept: application/graphql-response+json' --data-binary "@$work/$q.json" "http://127.0.0.1:$PEER_PORT/graphql")"
  if [[ "$ours" == *'"errors"'* || "$peer" == *'"errors"'* ]]; then
    echo "http-bench: $q answered with errors" >&2; echo "ours: ${ours:0:300}" >&2; echo "peer: ${peer:0:300}" >&2; exit 1
  fi
  # Introspection lists the same types in another order, so only the others are compared byte for byte.
  if [[ "$q" != introspection && "$ours" != "$peer" ]]; then
    echo "http-bench: $q answers differ" >&2; echo "ours: ${ours:0:300}" >&2; echo "peer: ${peer:0:300}" >&2; exit 1
  fi
done

# One wrk run; prints "rps p50_ms p99_ms non2xx".
measure() {
  local port="$1" q="$2" duration="$3" out
  out="$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency -s "$work/$q.lua" "http://127.0.0.1:$port/graphql")"
  awk -v out="$out" 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    BEGIN { n = split(out, lines, "\n"); non2xx = 0
      for (i = 1; i <= n; i++) { split(lines[i], f, " ")
        if (lines[i] ~ /Requests\/sec/) rps = f[2]
        if (f[1] == "50%") p50 = ms(f[2])
        if (f[1] == "99%") p99 = ms(f[2])
        if (lines[i] ~ /Non-2xx/) non2xx = f[5] }
      printf "%s %.3f %.3f %s\n", rps, p50, p99, non2xx }'
}

echo "== measuring: $RUNS runs x ${#queries[@]} queries x 2 servers, $DURATION each (+$WARMUP warm-up), $CONNECTIONS connections"
for run in $(seq 1 "$RUNS"); do
  for q in "${queries[@]}"; do
    for server in ours peer; do
      port=$([[ $server == ours ]] && echo "$OURS_PORT" || echo "$PEER_PORT")
      measure "$port" "$q" "$WARMUP" >/dev/null
      read -r rps p50 p99 non2xx < <(measure "$port" "$q" "$DURATION")
      [[ "$non2xx" == 0 ]] || { echo "http-bench: $server $q had $non2xx non-2xx responses" >&2; exit 1; }
      echo "$q $server $rps $p50 $p99" >>"$work/results"
      printf '   run %d  %-13s %-4s %10.0f req/s  p50 %7.3f ms  p99 %7.3f ms\n' "$run" "$q" "$server" "$rps" "$p50" "$p99"
    done
  done
done

echo
echo "== median of $RUNS runs (min–max req/s)"
printf '| %-13s | %-28s | %-28s | %-7s |\n' query "ours req/s (p50 / p99 ms)" "graphql-js req/s (p50 / p99 ms)" ratio
for q in "${queries[@]}"; do
  row=()
  for server in ours peer; do
    row+=("$(awk -v q="$q" -v s="$server" '$1 == q && $2 == s { r[++n] = $3; a[n] = $4; b[n] = $5 }
      function med(x, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
        return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
      END { lo = r[1]; hi = r[1]; for (i = 1; i <= n; i++) { if (r[i] < lo) lo = r[i]; if (r[i] > hi) hi = r[i] }
        printf "%.0f %.0f %.0f %.2f %.2f", med(r, n), lo, hi, med(a, n), med(b, n) }' "$work/results")")
  done
  read -r o_med o_lo o_hi o_p50 o_p99 <<<"${row[0]}"
  read -r p_med p_lo p_hi p_p50 p_p99 <<<"${row[1]}"
  ratio="$(awk -v a="$o_med" -v b="$p_med" 'BEGIN { printf "%.1fx", a / b }')"
  printf '| %-13s | %6s (%s–%s) %s / %s | %6s (%s–%s) %s / %s | %-7s |\n' "$q" "$o_med" "$o_lo" "$o_hi" "$o_p50" "$o_p99" "$p_med" "$p_lo" "$p_hi" "$p_p50" "$p_p99" "$ratio"
done
