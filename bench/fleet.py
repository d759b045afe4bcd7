"""Helpers of bench/run.sh.

  fleet.py seed ENDPOINT DIR POOLS PER_POOL THREADS SHAPE   seeds moto, writes one YAML file per pool
                                                            and DIR.keys.json; SHAPE is small, large
                                                            or apply
  fleet.py desired DIR ROUND                                rewrites the files of an apply fleet so
                                                            that every client changes in this round
  fleet.py describe ENDPOINT DIR THREADS                    describes every client of a fleet with
                                                            boto3, one client object per thread
  fleet.py docs N DIR                                       writes N valid documents, 100 per file
  fleet.py time NAME OUT -- COMMAND...                      runs COMMAND once and appends its wall
                                                            and CPU seconds and peak RSS to
                                                            OUT/NAME.jsonl
  fleet.py report OUT                                       prints the results of run.sh
"""
import concurrent.futures
import json
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time

HEAD = """---
UserPoolId: {pool}
ClientId: '{client}'
ClientName: {name}
"""
# What describe answers for a client that sets only its name: a response of about 0.5 kB.
SMALL = HEAD
# A client with every common attribute set: a response of about 1.2 kB.
LARGE = HEAD + """AccessTokenValidity: 60
IdTokenValidity: 60
RefreshTokenValidity: 30
TokenValidityUnits: {{AccessToken: minutes, IdToken: minutes, RefreshToken: days}}
ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
SupportedIdentityProviders: [COGNITO]
CallbackURLs: [https://{name}.example.com/callback]
LogoutURLs: [https://{name}.example.com/logout]
DefaultRedirectURI: https://{name}.example.com/callback
AllowedOAuthFlows: [code]
AllowedOAuthScopes: [openid, email, profile]
AllowedOAuthFlowsUserPoolClient: true
PreventUserExistenceErrors: ENABLED
EnableTokenRevocation: true
AuthSessionValidity: 3
"""
# A small client whose refresh-token validity (days) changes in every round of the apply runs.
APPLY = HEAD + "RefreshTokenValidity: {refresh}\nTokenValidityUnits: {{RefreshToken: days}}\n"
SHAPES = {"small": SMALL, "large": LARGE, "apply": APPLY}
FIRST_REFRESH = 30

_local = threading.local()


def cognito(endpoint):
    import boto3
    if not hasattr(_local, "client"):
        session = boto3.session.Session()
        _local.client = session.client("cognito-idp", region_name="us-east-1", endpoint_url=endpoint,
                                       aws_access_key_id="testing", aws_secret_access_key="testing")
    return _local.client


def render(shape, pool, client, name, refresh=FIRST_REFRESH):
    return SHAPES[shape].format(pool=pool, client=client, name=name, refresh=refresh)


def attributes(shape, name):
    import yaml
    doc = yaml.safe_load(render(shape, "x", "x", name))
    return {k: v for k, v in doc.items() if k not in ("UserPoolId", "ClientId")}


def keys_file(directory):
    directory = pathlib.Path(directory)
    return directory.parent / (directory.name + ".keys.json")


def seed(endpoint, directory, pools, per_pool, threads, shape):
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    pool_ids = [cognito(endpoint).create_user_pool(PoolName=f"{directory.name}-{p}")["UserPool"]["Id"]
                for p in range(int(pools))]
    jobs = [(pool, f"client-{p:02d}-{c:04d}") for p, pool in enumerate(pool_ids) for c in range(int(per_pool))]

    def create(job):
        pool, name = job
        request = attributes(shape, name)
        return cognito(endpoint).create_user_pool_client(UserPoolId=pool, **request)["UserPoolClient"]["ClientId"]

    with concurrent.futures.ThreadPoolExecutor(int(threads)) as executor:
        ids = list(executor.map(create, jobs))
    clients = [{"pool": pool, "client": client, "name": name} for (pool, name), client in zip(jobs, ids)]
    keys_file(directory).write_text(json.dumps({"shape": shape, "clients": clients}))
    write_files(directory, FIRST_REFRESH)


