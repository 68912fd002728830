#!/usr/bin/env bash
# How `policy verify` grows with the number of VPC endpoints a policy exempts: 1, 10, 100, 1,000
# endpoints (8-digit IDs: 1,000 17-digit ones would pass S3's 20 KB policy limit), every one named
# with --vpce, each run a whole process (median of RUNS). Prints the time above the 1-endpoint run
# per endpoint, and the growth exponent k in time ~ N^k between 100 and 1,000 endpoints (1 = linear;
# the requirement is no faster than linear).
#   bench/verify-growth.sh [RUNS]     # default 3
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
./gtvpc --version >/dev/null                       # builds target/gtvpc.jar when needed
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A ms
for n in 1 10 100 1000; do
  vpces=$(for ((i = 0; i < n; i++)); do printf 'vpce-%08x,' "$i"; done)
  vpces="${vpces%,}"
  ./gtvpc policy generate --region us-east-1 --bucket my-labeling-data --vpce "$vpces" -o "$dir/policy-$n.json"
  times=""
  for ((r = 0; r < runs; r++)); do
    start=$(date +%s%N)
    ./gtvpc policy verify --region us-east-1 --vpce "$vpces" "$dir/policy-$n.json" > /dev/null
    end=$(date +%s%N)
    times+="$(( (end - start) / 1000000 ))"$'\n'
  done
  ms[$n]=$(printf '%s' "$times" | median)
  printf '%5d endpoints  %6.0f ms\n' "$n" "${ms[$n]}"
done
awk -v a="${ms[1]}" -v b="${ms[100]}" -v c="${ms[1000]}" 'BEGIN {
  printf "above the 1-endpoint run: %.2f ms per endpoint at 100, %.2f ms at 1,000\n", (b - a) / 99, (c - a) / 999
  printf "growth exponent 100 -> 1,000: %.2f for the whole process, %.2f for the time above the 1-endpoint run (1 = linear)\n",
    log(c / b) / log(10), log((c - a) / (b - a)) / log(10) }'
