"""Helpers of bench/run.sh.

  fleet.py seed ENDPOINT OUT_DIR POOLS PER_POOL THREADS   seeds moto, writes one YAML file per pool
  fleet.py describe ENDPOINT OUT_DIR THREADS               describes every seeded client with boto3
  fleet.py docs N OUT_DIR                                  writes N valid documents, 100 per file
"""
import concurrent.futures
import json
import pathlib
import sys
import threading
import time

CLIENT = """---
UserPoolId: {pool}
ClientId: '{client}'
ClientName: {name}
AccessTokenValidity: 60
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

_local = threading.local()


def cognito(endpoint):
    import boto3
    if not hasattr(_local, "client"):
        session = boto3.session.Session()
        _local.client = session.client("cognito-idp", region_name="us-east-1", endpoint_url=endpoint,
                                       aws_access_key_id="testing", aws_secret_access_key="testing")
    return _local.client


def attributes(name):
    import yaml
    doc = yaml.safe_load(CLIENT.format(pool="x", client="x", name=name))
    return {k: v for k, v in doc.items() if k not in ("UserPoolId", "ClientId")}


def seed(endpoint, out, pools, per_pool, threads):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pool_ids = [cognito(endpoint).create_user_pool(PoolName=f"bench-{p}")["UserPool"]["Id"]
                for p in range(int(pools))]
    jobs = [(pool, f"client-{p:02d}-{c:04d}") for p, pool in enumerate(pool_ids) for c in range(int(per_pool))]

    def create(job):
        pool, name = job
        return cognito(endpoint).create_user_pool_client(UserPoolId=pool, **attributes(name))["UserPoolClient"]["ClientId"]

    with concurrent.futures.ThreadPoolExecutor(int(threads)) as executor:
        ids = list(executor.map(create, jobs))
    keys = []
    for p, pool in enumerate(pool_ids):
        text = []
        for (job_pool, name), client in zip(jobs, ids):
            if job_pool == pool:
                text.append(CLIENT.format(pool=pool, client=client, name=name))
                keys.append([pool, client])
        (out / f"pool-{p:02d}.yaml").write_text("".join(text))
    (out.parent / "keys.json").write_text(json.dumps(keys))


def describe(endpoint, out, threads):
    keys = json.loads((pathlib.Path(out).parent / "keys.json").read_text())
    start = time.monotonic()

    def one(key):
        return cognito(endpoint).describe_user_pool_client(UserPoolId=key[0], ClientId=key[1])["UserPoolClient"]

    with concurrent.futures.ThreadPoolExecutor(int(threads)) as executor:
        clients = list(executor.map(one, keys))
    assert len(clients) == len(keys)
    print(f"{time.monotonic() - start:.2f}")


def docs(n, out):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    n = int(n)
    for f in range(0, n, 100):
        text = "".join(CLIENT.format(pool=f"us-east-1_Bench{f // 100:05d}", client=f"client{i:06d}", name=f"client-{i}")
                       for i in range(f, min(n, f + 100)))
        (out / f"docs-{f // 100:05d}.yaml").write_text(text)


if __name__ == "__main__":
    {"seed": seed, "describe": describe, "docs": docs}[sys.argv[1]](*sys.argv[2:])
