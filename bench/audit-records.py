#!/usr/bin/env python3
"""Generates bucket records for `gtvpc audit --policies` from real bucket-policy templates.

The templates are published policies kept in the repository's corpus (src/test/resources/corpus,
see its SOURCES.md) and the AWS Ground Truth page's example as gtvpc generates it
(policies/generated); each record fills a template's placeholders with its own bucket name,
account, endpoint and VPC, as an organization that stamps policies from templates would.

  bench/audit-records.py --count 100000 --accounts 200 --shape config > aggregator.jsonl

--shape config writes AWS Config SelectAggregateResourceConfig result rows (arn, resourceName,
accountId, awsRegion, supplementaryConfiguration.BucketPolicy.policyText), varying the encodings
Config uses: supplementaryConfiguration as an object or as a JSON string, policyText as a JSON
string or URL-encoded, null for no policy. --shape gtvpc writes {bucket, account, region, policy}.
--truth FILE writes the verdict each template's buckets must get (bucket names are
labeling-TEMPLATE-NUMBER). --inside FILE also writes each account's inside (its VPC, its endpoint, its LabelingAdmin role and the
organization) as `audit --accounts FILE` reads it. The output is the same for the same arguments (no
randomness).
"""
import argparse
import json
import os
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "src/test/resources/corpus/bucket")
REGIONS = ["us-east-1", "eu-west-1", "ap-northeast-1", "us-west-2"]

# name -> (file, {placeholder: value key}, weight, verdict); weights say how many buckets in 20 get the template;
# the verdict is what every bucket stamped from it must get with its account's inside (--inside), and why:
TEMPLATES = [
    # gtvpc's own strict example: only the account's VPC, endpoint and role, and Ground Truth's endpoint, get in
    ("gt-strict", os.path.join(ROOT, "policies/generated/example-3.strict.json"),
     {"bucket-name": "bucket", "vpce-12345678": "vpce", "vpc-12345678": "vpc", "111122223333": "account",
      "role-name": "role", "vpce-08408e335ebf95b40": "gt", ":ec2:us-east-1:": "ec2_region"}, 6, "gt-ready"),
    # the Ground Truth page's example 2 admits the VPC and the endpoint only: the account's role elsewhere is denied
    ("gt-doc-example-2", os.path.join(CORPUS, "sagemaker-gt-current-example-2.json"),
     {"bucket-name": "bucket", "vpce-12345678": "vpce", "vpc-12345678": "vpc"}, 3, "refuted"),
    # the S3 guide's endpoint-only policy denies s3:*, policy management included, to everyone outside the endpoint
    ("vpce-only", os.path.join(CORPUS, "s3ug-vpce-restrict-to-endpoint.json"),
     {"awsexamplebucket1": "bucket", "vpce-1a2b3c4d": "vpce"}, 2, "lockout-risk"),
    # TLS only: no network perimeter at all
    ("tls-only", os.path.join(CORPUS, "s3ug-example-bucket-policies-13.json"),
     {"DOC-EXAMPLE-BUCKET": "bucket"}, 3, "refuted"),
    # anonymous read
    ("public-read", os.path.join(CORPUS, "s3dg-2021-anonymous-read.json"),
     {"DOC-EXAMPLE-BUCKET": "bucket"}, 1, "public"),
    # the page's example 3 as published has the key StringNotEquals twice in one Condition: its meaning is not known
    ("gt-doc-example-3", os.path.join(CORPUS, "sagemaker-gt-current-example-3.json"),
     {"bucket-name": "bucket", "vpce-12345678": "vpce", "vpc-12345678": "vpc", "111122223333": "account",
      "role-name": "role"}, 1, "unreadable"),
    # the 2024 data-perimeter example admits networks by aws:SourceVpc and aws:SourceIp, not by endpoint ID: a request
    # through the inside's endpoint is denied (vpce-can-access refuted)
    ("data-perimeter-2024", os.path.join(CORPUS, "data-perimeter-s3-bucket-policy-2024.json"),
     {"<my-data-bucket>": "bucket", "<my-org-id>": "org", "<load-balancing-account-id>": "elb",
      "<third-party-account-a>": "partner_a", "<third-party-account-b>": "partner_b",
      "<my-corporate-cidr>": "cidr", "<my-vpc>": "vpc", "<my-account-id>": "account"}, 1, "refuted"),
    ("no-policy", None, {}, 2, "no-policy"),
    ("unreadable", None, {}, 1, "unreadable"),
]


