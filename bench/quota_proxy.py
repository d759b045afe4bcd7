"""A stand-in for Cognito's request quotas in front of a moto server.

Usage: quota_proxy.py UPSTREAM [--port N] [--read-rps 15] [--write-rps 15] [--op-pool-rps 5]
                       [--burst-seconds 0.333]

Forwards every request to UPSTREAM (moto) unless it exceeds a quota, which it answers the way
Cognito does: HTTP 400, x-amzn-ErrorType: TooManyRequestsException, and a JSON body with
__type TooManyRequestsException. Quotas are token buckets per account (access key id) and region
for the read category (Describe and List of app clients), the write category (Create, Update,
Delete) and the two categories of the reads plan makes once per pool (DescribeUserPool;
ListResourceServers and ListIdentityProviders; each at the read rate), and per account, region,
operation and user pool. A request takes a token from each of
its buckets, or from none when one is empty (a throttled request consumes nothing).

A bucket refills at its rate and holds at most --burst-seconds worth of requests (at least one):
a fraction of a second, so a client that saves up its quota cannot send a whole second of
requests at once. Cognito does not publish the size of its buckets; the default (a third of a
second: 5 reads at once, 1.67 per operation and pool) is the smallest burst a client should
count on.

Prints "listening on PORT" once ready. GET /stats answers the counts as JSON (requests,
forwarded, throttled, and throttled_read, throttled_write, throttled_pool_read,
throttled_resource_read, throttled_other by category, and first_read: the Unix time of the first
client read, Describe or ListUserPoolClients, since the last GET /mark); they are also printed
on stderr at exit (SIGTERM or SIGINT).
"""
import argparse
import http.client
import http.server
import json
import re
import signal
import sys
import threading
import time
import urllib.parse

READ = {"DescribeUserPoolClient", "ListUserPoolClients"}
WRITE = {"CreateUserPoolClient", "UpdateUserPoolClient", "DeleteUserPoolClient"}
# The reads plan makes once per pool are in quota categories of their own (UserPoolRead,
# UserResourceRead), given the app-client read rate here.
POOL_READ = {"DescribeUserPool"}
RESOURCE_READ = {"ListResourceServers", "ListIdentityProviders"}
CREDENTIAL = re.compile(r"Credential=([^/]+)/[^/]+/([^/]+)/")


class Bucket:
    def __init__(self, rate, burst_seconds):
        self.rate = rate
        self.capacity = max(1.0, rate * burst_seconds)
        self.tokens, self.at = self.capacity, time.monotonic()

    def refill(self, now):
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
        self.at = now


class Quotas:
    def __init__(self, read_rps, write_rps, op_pool_rps, burst_seconds):
        self.rates = {"read": read_rps, "write": write_rps,
                      "pool_read": read_rps, "resource_read": read_rps}
        self.op_pool_rps = op_pool_rps
        self.burst_seconds = burst_seconds
        self.buckets = {}
        self.lock = threading.Lock()
        self.stats = {"requests": 0, "forwarded": 0, "throttled": 0, "first_read": None,
                      "throttled_read": 0, "throttled_write": 0, "throttled_pool_read": 0,
                      "throttled_resource_read": 0, "throttled_other": 0}

    def bucket(self, key, rate):
        if key not in self.buckets:
            self.buckets[key] = Bucket(rate, self.burst_seconds)
        return self.buckets[key]

    def admit(self, account, region, operation, pool):
        """Takes a token from every bucket of the request, or from none and says no."""
        with self.lock:
            self.stats["requests"] += 1
            if operation in READ and self.stats["first_read"] is None:
                self.stats["first_read"] = time.time()
            now = time.monotonic()
            buckets = [self.bucket((account, region, operation, pool), self.op_pool_rps)]
            category = ("read" if operation in READ else "write" if operation in WRITE
                        else "pool_read" if operation in POOL_READ
                        else "resource_read" if operation in RESOURCE_READ else None)
            if category:
                buckets.append(self.bucket((account, region, category), self.rates[category]))
            for b in buckets:
                b.refill(now)
            if any(b.tokens < 1 for b in buckets):
                self.stats["throttled"] += 1
                self.stats["throttled_" + (category or "other")] += 1
                return False
            for b in buckets:
                b.tokens -= 1
            self.stats["forwarded"] += 1
            return True


def handler(upstream, quotas):
    target = urllib.parse.urlsplit(upstream)
    local = threading.local()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path == "/mark":
                with quotas.lock:
                    quotas.stats["first_read"] = None
                self.reply(200, {"Content-Type": "application/json"}, b"{}")
            elif self.path == "/stats":
                with quotas.lock:
                    self.reply(200, {"Content-Type": "application/json"}, json.dumps(quotas.stats).encode())
            else:
                self.forward(b"")

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            operation = self.headers.get("X-Amz-Target", "").rpartition(".")[2]
            if operation:
                match = CREDENTIAL.search(self.headers.get("Authorization", ""))
                account, region = match.groups() if match else ("", "")
                try:
                    pool = json.loads(body or b"{}").get("UserPoolId", "")
                except ValueError:
                    pool = ""
                if not quotas.admit(account, region, operation, pool):
                    self.reply(400, {"x-amzn-ErrorType": "TooManyRequestsException",
                                     "Content-Type": "application/x-amz-json-1.1"},
                               b'{"__type":"TooManyRequestsException","message":"Too many requests"}')
                    return
            self.forward(body)

        def forward(self, body):
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
            for attempt in range(2):
                connection = getattr(local, "connection", None)
                if connection is None:
                    connection = local.connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
                try:
                    connection.request(self.command, self.path, body=body, headers=headers)
                    response = connection.getresponse()
                    data = response.read()
                    break
                except (http.client.HTTPException, OSError):
                    connection.close()
                    local.connection = None
                    if attempt:
                        raise
            out = {k: v for k, v in response.getheaders()
                   if k.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date")}
            self.reply(response.status, out, data)

        def reply(self, status, headers, data):
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("upstream")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--read-rps", type=float, default=15)
    parser.add_argument("--write-rps", type=float, default=15)
    parser.add_argument("--op-pool-rps", type=float, default=5)
    parser.add_argument("--burst-seconds", type=float, default=1 / 3)
    args = parser.parse_args()
    quotas = Quotas(args.read_rps, args.write_rps, args.op_pool_rps, args.burst_seconds)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler(args.upstream, quotas))
    server.daemon_threads = True

    def stop(*_):
        print("quota_proxy: " + json.dumps(quotas.stats), file=sys.stderr, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"listening on {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
