#!/usr/bin/env bash
# Installs Microsoft's SARIF Multitool (npm package @microsoft/sarif-multitool, MIT) into
# target/sarif-multitool and prints the path of its executable. The package ships a self-contained
# binary per platform; npm's install scripts may be off, so the executable bit is set here.
# Used by SarifMultitoolTest; by hand:  "$(scripts/sarif-multitool.sh)" validate --rule-kind "Sarif;Gh" FILE.sarif
set -euo pipefail
version=5.7.0
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/target/sarif-multitool"
case "$(uname -s)" in
  Linux) platform=linux; exe=Sarif.Multitool ;;
  Darwin) platform=darwin; exe=Sarif.Multitool ;;
  *) platform=win32; exe=Sarif.Multitool.exe ;;
esac
bin="$dir/node_modules/@microsoft/sarif-multitool-$platform/$exe"
if [ ! -x "$bin" ] || ! grep -q "\"version\": *\"$version\"" "$dir/node_modules/@microsoft/sarif-multitool/package.json" 2>/dev/null; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "@microsoft/sarif-multitool@$version" >&2
  chmod u+x "$bin"
fi
echo "$bin"
