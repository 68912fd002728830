#!/usr/bin/env bash
# The GitHub Action's work (action.yml at the repository root passes its inputs as GTVPC_*): install
# the gtvpc release, run the command, write SARIF, the job summary and the step outputs, and exit as
# gtvpc did, so that the step fails on findings at the threshold (after action.yml's SARIF upload,
# which runs unless the job was cancelled). Kept out of action.yml so a test can run it with a fake
# GitHub environment (ActionIT).
#
# Inputs (environment): GTVPC_COMMAND (lint | verify | audit-policies), GTVPC_PATHS, GTVPC_REGION,
#   GTVPC_BUCKET, GTVPC_VPC, GTVPC_VPCE, GTVPC_ROLE_ARN, GTVPC_ORG_ID, GTVPC_BUCKET_ACCOUNT,
#   GTVPC_ADMIN_ARN, GTVPC_FAIL_ON, GTVPC_ARGS, GTVPC_SARIF_FILE, GTVPC_VERSION, GTVPC_DOWNLOAD_URL,
#   GTVPC_SHA256, GTVPC_ACTION_REPOSITORY; GitHub's GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH,
#   GITHUB_WORKSPACE, GITHUB_ACTION_PATH and RUNNER_TEMP.
# Outputs: exit-code, sarif-file (empty when none was written), gtvpc (the installed launcher), version.
# No `set -u`: bash before 4.4 (macOS's /bin/bash is 3.2) calls an empty array unbound.
set -eo pipefail

fail() {
  echo "::error title=gtvpc action::$1"
  exit 2
}

# ---- which release -------------------------------------------------------------------------------
# Default: the version of the action's own checkout. At a release tag (uses: OWNER/gtvpc@v0.1.0) the
# pom says 0.1.0; on a branch it says X-SNAPSHOT, which was never released.
version="${GTVPC_VERSION:-}"
if [ -z "$version" ]; then
  pom="${GITHUB_ACTION_PATH:-.}/pom.xml"
  version="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' "$pom" 2>/dev/null | head -n 1)"
  case "$version" in
    '') fail "the version input is empty and $pom names no version: set version (e.g. 0.1.0)" ;;
    *-SNAPSHOT)
      fail "this action was used at a development commit (version $version, never released): use a release tag (uses: …@v0.1.0) or set the version input" ;;
  esac
fi
version="${version#v}"
case "$version" in *[!0-9A-Za-z.-]*) fail "version '$version' is not a version (e.g. 0.1.0)" ;; esac

# (the placeholders in variables: a brace inside ${...} would end the expansion)
repository_mark='{repository}' version_mark='{version}'
url="${GTVPC_DOWNLOAD_URL:-https://github.com/$repository_mark/releases/download/v$version_mark/gtvpc-$version_mark.tar.gz}"
case "$url" in
  *"$repository_mark"*)
    repository="${GTVPC_ACTION_REPOSITORY:-}"
    [ -n "$repository" ] || fail "cannot tell which repository this action comes from: set download-url"
    url="${url//"$repository_mark"/$repository}" ;;
esac
url="${url//"$version_mark"/$version}"

# ---- the command line, checked before anything is downloaded -------------------------------------
cd "${GITHUB_WORKSPACE:-.}"
command="${GTVPC_COMMAND:-lint}"
case "$command" in
  lint) base=(policy lint); accepted=" region bucket vpc vpce fail-on " ;;
  verify) base=(policy verify); accepted=" region bucket vpc vpce role-arn org-id bucket-account admin-arn " ;;
  audit-policies) base=(audit); accepted=" region vpc vpce role-arn org-id bucket-account admin-arn fail-on " ;;
  *) fail "command '$command' is not one of lint, verify, audit-policies" ;;
esac

# Each input becomes --INPUT=VALUE, and one this command has no use for is an error rather than
# silently unchecked. Lists may be written with commas, spaces or newlines; gtvpc takes commas.
options=()
fail_on=()
for input in region bucket vpc vpce role-arn org-id bucket-account admin-arn fail-on; do
  variable="GTVPC_$(printf '%s' "$input" | tr 'a-z-' 'A-Z_')"
  value="${!variable:-}"
  [ -n "$value" ] || continue
  case "$accepted" in *" $input "*) ;; *) fail "the $input input does not apply to $command" ;; esac
  value="$(printf '%s' "$value" | tr -s ' \n\t' ',,,')"
  value="${value#,}"
  if [ "$input" = fail-on ]; then fail_on=("--fail-on=${value%,}"); else options+=("--$input=${value%,}"); fi
done
# shellcheck disable=SC2206  # extra arguments are words, as on a command line
extra=(${GTVPC_ARGS:-})

