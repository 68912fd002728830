#!/usr/bin/env bash
# Installs the independent policy evaluator (../shared/oracle, npm package @cloud-copilot/iam-simulate,
# AGPL) into target/oracle for differential testing. It is a test tool only: never a dependency of
# gtvpc, never bundled. The Java tests do not need it: they read the decisions recorded with it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
src="${ORACLE_SRC:-$root/../shared/oracle}"
dest="$root/target/oracle"
[ -f "$src/eval.mjs" ] || { echo "setup.sh: no oracle at $src (set ORACLE_SRC)" >&2; exit 2; }
if [ ! -d "$dest/node_modules/@cloud-copilot/iam-simulate" ]; then
  mkdir -p "$dest"
  cp -r "$src/." "$dest"
  chmod -R u+w "$dest"
  (cd "$dest" && npm ci --no-audit --no-fund >&2)
fi
(cd "$dest" && npm run -s check >&2)
echo "$dest"
