#!/usr/bin/env bash
# Start-up: whole-process wall time of `./gtvpc policy generate …` (launcher, JVM, start-up archive,
# the self-check) against the bare `java -version` of the same JVM, median of N runs each, measured
# side by side in one run, and the ratio (goal: at most 1.5). Uses hyperfine when installed
# (apt-get install hyperfine), else a portable loop that alternates the two commands.
#   bench/startup.sh [RUNS]              # default 10
#   bench/startup.sh --each-flag [RUNS]  # also what the archive and each JVM flag buy, one at a time
set -euo pipefail
cd "$(dirname "$0")/.."
each=false
if [ "${1:-}" = "--each-flag" ]; then each=true; shift; fi
runs="${1:-10}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./gtvpc --version >/dev/null          # builds target/gtvpc.jar and its archive when needed
args=(policy generate --region us-east-1 --bucket my-labeling-data --vpc vpc-0abc1234def567890)

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Runs the commands named in "$@" (arrays cmd_NAME) in turn, round after round, so that a load
# that comes and goes on a shared machine falls on all of them alike; keeps microseconds per run.
declare -A samples
run_alternating() {
  local i name start end
  for name in "$@"; do samples[$name]=""; done
  for ((i = 0; i < runs + 2; i++)); do
    for name in "$@"; do
      local -n cmd="cmd_$name"
      start=$(date +%s%N)
      "${cmd[@]}" >/dev/null 2>&1
      end=$(date +%s%N)
      # the first two rounds only warm the page cache, as hyperfine's --warmup does
      if [ "$i" -ge 2 ]; then samples[$name]+="$(( (end - start) / 1000 ))"$'\n'; fi
    done
  done
}
ms() { printf '%s' "${samples[$1]}" | median | awk '{ printf "%.1f", $1 / 1000 }'; }

cmd_java=("$java" -version)
cmd_gtvpc=(./gtvpc "${args[@]}")
if command -v hyperfine >/dev/null 2>&1; then
  csv="$(mktemp)"
  trap 'rm -f "$csv"' EXIT
  hyperfine -N --style none --warmup 2 --runs "$runs" --export-csv "$csv" \
    "$java -version" "./gtvpc ${args[*]}" >/dev/null
  # columns: command,mean,stddev,median,user,system,min,max (seconds)
  java_ms=$(awk -F, 'NR == 2 { printf "%.1f", $4 * 1000 }' "$csv")
  gtvpc_ms=$(awk -F, 'NR == 3 { printf "%.1f", $4 * 1000 }' "$csv")
  how="hyperfine, median of $runs"
else
  run_alternating java gtvpc
  java_ms=$(ms java)
  gtvpc_ms=$(ms gtvpc)
  how="alternating loop, median of $runs"
fi
awk -v j="$java_ms" -v g="$gtvpc_ms" -v how="$how" 'BEGIN {
  printf "java -version             %7.1f ms\n./gtvpc policy generate   %7.1f ms\nratio %.2f (goal <= 1.5; %s)\n", j, g, g / j, how }'

if $each; then
  jar=target/gtvpc.jar
  main=(-cp "$jar" dev.gtvpc.cli.Main "${args[@]}")
  if [ -f target/gtvpc.aot ]; then archive=(-XX:AOTCache=target/gtvpc.aot); else archive=(-Xshare:auto -XX:SharedArchiveFile=target/gtvpc.jsa); fi
  cmd_none=("$java" "${main[@]}")
  cmd_archive=("$java" "${archive[@]}" "${main[@]}")
  cmd_c1=("$java" "${archive[@]}" -XX:TieredStopAtLevel=1 "${main[@]}")
  cmd_serial=("$java" "${archive[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${main[@]}")
  cmd_noperf=("$java" "${archive[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData "${main[@]}")
  cmd_jar=("$java" "${archive[@]}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -jar "$jar" "${args[@]}")
  cmd_launcher=(./gtvpc "${args[@]}")
  run_alternating java none archive c1 serial noperf jar launcher
  printf '\nmedian of %d, alternating; each line adds one change to the line above it:\n' "$runs"
  printf '  %-52s %7s ms\n' \
    "java -version" "$(ms java)" \
    "java -cp target/gtvpc.jar dev.gtvpc.cli.Main (no flags)" "$(ms none)" \
    "+ the start-up archive" "$(ms archive)" \
    "+ -XX:TieredStopAtLevel=1" "$(ms c1)" \
    "+ -XX:+UseSerialGC" "$(ms serial)" \
    "+ -XX:-UsePerfData (= the launcher's java command)" "$(ms noperf)" \
    "  the same with -jar instead of -cp" "$(ms jar)" \
    "./gtvpc (+ bash and the jar's staleness check)" "$(ms launcher)"
fi
