#!/usr/bin/env bash
# Runs the JMH benchmarks (src/test/java/dev/gtvpc/bench). Arguments go to JMH, e.g.
#   bench/jmh.sh EvaluatorBenchmark          # one class
#   bench/jmh.sh -f 1 -wi 3 -i 5             # JMH options
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
