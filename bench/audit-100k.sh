#!/usr/bin/env bash
# Audits COUNT bucket records (default 100,000) two ways, with this build and, given BASELINE, another:
#   offline - `audit --policies FILE.jsonl`, the rows read from a file;
#   Config  - `audit --config-aggregator`, the same rows served by bench/config-stub.py, a stub of AWS
#             Config's SelectAggregateResourceConfig in its wire format that waits LATENCY ms (default
#             50-100, uniform) before each answer, and throttles THROTTLE of the calls (default 0).
# Each run reports wall and CPU time (user + system) and peak RSS (/usr/bin/time), and every bucket's
# verdict is checked against the verdict its template must get (bench/audit-records.py --truth); the
# script fails if one differs. The records are AWS Config rows that bench/audit-records.py fills from
# published policy templates (src/test/resources/audit/SOURCES.md), ACCOUNTS accounts (default 200) in
# four regions, every encoding Config uses, each account with its own inside (its VPC, endpoint and
# role: --accounts FILE).
#   bench/audit-100k.sh [COUNT] [ACCOUNTS]
#   BASELINE=DIR bench/audit-100k.sh      also runs DIR/gtvpc (a checkout or install of the last release),
#                                         alternating with this build, and prints both side by side
# GTVPC_JAVA_OPTS passes JVM flags to both (default -Xmx512m: the audit must stream).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
accounts="${2:-200}"
latency="${LATENCY:-50-100}"
throttle="${THROTTLE:-0}"
export GTVPC_JAVA_OPTS="${GTVPC_JAVA_OPTS:--Xmx512m}"
builds=(this)
./gtvpc --version >/dev/null          # builds target/gtvpc.jar when needed
if [ -n "${BASELINE:-}" ]; then
  [ -x "$BASELINE/gtvpc" ] || { echo "BASELINE: $BASELINE/gtvpc is not a gtvpc launcher" >&2; exit 2; }
  builds+=(baseline)
fi
launcher() { if [ "$1" = this ]; then echo ./gtvpc; else echo "$BASELINE/gtvpc"; fi; }
dir="$(mktemp -d)"
stub=""
trap '[ -n "$stub" ] && kill "$stub" 2>/dev/null; rm -rf "$dir"' EXIT
python3 bench/audit-records.py --count "$count" --accounts "$accounts" --shape config --inside "$dir/inside.json" \
  --truth "$dir/truth.json" > "$dir/rows.jsonl"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 bench/config-stub.py "$dir/rows.jsonl" "$port" --latency-ms "$latency" --throttle "$throttle" &
stub=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.2; done
echo "records: $count ($(du -h "$dir/rows.jsonl" | cut -f1)), $accounts accounts, 4 regions; Config stub: $latency ms a call," \
  "$throttle of the calls throttled"
echo "machine: $(nproc) processors, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; JVM flags: $GTVPC_JAVA_OPTS"

run() { # BUILD NAME ARGS...: one timed audit; its CSV in $dir/BUILD-NAME.csv, its figures appended to $dir/results
  local build="$1" name="$2"; shift 2
  local out="$dir/$build-$name"
  (
    if [ "$name" = config ]; then
      export AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench AWS_ENDPOINT_URL_CONFIG_SERVICE="http://127.0.0.1:$port" HOME="$dir"
    fi
    /usr/bin/time -f "%e %U %S %M" -o "$out.time" "$(launcher "$build")" audit "$@" --accounts "$dir/inside.json" --format csv \
      > "$out.csv" 2> "$out.summary" || [ $? -eq 1 ]
  )
  local verdicts
  verdicts=$(python3 - "$out.csv" "$dir/truth.json" <<'PY'
import csv, json, re, sys
truth = json.load(open(sys.argv[2]))
rows = wrong = 0
for r in csv.DictReader(open(sys.argv[1])):
    rows += 1
    template = re.sub(r"^labeling-(.*)-[0-9]+$", r"\1", r["bucket"])
    if truth.get(template) != r["verdict"]:
        wrong += 1
        if wrong <= 3:
            print("  wrong: %s is %s, expected %s" % (r["bucket"], r["verdict"], truth.get(template)), file=sys.stderr)
print("%d/%d" % (rows - wrong, rows))
PY
  )
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  read -r wall user sys rss < "$out.time"
  awk -v b="$build" -v n="$name" -v c="$count" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v v="$verdicts" -v l="$load" 'BEGIN {
    printf "%-8s %-8s %6.1f s wall %6.1f s CPU %5.0f MB peak RSS  %6.0f buckets/s  verdicts right %s  (load %s)\n",
      n, b, w, u + s, m / 1024, c / w, v, l }' | tee -a "$dir/results"
  grep -v '^[[:space:]]*$' "$out.summary" | sed "s/^/           /"
}
for name in offline config; do
  for build in "${builds[@]}"; do
    if [ "$name" = offline ]; then
      run "$build" offline --policies "$dir/rows.jsonl"
    else
      run "$build" config --config-aggregator bench --region us-east-1
    fi
  done
done
echo
cat "$dir/results"
echo "goals: Config under 60 s wall, offline under 30 s wall, on 2 cores with -Xmx512m"
# every bucket's verdict is the one its template must get, whichever way it was read
! grep -v "verdicts right \([0-9]*\)/\1 " "$dir/results" >/dev/null || { echo "verdicts: some DIFFER from the generator's truth"; exit 1; }
echo "verdicts: every bucket's is the one its template must get, in every run"
