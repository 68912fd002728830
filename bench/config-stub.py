#!/usr/bin/env python3
"""A stub of AWS Config's SelectAggregateResourceConfig for bench/audit-100k.sh, in its wire format
(AWS JSON 1.1: POST / with X-Amz-Target StarlingDoveService.SelectAggregateResourceConfig; the answer
{"Results": [row as a JSON string, ...], "QueryInfo": {...}, "NextToken": ...}; errors HTTP 400 with
{"__type", "message"}).

It serves the rows of a JSON Lines file of Config result rows (bench/audit-records.py --shape config)
and understands the queries gtvpc sends: the count per account and region (GROUP BY accountId,
awsRegion), and the rows of all, of one account or of one account and region (AND accountId = '...'
AND awsRegion = '...'), 100 a page. Every call waits LATENCY_MIN..LATENCY_MAX milliseconds first (uniform, seeded), as a
call to the real service across a network would; THROTTLE of the calls (a share, seeded) answer
ThrottlingException instead. Signatures are not checked.

  bench/config-stub.py ROWS.jsonl PORT [--latency-ms 50-100] [--throttle 0.05]
"""
import argparse
import json
import random
import re
import threading
import time
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ACCOUNT = re.compile(r"accountId = '(\d{12})'")
REGION = re.compile(r"awsRegion = '([a-z0-9-]+)'")
FIELD = re.compile(r'"(accountId|awsRegion|resourceName)":"([^"]*)"')


def load(path):
    shards = OrderedDict()
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            fields = dict(FIELD.findall(line[:400]))
            shards.setdefault((fields["accountId"], fields["awsRegion"]), []).append(line)
    return shards


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows")
    ap.add_argument("port", type=int)
    ap.add_argument("--latency-ms", default="50-100")
    ap.add_argument("--throttle", type=float, default=0.0)
    args = ap.parse_args()
    low, high = (int(x) for x in args.latency_ms.split("-"))
    shards = load(args.rows)
    counts = [json.dumps({"accountId": a, "awsRegion": r, "COUNT(*)": len(rows)}) for (a, r), rows in shards.items()]
    rng = random.Random(26)
    lock = threading.Lock()
    answers = {}  # expression -> its rows, so that each page of a query does not filter them all again

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-amzn-RequestId", "bench")
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
            with lock:
                delay = rng.uniform(low, high) / 1000
                throttled = rng.random() < args.throttle
            time.sleep(delay)
            if throttled:
                return self.answer(400, {"__type": "ThrottlingException", "message": "Rate exceeded"})
            expression = body.get("Expression", "")
            limit = int(body.get("Limit") or 100)
            start = int(body.get("NextToken") or 0)
            if "GROUP BY" in expression:
                rows = counts
            else:
                with lock:
                    rows = answers.get(expression)
                if rows is None:
                    account = ACCOUNT.search(expression)
                    region = REGION.search(expression)
                    if account and region:
                        # a shard's own query, the common case: straight from its shard, not a scan of every row
                        rows = shards.get((account.group(1), region.group(1)), [])
                    else:
                        rows = [r for (a, g), rs in shards.items() for r in rs
                                if (not account or a == account.group(1)) and (not region or g == region.group(1))]
                    with lock:
                        answers[expression] = rows
            page = rows[start:start + limit]
            out = {"Results": page, "QueryInfo": {"SelectFields": []}}
            if start + limit < len(rows):
                out["NextToken"] = str(start + limit)
            self.answer(200, out)

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
