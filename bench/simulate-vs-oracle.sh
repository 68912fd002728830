#!/usr/bin/env bash
# Batch simulation throughput: `gtvpc policy simulate --cases` against the independent evaluator
# (../shared/oracle, installed by scripts/oracle/setup.sh) on the same 10,000 requests, each process
# started from scratch and timed whole, as a user would run them. The requests are the differential
# test's (src/test/resources/oracle/differential.jsonl: 1,000 random Ground-Truth-style policies
# with 6 requests each), repeated to the count, each line carrying its policy inline.
#   bench/simulate-vs-oracle.sh [COUNT]     # default 10000; goal: gtvpc at least 20x the oracle
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
./gtvpc --version >/dev/null                       # builds target/gtvpc.jar when needed
oracle="$(scripts/oracle/setup.sh)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

# one input per tool, from the same requests, in the same order
node - "$count" "$dir" <<'EOF'
const fs = require('fs')
const [count, dir] = [Number(process.argv[2]), process.argv[3]]
const groups = fs.readFileSync('src/test/resources/oracle/differential.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l))
const pairs = groups.flatMap((g) => g.requests.map((r) => ({ policy: g.policy, r })))
const gt = [], or = []
for (let i = 0; i < count; i++) {
  const { policy, r } = pairs[i % pairs.length]
  gt.push(JSON.stringify({ id: String(i), policy, action: r.action, resource: r.resource, principal: r.principal,
    bucketAccount: r.resourceAccount, context: r.context }))
  or.push(JSON.stringify({ resourcePolicy: policy, action: r.action, resource: r.resource, principal: r.principal,
    context: r.context, resourceAccount: r.resourceAccount }))
}
fs.writeFileSync(dir + '/gtvpc.jsonl', gt.join('\n') + '\n')
fs.writeFileSync(dir + '/oracle.jsonl', or.join('\n') + '\n')
EOF

seconds() { # wall time of "$@" with stdin from $in and stdout to $out, in seconds
  local start end
  start=$(date +%s%N)
  "$@" < "$in" > "$out" || true                    # exit 2 when some case was an error: still timed
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'
}
in="$dir/gtvpc.jsonl" out="$dir/gtvpc.out"
t_gtvpc=$(seconds ./gtvpc policy simulate --cases -)
in="$dir/oracle.jsonl" out="$dir/oracle.out"
t_oracle=$(seconds node "$oracle/eval.mjs" --json --no-auto-principal-arn --jsonl)
out="$dir/oracle-unsafe.out"
t_unsafe=$(seconds node "$oracle/eval.mjs" --json --no-auto-principal-arn --jsonl --unsafe)
n_gtvpc=$(grep -c '"decision"' "$dir/gtvpc.out" || true)
n_oracle=$(grep -c '"decision"' "$dir/oracle.out" || true)
awk -v n="$count" -v g="$t_gtvpc" -v o="$t_oracle" -v u="$t_unsafe" -v ng="$n_gtvpc" -v no="$n_oracle" 'BEGIN {
  printf "%d requests, each process timed whole (start-up included)\n", n
  printf "  gtvpc policy simulate --cases  %6.2f s  %9.0f evaluations/s  (%d answered)\n", g, n / g, ng
  printf "  oracle eval.mjs (validating)   %6.2f s  %9.0f evaluations/s  (%d answered)\n", o, n / o, no
  printf "  oracle eval.mjs --unsafe       %6.2f s  %9.0f evaluations/s\n", u, n / u
  printf "ratio %.1fx the validating oracle, %.1fx its --unsafe mode (goal >= 20x)\n", o / g, u / g }'
