#!/usr/bin/env bash
# Lints the corpus's real templates and plans (src/test/resources/corpus/{cloudformation,cdk,terraform})
# in one run, 10 times, and prints the median wall time, JVM start included; given another checkout
# (one with its own ./gtvpc launcher and built jar), runs both alternately on the same files and
# prints the ratio. The files are linted as published, with --region us-east-1 (so AWS::Region, and
# the partition, are known); a fixture of cfn-lint's that CloudFormation rejects makes the exit 2.
#   bench/lint-iac.sh [OTHER_CHECKOUT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
other="${1:-}"
runs="${2:-10}"
./gtvpc --version >/dev/null          # builds target/gtvpc.jar when needed
files=(src/test/resources/corpus/cloudformation/* src/test/resources/corpus/cdk/*.json src/test/resources/corpus/terraform/*.json)
once() {
  local launcher="$1" start end
  start=$(date +%s%N)
  "$launcher" policy lint --region us-east-1 --fail-on never --format json "${files[@]}" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
here=() there=()
for ((i = 0; i < runs; i++)); do
  here+=("$(once ./gtvpc)")
  if [ -n "$other" ]; then there+=("$(once "$other/gtvpc")"); fi
done
a=$(printf '%s\n' "${here[@]}" | median)
echo "this checkout: ${#files[@]} files, median of $runs runs: $a ms"
if [ -n "$other" ]; then
  b=$(printf '%s\n' "${there[@]}" | median)
  echo "$other: median of $runs runs: $b ms"
  awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio (this / other): %.2f\n", a / b }'
fi
