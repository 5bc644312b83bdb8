#!/usr/bin/env bash
# Load benchmark of the server with wrk from a second process (issue 3's targets):
#   POST /api/v1/decisions   at 32 connections: saturated, then paced (PACE_MS) for latency at a given rate
#   POST /api/v1/assessments at 32 connections on PostgreSQL (with --postgres URL)
# Usage: outbound-app/bench/run.sh [--postgres JDBC_URL] [--warm SECONDS] [--seconds SECONDS] [--paces "4 3"]
# The server runs as `./outbound serve` does, from a fresh directory under target/, bound to 127.0.0.1; each figure
# comes with the server's CPU time per request and the load average.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pg="" warm=150 secs=30 paces="4 3"
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) pg="$2"; shift 2 ;;
    --warm) warm="$2"; shift 2 ;;
    --seconds) secs="$2"; shift 2 ;;
    --paces) paces="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
work="$root/outbound-app/target/bench-run"
rm -rf "$work"; mkdir -p "$work"; cd "$work"
port=18080 path=/api/v1/decisions
if [ -n "$pg" ]; then
  port=18081 path=/api/v1/assessments
  export OUTBOUND_DB_URL="$pg" OUTBOUND_LEDGER_KEY="${OUTBOUND_LEDGER_KEY:-$(head -c 32 /dev/urandom | base64)}"
fi
"$root/outbound" users add "bench$$" --role ANALYST 2>/dev/null | tail -1 > token.txt
"$root/outbound" serve --address 127.0.0.1 --port "$port" > server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 1; done
pid=$(ss -ltnp | grep ":$port " | grep -o 'pid=[0-9]*' | cut -d= -f2)
export SCENARIO="$here/bank.json" TOKEN="$(cat token.txt)"
url="http://127.0.0.1:$port$path"
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
measure() { # label, then wrk options
  local label="$1"; shift
  local a b ba bb out n wrkcpu
  TIMEFORMAT='%U %S'
  a=$(cpu); ba=$(busy)
  { time wrk -t2 -c32 -d"${secs}"s --latency -s "$here/post.lua" "$@" "$url" > wrk.out ; } 2> wrk.time
  b=$(cpu); bb=$(busy); out=$(cat wrk.out)
  wrkcpu=$(awk '{print ($1 + $2)}' wrk.time)
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  # what other processes took of the two cores while it ran: all busy time less the server's and wrk's
  printf '%-14s %s | %s | server CPU %s ms/request | others %s%% of the cores\n' "$label" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2 " req/s"}')" "$(echo "$out" | grep '^p50')" \
    "$(echo "scale=3; ($b - $a) * 1000 / $tck / $n" | bc)" \
    "$(echo "scale=0; (($bb - $ba) / $tck - ($b - $a) / $tck - $wrkcpu) * 100 / ($secs * $(nproc))" | bc)"
  echo "$out" | grep -E 'Non-2xx|Socket errors' || true
}
echo "warming up for ${warm}s (the JIT compiles the Spring stack)..." >&2
wrk -t2 -c32 -d"${warm}"s -s "$here/post.lua" "$url" > /dev/null
echo "$path, 32 connections, ${secs}s each, $(nproc) cores"
measure saturated
measure saturated
for p in $paces; do PACE_MS=$p measure "paced ${p} ms"; done
