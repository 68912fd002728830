#!/usr/bin/env bash
# Builds the release from the packaged jar; run by `mvn package` after it (pom.xml, skip it with
# -Dgtvpc.dist.skip=true):
#   target/gtvpc-VERSION.tar.gz           gtvpc-VERSION/: bin/gtvpc, lib/gtvpc/, share/{man,bash-completion,
#                                         zsh}/..., install.sh, README.md, CHANGELOG.md, LICENSE
#   target/gtvpc-VERSION.tar.gz.sha256    "HASH  gtvpc-VERSION.tar.gz", as sha256sum -c reads it
#   target/packaging/homebrew/gtvpc.rb    a Homebrew formula for that archive (URL, SHA-256)
#   target/packaging/jbang/jbang-catalog.json   a jbang alias for target/gtvpc.jar released as gtvpc.jar
# REPOSITORY (owner/name on GitHub) makes the release URLs: https://github.com/REPOSITORY/releases/
# download/vVERSION/FILE, the tag scheme the CHANGELOG and README describe.
#   scripts/dist.sh VERSION REPOSITORY
set -euo pipefail
version="${1:?usage: dist.sh VERSION REPOSITORY}"
repository="${2:?usage: dist.sh VERSION REPOSITORY}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/target"
jar="$target/gtvpc.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
name="gtvpc-$version"
stage="$target/dist/$name"
archive="$target/$name.tar.gz"
releases="https://github.com/$repository/releases/download/v$version"

rm -rf "$target/dist" "$target/packaging" "$archive" "$archive.sha256"
mkdir -p "$stage/bin" "$stage/lib/gtvpc" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
  "$stage/share/zsh/site-functions" "$target/packaging/homebrew" "$target/packaging/jbang"

install -m 755 "$root/src/dist/bin/gtvpc" "$stage/bin/gtvpc"
install -m 755 "$root/src/dist/install.sh" "$stage/install.sh"
install -m 755 "$root/scripts/startup-archive.sh" "$stage/lib/gtvpc/startup-archive.sh"
# a hard link where it can be (the jar is 50 MB), a copy elsewhere
ln "$jar" "$stage/lib/gtvpc/gtvpc.jar" 2>/dev/null || install -m 644 "$jar" "$stage/lib/gtvpc/gtvpc.jar"
install -m 644 "$root/docs/man/gtvpc.1" "$stage/share/man/man1/gtvpc.1"
install -m 644 "$root/README.md" "$root/CHANGELOG.md" "$root/LICENSE" "$stage/"

# Completion scripts from the jar itself, as `gtvpc completion bash` prints them to a user.
bash_completion="$stage/share/bash-completion/completions/gtvpc"
"$java" -cp "$jar" dev.gtvpc.cli.Main completion bash > "$bash_completion"
# zsh loads a file of its fpath as the body of the function it names (#compdef), the first time gtvpc
# is completed: this one runs the bash script, which registers its function through zsh's
# bash-completion emulation, then completes with that registration this first time too.
# shellcheck disable=SC2016  # zsh code, written as it is
{
  printf '%s\n' '#compdef gtvpc' \
    '# gtvpc completion for zsh, from a directory of fpath (share/zsh/site-functions): gtvpc'"'"'s bash' \
    '# completion (gtvpc completion bash) run by zsh'"'"'s bash-completion emulation.' \
    'autoload -U +X bashcompinit && bashcompinit'
  cat "$bash_completion"
  printf '%s\n' '' '# the registration above replaced _gtvpc; complete this first time with it' \
    '[[ ${_comps[gtvpc]} != _gtvpc ]] && ${=_comps[gtvpc]}'
} > "$stage/share/zsh/site-functions/_gtvpc"
chmod 644 "$bash_completion" "$stage/share/zsh/site-functions/_gtvpc"

# GNU tar: files owned by root:root in the archive, whoever built it, in a stable order
tar_flags=()
if tar --version 2>/dev/null | grep -q 'GNU tar'; then
  tar_flags=(--owner=0 --group=0 --numeric-owner --sort=name)
fi
tar -C "$target/dist" "${tar_flags[@]}" -cf - "$name" | gzip -n > "$archive"

if command -v sha256sum >/dev/null 2>&1; then
  (cd "$target" && sha256sum "$name.tar.gz") > "$archive.sha256"
else
  (cd "$target" && shasum -a 256 "$name.tar.gz") > "$archive.sha256"
fi
sha256="$(cut -d' ' -f1 "$archive.sha256")"

# The JVM flags of the launcher, for the jbang alias (jbang runs the jar itself)
jvm_flags="$(sed -n 's/^ *flags=(\(.*\))$/\1/p' "$root/src/dist/bin/gtvpc")"
[ -n "$jvm_flags" ] || { echo "dist.sh: no flags=(...) line in src/dist/bin/gtvpc" >&2; exit 1; }
# shellcheck disable=SC2086  # split into one flag each
json_flags="$(printf '"%s", ' $jvm_flags)"

cat > "$target/packaging/homebrew/gtvpc.rb" <<EOF
# Homebrew formula for gtvpc $version, made by scripts/dist.sh from the release archive; belongs in a
# tap (a repository named homebrew-tap: brew install OWNER/tap/gtvpc).
class Gtvpc < Formula
  desc "S3 bucket policies that keep data inside a VPC: generate, prove, lint, apply"
  homepage "https://github.com/$repository"
  url "$releases/$name.tar.gz"
  sha256 "$sha256"
  license "Apache-2.0"

  depends_on "openjdk"

  def install
    libexec.install "bin", "lib"
    (bin/"gtvpc").write_env_script libexec/"bin/gtvpc", Language::Java.overridable_java_home_env
    man1.install "share/man/man1/gtvpc.1"
    bash_completion.install "share/bash-completion/completions/gtvpc"
    zsh_completion.install "share/zsh/site-functions/_gtvpc"
    # the start-up archive, made by the Java gtvpc runs on (install.sh does the same)
    ENV["JAVA_HOME"] = Language::Java.java_home
    system "bash", libexec/"lib/gtvpc/startup-archive.sh", libexec/"lib/gtvpc/gtvpc.jar"
  end

  test do
    assert_match "gtvpc $version", shell_output("#{bin}/gtvpc --version")
    assert_match "aws:SourceVpc",
      shell_output("#{bin}/gtvpc policy generate --region us-east-1 --bucket b --vpc vpc-0abc1234def567890")
  end
end
EOF

cat > "$target/packaging/jbang/jbang-catalog.json" <<EOF
{
  "catalogs": {},
  "aliases": {
    "gtvpc": {
      "script-ref": "$releases/gtvpc.jar",
      "description": "gtvpc $version: S3 bucket policies that keep data inside a VPC: generate, prove, lint, apply",
      "java": "17+",
      "java-options": [${json_flags%, }]
    }
  }
}
EOF
echo "dist: $archive ($(du -k "$archive" | cut -f1) KB), sha256 $sha256" >&2