def gt_endpoints():
    with open(os.path.join(ROOT, "regions/ground-truth.json")) as f:
        table = json.load(f)
    out = {}
    for r in table["regions"]:
        ep = r.get("groundTruthEndpoint")
        out[r["region"]] = ep["value"] if isinstance(ep, dict) else ep
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--accounts", type=int, default=200)
    ap.add_argument("--shape", choices=["config", "gtvpc"], default="config")
    ap.add_argument("--regions", type=int, default=len(REGIONS))
    ap.add_argument("--inside")
    ap.add_argument("--truth", help="also write each template's expected verdict, as JSON {template: verdict}")
    args = ap.parse_args()
    if args.truth:
        with open(args.truth, "w") as f:
            json.dump({t[0]: t[4] for t in TEMPLATES}, f, indent=1)
    if args.inside:
        with open(args.inside, "w") as f:
            json.dump({"%012d" % (210000000000 + a * 1111): {
                "vpc": ["vpc-0%016x" % (0xabc1234def560000 + a)], "vpce": ["vpce-0%016x" % (0xa1b2c3d4e5f60000 + a)],
                "role-arn": ["arn:aws:iam::%012d:role/LabelingAdmin" % (210000000000 + a * 1111)], "org-id": "o-a1b2c3d4e5"}
                for a in range(args.accounts)}, f, indent=1)
    texts = {}
    for name, path, _, _, _ in TEMPLATES:
        if path:
            with open(path) as f:
                texts[name] = f.read()
    wheel = [t for t in TEMPLATES for _ in range(t[3])]
    gt = gt_endpoints()
    out = sys.stdout
    for i in range(args.count):
        name, _, subs, _, _ = wheel[i % len(wheel)]
        a = (i // len(wheel)) % args.accounts
        account = "%012d" % (210000000000 + a * 1111)
        region = REGIONS[(i // (len(wheel) * args.accounts)) % args.regions]
        values = {
            "bucket": "labeling-%s-%06d" % (name, i),
            "account": account,
            "vpce": "vpce-0%016x" % (0xa1b2c3d4e5f60000 + a),
            "vpc": "vpc-0%016x" % (0xabc1234def560000 + a),
            "role": "LabelingAdmin",
            "gt": gt[region],
            # the example names its VPC by ARN in us-east-1: each bucket's account has its VPC in the bucket's Region
            "ec2_region": ":ec2:%s:" % region,
            "org": "o-a1b2c3d4e5",
            "elb": "127311923021",
            "partner_a": "444455556666",
            "partner_b": "777788889999",
            "cidr": "203.0.113.0/24",
        }
        policy = None
        error = None
        if name == "unreadable":
            error = "GetBucketPolicy: AccessDenied"
        elif name != "no-policy":
            policy = texts[name]
            for placeholder, key in subs.items():
                policy = policy.replace(placeholder, values[key])
        bucket = values["bucket"]
        if args.shape == "gtvpc":
            rec = {"bucket": bucket, "account": account, "region": region}
            if error:
                rec["error"] = error
            else:
                rec["policy"] = json.loads(policy) if policy and i % 2 == 0 and name != "gt-doc-example-3" else policy
        else:
            if error:
                # what Config holds when it could not read the policy: no BucketPolicy at all
                supplementary = {}
            else:
                text = policy
                if text is not None and i % 5 == 2:
                    text = urllib.parse.quote(text, safe="")
                supplementary = {"BucketPolicy": {"policyText": text}}
            rec = {"arn": "arn:aws:s3:::" + bucket, "resourceName": bucket, "accountId": account, "awsRegion": region,
                   "supplementaryConfiguration": json.dumps(supplementary) if i % 3 == 1 else supplementary}
        out.write(json.dumps(rec, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
