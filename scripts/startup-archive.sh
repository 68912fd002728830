#!/usr/bin/env bash
# Records what gtvpc's offline commands load at start (StartupTraining) into an archive beside the
# jar, which the launcher maps instead of loading and verifying those classes again each run:
#   Java 25+    target/gtvpc.aot  (-XX:AOTCacheOutput: classes, linked and initialised, and profiles)
#   Java 17-24  target/gtvpc.jsa  (a static class-data-sharing archive from a class list: unlike the
#               dynamic -XX:ArchiveClassesAtExit one, it keeps picocli, whose classes are Java 5
#               bytecode that JDK 17's dynamic archive refuses)
# Run by `mvn package` (exec-maven-plugin) after the jar is made. An archive is an optimisation only:
# when one cannot be made this says why and exits 0, and the launcher runs without it.
#   scripts/startup-archive.sh target/gtvpc.jar
set -uo pipefail
jar="${1:?usage: startup-archive.sh JAR}"
dir="$(dirname "$jar")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
rm -f "$dir/gtvpc.jsa" "$dir/gtvpc.aot" "$dir/gtvpc.classlist"

major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
major="${major#1.}"
case "$major" in ''|*[!0-9]*) echo "startup-archive: cannot tell the Java version; no archive" >&2; exit 0 ;; esac

warn() { echo "startup-archive: $1; gtvpc runs without it, only slower to start" >&2; rm -f "$dir/gtvpc.jsa" "$dir/gtvpc.aot"; exit 0; }

if [ "$major" -ge 25 ]; then
  "$java" -XX:AOTCacheOutput="$dir/gtvpc.aot" -Xlog:aot=error -cp "$jar" dev.gtvpc.cli.StartupTraining >&2 \
    || warn "the AOT cache could not be made"
else
  "$java" -Xshare:off -XX:DumpLoadedClassList="$dir/gtvpc.classlist" -cp "$jar" dev.gtvpc.cli.StartupTraining >&2 \
    || warn "the training run failed"
  # -Xlog: the dump lists every class it skips (lambdas of old interfaces...): noise, not errors
  "$java" -Xshare:dump -XX:SharedClassListFile="$dir/gtvpc.classlist" -XX:SharedArchiveFile="$dir/gtvpc.jsa" \
      -Xlog:cds=error -Xlog:cds+dynamic=error -cp "$jar" >/dev/null 2>"$dir/gtvpc.jsa.log" \
    || { cat "$dir/gtvpc.jsa.log" >&2; warn "the class-data archive could not be made"; }
  rm -f "$dir/gtvpc.jsa.log"
fi