# paths: words separated by spaces or newlines; globs expanded (one that matches nothing stays as
# written, and gtvpc says it does not exist)
paths=()
# shellcheck disable=SC2206
paths=(${GTVPC_PATHS:-})
[ ${#paths[@]} -gt 0 ] || fail "the paths input is empty: name the files or directories to check"
if [ "$command" = audit-policies ] && [ ${#paths[@]} -ne 1 ]; then
  fail "audit-policies takes one path (a directory of BUCKET.json files or a JSON Lines file), not ${#paths[@]}"
fi

# ---- install (once per job and version) -----------------------------------------------------------
temp="${RUNNER_TEMP:?RUNNER_TEMP is not set}"
prefix="$temp/gtvpc-$version"
gtvpc="$prefix/bin/gtvpc"

fetch() {  # URL FILE: https:// and file:// with curl, a plain path by copying
  case "$1" in
    *://*) curl -fsSL --retry 3 -o "$2" "$1" ;;
    *) cp "$1" "$2" ;;
  esac
}
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

# an earlier step of this job may have installed it (install.sh copies the launcher last)
if [ ! -x "$gtvpc" ]; then
  download="$(mktemp -d "$temp/gtvpc-download.XXXXXX")"
  archive="$download/gtvpc-$version.tar.gz"
  echo "Downloading gtvpc $version from $url"
  fetch "$url" "$archive" || fail "could not download $url"
  # A pinned sha256 input trusts nothing from the download's host; otherwise the release's own file.
  expected="${GTVPC_SHA256:-}"
  if [ -z "$expected" ]; then
    fetch "$url.sha256" "$archive.sha256" || fail "could not download $url.sha256"
    expected="$(cut -d' ' -f1 "$archive.sha256")"
  fi
  actual="$(sha256_of "$archive")"
  [ "$actual" = "$expected" ] || fail "$url has SHA-256 $actual, expected $expected: not installed"
  tar -xzf "$archive" -C "$download"
  # a CI job runs gtvpc a few times: making the start-up archive would cost more than it saves
  "$download/gtvpc-$version/install.sh" --prefix "$prefix" --no-startup-archive
  rm -rf "$download"
fi
echo "$prefix/bin" >> "${GITHUB_PATH:-/dev/null}"

sarif=""
if [ -n "${GTVPC_SARIF_FILE:-}" ] && [ "$command" != verify ]; then
  sarif="$GTVPC_SARIF_FILE"
  mkdir -p "$(dirname "$sarif")"
fi

summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
report="$(mktemp "$temp/gtvpc-report.XXXXXX")"
status=0
run() {  # runs gtvpc ARGS, its output to the log and the report; keeps the worst exit code in $status
  echo "+ gtvpc $*"
  set +o pipefail
  "$gtvpc" "$@" 2>&1 | tee -a "$report"
  local code="${PIPESTATUS[0]}"
  set -o pipefail
  # 2 and 3 (bad input, AWS) before 1 (a check failed), before 0
  if [ "$code" -ge 2 ] && [ "$status" -lt 2 ]; then status="$code"; fi
  if [ "$code" -eq 1 ] && [ "$status" -eq 0 ]; then status=1; fi
}

case "$command" in
  lint) run "${base[@]}" "${options[@]}" "${fail_on[@]}" "${extra[@]}" "${paths[@]}" ;;
  verify) for p in "${paths[@]}"; do run "${base[@]}" "${options[@]}" "${extra[@]}" "$p"; done ;;
  audit-policies)
    run "${base[@]}" "--policies=${paths[0]}" "${options[@]}" "${fail_on[@]}" "${extra[@]}" ;;
esac

# SARIF: the same check again, the report in SARIF; --fail-on never (lint), none (audit): it exits 0
# whenever the report was written, whatever the findings, so any other exit means there is none.
if [ -n "$sarif" ]; then
  sarif_args=("${base[@]}" "${options[@]}" "${extra[@]}" --format=sarif)
  case "$command" in
    lint) sarif_args+=(--fail-on=never "${paths[@]}") ;;
    audit-policies) sarif_args+=("--policies=${paths[0]}") ;;
  esac
  if ! "$gtvpc" "${sarif_args[@]}" > "$sarif" 2> "$report.sarif-errors"; then
    cat "$report.sarif-errors"
    echo "::warning title=gtvpc action::no SARIF was written (see the log)"
    rm -f "$sarif"
    sarif=""
  fi
  rm -f "$report.sarif-errors"
fi

{
  echo "### gtvpc ${base[*]} ($version): exit $status"
  echo
  echo '```text'
  # GitHub takes at most 1 MiB of summary per step
  head -c 900000 "$report"
  echo '```'
} >> "$summary"
rm -f "$report"

case "$status" in
  0) ;;
  1) echo "::error title=gtvpc ${base[*]}::the check failed (exit 1): see the findings above${sarif:+ and in $sarif}" ;;
  *) echo "::error title=gtvpc ${base[*]}::gtvpc could not check the input (exit $status): see the message above" ;;
esac
{
  echo "exit-code=$status"
  case "$sarif" in /*|'') echo "sarif-file=$sarif" ;; *) echo "sarif-file=$PWD/$sarif" ;; esac
  echo "gtvpc=$gtvpc"
  echo "version=$version"
} >> "${GITHUB_OUTPUT:-/dev/null}"
exit "$status"
