#!/usr/bin/env bash
# Writes what `gtvpc --version` prints besides the version: the commit the jar was built from; and
# the repository gtvpc is published from (OWNER/NAME), which SARIF's links to rule pages name.
# Run by Maven (generate-resources); a build outside a git checkout (a source tarball) says
# "unknown", and one with uncommitted changes says so with "-dirty".
#   scripts/build-info.sh OUT_DIR VERSION [REPOSITORY]
set -euo pipefail
out="${1:?usage: build-info.sh OUT_DIR VERSION}"
version="${2:?usage: build-info.sh OUT_DIR VERSION}"
repository="${3:-OWNER/gtvpc}"
root="$(cd "$(dirname "$0")/.." && pwd)"
commit=unknown
if command -v git >/dev/null 2>&1 && c="$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null)"; then
  commit="$c"
  git -C "$root" diff --quiet HEAD -- 2>/dev/null || commit="$commit-dirty"
fi
mkdir -p "$out/dev/gtvpc/cli"
printf 'version=%s\ncommit=%s\nrepository=%s\n' "$version" "$commit" "$repository" > "$out/dev/gtvpc/cli/build-info.properties"