def write_files(directory, refresh):
    directory = pathlib.Path(directory)
    fleet = json.loads(keys_file(directory).read_text())
    by_pool = {}
    for c in fleet["clients"]:
        by_pool.setdefault(c["pool"], []).append(render(fleet["shape"], c["pool"], c["client"], c["name"], refresh))
    for p, texts in enumerate(by_pool.values()):
        (directory / f"pool-{p:02d}.yaml").write_text("".join(texts))


def desired(directory, round_number):
    write_files(directory, FIRST_REFRESH + int(round_number))


def describe(endpoint, directory, threads):
    clients = json.loads(keys_file(directory).read_text())["clients"]
    start = time.monotonic()

    def one(c):
        return cognito(endpoint).describe_user_pool_client(UserPoolId=c["pool"], ClientId=c["client"])["UserPoolClient"]

    with concurrent.futures.ThreadPoolExecutor(int(threads)) as executor:
        described = list(executor.map(one, clients))
    assert len(described) == len(clients)
    print(f"{time.monotonic() - start:.3f}")


def docs(n, directory):
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    n = int(n)
    for f in range(0, n, 100):
        text = "".join(render("large", f"us-east-1_Bench{f // 100:05d}", f"client{i:06d}", f"client-{i}")
                       for i in range(f, min(n, f + 100)))
        (directory / f"docs-{f // 100:05d}.yaml").write_text(text)


def timed(name, out, dash, *command):
    """One run: wall seconds around fork and wait, CPU seconds and peak RSS of the child."""
    assert dash == "--"
    out = pathlib.Path(out)
    with open(out / f"{name}.out", "wb") as stdout, open(out / f"{name}.err", "wb") as stderr:
        epoch = time.time()
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    child.returncode = code  # reaped by wait4: tells Popen not to wait for it again
    row = {"start": epoch, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024, "code": code}
    with open(out / f"{name}.jsonl", "a") as f:
        f.write(json.dumps(row) + "\n")
    if code not in (0, 2):
        sys.stderr.write(f"bench: {name} exited {code}:\n" + (out / f"{name}.err").read_text()[-2000:])
        sys.exit(1)


def rows(out, name):
    path = pathlib.Path(out) / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def med(out, name, key="wall"):
    return statistics.median(r[key] for r in rows(out, name))


def spread(out, name):
    """The smallest and largest wall time, as a range."""
    walls = [r["wall"] for r in rows(out, name)]
    return f"{min(walls):.2f}-{max(walls):.2f}"


