#!/usr/bin/env bash
# Audits COUNT bucket records (default 100,000) twice in one go, through the launcher (so its JVM flags):
#   offline  - `audit --policies FILE.jsonl`, the rows read from a file;
#   Config   - `audit --config-aggregator`, the same rows served by bench/config-stub.py, a stub of AWS
#              Config's SelectAggregateResourceConfig in its wire format that waits LATENCY ms (default
#              50-100, uniform) before each answer, and throttles THROTTLE of the calls (default 0).
# Each reports wall and CPU time and peak memory (/usr/bin/time), and the two must give every bucket the
# same verdict. The records are AWS Config rows that bench/audit-records.py fills from published policy
# templates (src/test/resources/audit/SOURCES.md), ACCOUNTS accounts (default 200) in four regions, every
# encoding Config uses, with each account's own inside (its VPC, endpoint and role: --accounts FILE).
#   bench/audit-100k.sh [COUNT] [ACCOUNTS]
# GTVPC_JAVA_OPTS passes JVM flags (default -Xmx512m, to show the audit streams); GTVPC sets the command
# to run instead of ./gtvpc (another build, to compare: GTVPC='java -cp OTHER.jar dev.gtvpc.cli.Main').
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
accounts="${2:-200}"
latency="${LATENCY:-50-100}"
throttle="${THROTTLE:-0}"
export GTVPC_JAVA_OPTS="${GTVPC_JAVA_OPTS:--Xmx512m}"
if [ -n "${GTVPC:-}" ]; then
  read -r -a gtvpc <<< "$GTVPC"
  gtvpc=("${gtvpc[0]}" $GTVPC_JAVA_OPTS "${gtvpc[@]:1}")
else
  gtvpc=(./gtvpc)
  ./gtvpc --version >/dev/null          # builds target/gtvpc.jar when needed
fi
dir="$(mktemp -d)"
stub=""
trap '[ -n "$stub" ] && kill "$stub" 2>/dev/null; rm -rf "$dir"' EXIT
python3 bench/audit-records.py --count "$count" --accounts "$accounts" --shape config --inside "$dir/inside.json" > "$dir/rows.jsonl"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 bench/config-stub.py "$dir/rows.jsonl" "$port" --latency-ms "$latency" --throttle "$throttle" &
stub=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
echo "records: $count ($(du -h "$dir/rows.jsonl" | cut -f1)), $accounts accounts, 4 regions; $(nproc) processors, load average $(cut -d' ' -f1-3 /proc/loadavg); JVM flags: $GTVPC_JAVA_OPTS"

run() { # NAME ARGS...: one timed audit, its CSV in $dir/NAME.csv
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$dir/$name.time" "${gtvpc[@]}" audit "$@" --accounts "$dir/inside.json" --format csv \
    > "$dir/$name.csv" 2> "$dir/$name.summary" || [ $? -eq 1 ]
  grep -v '^[[:space:]]*$' "$dir/$name.summary" | sed "s/^/  $name: /"
  read -r wall user sys rss < "$dir/$name.time"
  awk -v name="$name" -v n="$count" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" 'BEGIN {
    printf "%-8s %d buckets in %.1f s wall (%.0f buckets/s; %.1f s CPU), peak RSS %.0f MB\n", name, n, w, n / w, u + s, m / 1024 }'
}
run offline --policies "$dir/rows.jsonl"
(
  export AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench AWS_ENDPOINT_URL_CONFIG_SERVICE="http://127.0.0.1:$port" HOME="$dir"
  run config --config-aggregator bench --region us-east-1
)
echo "Config stub: $latency ms a call, ${throttle} of the calls throttled"
# the same buckets, the same verdicts (column 4), whichever way they were read
if cmp -s <(cut -d, -f1-4 "$dir/offline.csv" | sort) <(cut -d, -f1-4 "$dir/config.csv" | sort); then
  echo "verdicts: the same for every bucket, offline and through Config"
else
  echo "verdicts: offline and Config DIFFER"; exit 1
fi
cut -d, -f4 "$dir/offline.csv" | tail -n +2 | sort | uniq -c | sort -rn
