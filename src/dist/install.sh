#!/usr/bin/env bash
# Installs gtvpc from this unpacked release archive into a prefix, as `make install` would:
#   PREFIX/bin/gtvpc                                 the launcher (bash and Java 17+; never Maven)
#   PREFIX/lib/gtvpc/                                gtvpc.jar, startup-archive.sh and the start-up archive
#   PREFIX/share/man/man1/gtvpc.1                    man gtvpc
#   PREFIX/share/bash-completion/completions/gtvpc   loaded by bash-completion when gtvpc is completed
#   PREFIX/share/zsh/site-functions/_gtvpc           loaded by zsh's compinit from fpath
#   PREFIX/share/doc/gtvpc/                          README.md, CHANGELOG.md, LICENSE
# Installing again (another version) replaces those files; a gtvpc running meanwhile keeps its own.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: install.sh [--prefix DIR] [--no-startup-archive]
       install.sh --uninstall [--prefix DIR]
Installs gtvpc into DIR (default /usr/local; ~/.local needs no root).
  --no-startup-archive  do not make the start-up archive (each run then starts ~0.1 s slower); for a
                        machine that runs gtvpc once, such as a CI job
  --uninstall           remove the files an install put into DIR
EOF
}

prefix=/usr/local
archive=true
uninstall=false
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }; prefix="$2"; shift ;;
    --prefix=*) prefix="${1#--prefix=}" ;;
    --no-startup-archive) archive=false ;;
    --uninstall) uninstall=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[ -n "$prefix" ] || { echo "install.sh: --prefix is empty" >&2; exit 2; }

src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# the launcher last: a prefix that has it has everything (the GitHub Action's script relies on it)
files=(lib/gtvpc/gtvpc.jar lib/gtvpc/startup-archive.sh share/man/man1/gtvpc.1
  share/bash-completion/completions/gtvpc share/zsh/site-functions/_gtvpc
  share/doc/gtvpc/README.md share/doc/gtvpc/CHANGELOG.md share/doc/gtvpc/LICENSE bin/gtvpc)

if $uninstall; then
  [ -d "$prefix" ] || { echo "install.sh: $prefix does not exist" >&2; exit 2; }
  for f in "${files[@]}"; do rm -f "$prefix/$f"; done
  # gtvpc's own directories: also what it made there (the start-up archive)
  rm -rf "$prefix/lib/gtvpc" "$prefix/share/doc/gtvpc"
  echo "Removed gtvpc from $prefix"
  exit 0
fi

# The launcher finds its jar by the physical path (symlinks followed): the start-up archive must be
# made with that same path, or the JVM refuses it.
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd -P)"

# Each file is copied beside its place and renamed over it: a gtvpc that is running keeps reading the
# jar it opened, where copying over it in place could crash it.
put() {
  local from="$1" to="$prefix/$2" mode="$3"
  mkdir -p "$(dirname "$to")"
  cp "$from" "$to.new"
  chmod "$mode" "$to.new"
  mv -f "$to.new" "$to"
}
for f in "${files[@]}"; do
  case "$f" in
    share/doc/gtvpc/*) put "$src/${f##*/}" "$f" 644 ;;
    bin/*|*.sh) put "$src/$f" "$f" 755 ;;
    *) put "$src/$f" "$f" 644 ;;
  esac
done
# made for the jar this replaces
rm -f "$prefix/lib/gtvpc/gtvpc.jsa" "$prefix/lib/gtvpc/gtvpc.aot" "$prefix/lib/gtvpc/gtvpc.classlist"

if ! version="$("$prefix/bin/gtvpc" --version)"; then
  echo "install.sh: gtvpc is installed in $prefix but cannot run yet (see above)" >&2
  exit 1
fi
if $archive; then
  echo "Making the start-up archive for this Java (a few seconds)..."
  bash "$prefix/lib/gtvpc/startup-archive.sh" "$prefix/lib/gtvpc/gtvpc.jar"
  rm -f "$prefix/lib/gtvpc/gtvpc.classlist"     # what the archive was made from
fi

echo "Installed $version in $prefix"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "  $prefix/bin is not on PATH: add it (export PATH=\"$prefix/bin:\$PATH\"), or link bin/gtvpc from a directory that is" ;;
esac
echo "  man page: $prefix/share/man/man1/gtvpc.1; completion: bash (bash-completion) and zsh (add $prefix/share/zsh/site-functions to fpath if it is not)"
