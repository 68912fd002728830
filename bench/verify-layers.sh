#!/usr/bin/env bash
# `policy verify` with layers: a Ground Truth bucket policy exempting 1,000 VPC endpoints (8-digit IDs, every
# one named with --vpce) and 10 layer files (5 RCPs, 5 SCPs of src/test/resources/corpus without placeholders),
# against the same verify without layers, and the baseline build (/work/baseline or $BASELINE, no layers there)
# without layers; and the same 1,000 endpoints with two layer files (the VPCE-org-ID network RCP and the governance SCP),
# where every vpce-can-access is refuted. Each run a whole process (JVM start included), median of RUNS, wall and CPU
# (user + system: on a shared machine the CPU time is the steadier figure).
#   bench/verify-layers.sh [RUNS]     # default 3
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
baseline="${BASELINE:-/work/baseline/target/gtvpc.jar}"
./gtvpc --version >/dev/null                       # builds target/gtvpc.jar when needed
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
vpces=$(for ((i = 0; i < 1000; i++)); do printf 'vpce-%08x,' "$i"; done)
vpces="${vpces%,}"
./gtvpc policy generate --region us-east-1 --bucket my-labeling-data --vpce "$vpces" -o "$dir/policy.json"
layers=()
for f in $(grep -LE '<|\[[A-Z_]+\]' src/test/resources/corpus/rcp/*.json | grep -v sourcevpc-rcp-47045a0 | head -5); do layers+=(--rcp "$f"); done
for f in $(grep -LE '<|\[[A-Z_]+\]' src/test/resources/corpus/scp/*.json | head -5); do layers+=(--scp "$f"); done
time_of() {
  local walls="" cpus="" out
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -o "$dir/time" -f '%e %U %S' "$@" > /dev/null 2>&1 || true
    out="$(tail -1 "$dir/time")"
    walls+="$(awk '{ printf "%d", $1 * 1000 }' <<< "$out")"$'\n'
    cpus+="$(awk '{ printf "%d", ($2 + $3) * 1000 }' <<< "$out")"$'\n'
  done
  printf '%6.0f ms wall, %6.0f ms CPU' "$(printf '%s' "$walls" | median)" "$(printf '%s' "$cpus" | median)"
}
args=(policy verify --region us-east-1 --bucket-account 210987654321 --vpce "$vpces" "$dir/policy.json")
two=(--rcp src/test/resources/corpus/rcp/data-perimeter-network-perimeter-vpceorgid-rcp-47045a0-filled.json
     --scp src/test/resources/corpus/scp/data-perimeter-data-perimeter-governance-scp.json)
printf 'layers: %s\n' "${layers[*]}"
printf 'this build, 10 layer files   %s\n' "$(time_of ./gtvpc "${args[@]}" "${layers[@]}")"
printf 'this build, RCP + SCP        %s\n' "$(time_of ./gtvpc "${args[@]}" "${two[@]}")"
printf 'this build, no layers        %s\n' "$(time_of ./gtvpc "${args[@]}")"
if [[ -f "$baseline" ]]; then
  printf 'baseline,   no layers        %s\n' "$(time_of java -jar "$baseline" "${args[@]}")"
fi
