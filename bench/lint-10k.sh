#!/usr/bin/env bash
# Lints 10,000 policy files in one run of gtvpc (the launcher, so its JVM flags) and reports the
# wall time and files per second, JVM start included.
# The files are Ground-Truth-style bucket policies with varying IDs, a quarter of them with defects
# (ForAllValues on single-valued keys, a VPC ID under aws:SourceVpce, a missing Ground Truth endpoint).
#   bench/lint-10k.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
./gtvpc --version >/dev/null          # builds target/gtvpc.jar when needed
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
gt=vpce-08408e335ebf95b40
for ((i = 0; i < count; i++)); do
  hex=$(printf '%08x' "$i")
  case $((i % 4)) in
    0) op='ForAllValues:StringNotEquals'; vpce="\"vpce-$hex\", \"vpc-$hex\"" ;;
    1) op='StringNotEquals'; vpce="\"vpce-$hex\"" ;;
    *) op='StringNotEquals'; vpce="\"vpce-$hex\", \"$gt\"" ;;
  esac
  printf '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "DenyOutsideVpc",\n      "Effect": "Deny",\n      "Principal": "*",\n      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"],\n      "Resource": ["arn:aws:s3:::labeling-%s", "arn:aws:s3:::labeling-%s/*"],\n      "Condition": {\n        "%s": {\n          "aws:SourceVpce": [%s],\n          "aws:SourceVpc": "vpc-%s",\n          "aws:PrincipalArn": "arn:aws:iam::210987654321:role/admin-%s"\n        }\n      }\n    }\n  ]\n}\n' \
    "$hex" "$hex" "$op" "$vpce" "$hex" "$hex" > "$dir/policy-$hex.json"
done
start=$(date +%s.%N)
./gtvpc policy lint --region us-east-1 --fail-on never --format json "$dir"/*.json > "$dir/findings.json"
end=$(date +%s.%N)
findings=$(grep -c '"rule":' "$dir/findings.json" || true)
awk -v n="$count" -v s="$start" -v e="$end" -v f="$findings" \
  'BEGIN { t = e - s; printf "linted %d files in %.2f s (%.0f files/s), %d findings\n", n, t, n / t, f }'