def report(out):
    out = pathlib.Path(out)
    info = json.loads((out / "info.json").read_text())
    lines = ["| measurement | result | ratio | goal | met |", "|---|---|---|---|---|"]

    def row(what, result, ratio, goal, met):
        lines.append(f"| {what} | {result} | {ratio} | {goal} | {'yes' if met else 'NO'} |")

    applies = rows(out, "apply")
    if applies:
        n, floor = info["apply_clients"], info["apply_floor"]
        walls = [r["wall"] for r in applies]
        throttled = [int(x) for x in (out / "apply.throttled").read_text().split()]
        worst = max(w / floor for w in walls)
        row(f"apply --plan, {n} clients in {info['apply_pools']} pools, quota stand-in (each run)",
            ", ".join(f"{w:.1f} s" for w in walls) + f"; floor {floor:.1f} s; throttled "
            + ", ".join(map(str, throttled)),
            f"{statistics.median(walls) / floor:.2f}x (worst {worst:.2f}x)", "<= 1.2x, <= 3 throttled",
            worst <= 1.2 and max(throttled) <= 3)
    for shape in ("small", "large"):
        if rows(out, f"plan-{shape}"):
            ccr, boto = med(out, f"plan-{shape}"), med(out, f"boto3-{shape}")
            cpu, boto_cpu = med(out, f"plan-{shape}", "cpu"), med(out, f"boto3-{shape}", "cpu")
            row(f"plan of {info['plan_clients']:,} {shape} clients, moto, unthrottled (median)",
                f"{ccr:.2f} s (range {spread(out, f'plan-{shape}')}) vs boto3 {boto:.2f} s "
                f"(range {spread(out, f'boto3-{shape}')}); CPU {cpu:.2f} s vs {boto_cpu:.2f} s",
                f"{ccr / boto:.2f}x wall, {cpu / boto_cpu:.2f}x CPU", "<= 1.0x wall, <= 1.5x CPU",
                ccr <= boto and cpu <= 1.5 * boto_cpu)
    if rows(out, "validate"):
        ccr, hello = med(out, "validate"), med(out, "hello")
        row(f"validate examples/ (median of {len(rows(out, 'validate'))})",
            f"{ccr * 1000:.0f} ms (range {spread(out, 'validate')} s) vs hello {hello * 1000:.0f} ms "
            f"(range {spread(out, 'hello')} s)", f"{ccr / hello:.1f}x", "<= 5x", ccr <= 5 * hello)
    if rows(out, "quota-plan"):
        n = info["quota_clients"]
        runs = rows(out, "quota-plan")
        walls = [r["wall"] for r in runs]
        firsts = [float(x) for x in (out / "quota-plan.first").read_text().split()]
        first = [f - r["start"] for f, r in zip(firsts, runs)]
        floor = n / 15
        throttled = [int(x) for x in (out / "quota-plan.throttled").read_text().split()]
        worst = max(w / floor for w in walls)
        row(f"plan of {n:,} small clients in {info['quota_pools']} pools, quota stand-in (each run)",
            ", ".join(f"{w:.1f} s" for w in walls) + f"; floor {floor:.1f} s; first client read "
            + ", ".join(f"{x:.2f} s" for x in first) + " after the start; throttled "
            + ", ".join(map(str, throttled)),
            f"{statistics.median(walls) / floor:.2f}x (worst {worst:.2f}x)",
            "<= 1.05x, first read <= 0.5 s, <= 3 throttled",
            worst <= 1.05 and max(first) <= 0.5 and max(throttled) <= 3)
    if rows(out, "docs10k"):
        a, b = med(out, "docs10k"), med(out, "docs20k")
        peak = max(r["rss_mb"] for r in rows(out, "docs20k"))
        row("validate 10,000 / 20,000 documents (median)", f"{a:.2f} s / {b:.2f} s; peak {peak:.0f} MB",
            f"{b / a:.2f}x", "<= 2.2x", b <= 2.2 * a)
    peaks = {name: max(r["rss_mb"] for r in rows(out, name))
             for name in ("plan-small", "plan-large", "quota-plan", "apply") if rows(out, name)}
    if peaks:
        row("peak RSS of plan and apply", ", ".join(f"{k} {v:.0f} MB" for k, v in peaks.items()), "",
            "< 256 MB", max(peaks.values()) < 256)
    print("\n".join(lines))
    print()
    for shape in ("small", "large"):
        if rows(out, f"boto3-{shape}"):
            loop = float((out / f"boto3-{shape}.out").read_text().split()[-1])
            print(f"boto3 describe loop alone ({shape}, last run, without interpreter start): {loop:.2f} s")
    for name in ("validate", "hello", "plan-small", "plan-large"):
        if rows(out, name):
            print(f"{name}: median CPU {med(out, name, 'cpu'):.2f} s, peak RSS "
                  f"{max(r['rss_mb'] for r in rows(out, name)):.0f} MB")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"at the start: {info['load']}")


if __name__ == "__main__":
    commands = {"seed": seed, "desired": desired, "describe": describe, "docs": docs, "time": timed,
                "report": report}
    commands[sys.argv[1]](*sys.argv[2:])
