#!/usr/bin/env bash
# Audits COUNT bucket records (default 100,000) in one run of gtvpc (the launcher, so its JVM flags)
# and reports the wall and CPU time, the peak memory, and the share of distinct policies.
# The records are AWS Config SelectAggregateResourceConfig rows that bench/audit-records.py fills
# from published policy templates (src/test/resources/audit/SOURCES.md), ACCOUNTS accounts in four
# regions, every encoding Config uses; buckets stamped from one template in one account and region
# share a proof.
#   bench/audit-100k.sh [COUNT] [ACCOUNTS]
# GTVPC_JAVA_OPTS passes JVM flags (the run below bounds the heap at 256 MB to show the audit streams).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
accounts="${2:-200}"
./gtvpc --version >/dev/null          # builds target/gtvpc.jar when needed
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 bench/audit-records.py --count "$count" --accounts "$accounts" --shape config > "$dir/aggregator.jsonl"
echo "records: $count ($(du -h "$dir/aggregator.jsonl" | cut -f1)), $(nproc) processors, load average $(cut -d' ' -f1-3 /proc/loadavg)"
export GTVPC_JAVA_OPTS="${GTVPC_JAVA_OPTS:--Xmx256m}"
/usr/bin/time -f "%e %U %S %M" -o "$dir/time" ./gtvpc audit --policies "$dir/aggregator.jsonl" --format csv \
  > "$dir/audit.csv" 2> "$dir/summary"
cat "$dir/summary"
read -r wall user sys rss < "$dir/time"
distinct=$(sed -E 's/.*; ([0-9,]+) distinct polic.*/\1/' "$dir/summary" | tr -d ,)
awk -v n="$count" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v d="$distinct" 'BEGIN {
  printf "audited %d buckets in %.1f s wall (%.0f buckets/s; %.1f s CPU), peak RSS %.0f MB, %d distinct policies (%.1f%%)\n",
    n, w, n / w, u + s, m / 1024, d, 100 * d / n }'
cut -d, -f4 "$dir/audit.csv" | tail -n +2 | sort | uniq -c | sort -rn
