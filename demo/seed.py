"""Seeds a local Cognito emulator with the clients of examples/, some of them drifted.

Usage: seed.py ENDPOINT EXAMPLES_DIR OUT_DIR

The emulator gives new pool and client ids, so the example files are copied to OUT_DIR
with their ids replaced by the seeded ones. Drift is made on purpose: the live clients
differ from their files in a few attributes, which `ccr plan` then reports. A document
without ClientId is left for `ccr apply` to create, unless it declares its client absent
(ccr: {state: absent}): that client is seeded so that apply has one to delete. Each pool
gets what its clients use, as a real pool has it (plan checks the clients against it): a
domain, the custom attributes, and the resource servers of the custom scopes.
"""
import pathlib
import sys

import boto3
import yaml

# Live values that differ from the files, by ClientName.
DRIFT = {
    "web-app": {
        "CallbackURLs": ["https://app.example.com/auth/callback", "https://old.example.com/callback"],
        "PreventUserExistenceErrors": "LEGACY",
        # 1 hour is the same duration as the file's 60 minutes: not drift.
        "AccessTokenValidity": 1,
        "TokenValidityUnits": {"AccessToken": "hours", "IdToken": "minutes", "RefreshToken": "days"},
    },
    "dashboard-spa": {"AccessTokenValidity": 60},
    "admin-console": {"ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"]},
}
SECRET = {"web-app", "admin-console", "billing-service", "audit-report-job"}


def main(endpoint, examples, out):
    pools, clients = {}, {}
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(pathlib.Path(examples).glob("*.yaml")):
        text = path.read_text()
        for doc in yaml.safe_load_all(text):
            pool_id = doc["UserPoolId"]
            region = pool_id.split("_")[0]
            idp = boto3.client("cognito-idp", region_name=region, endpoint_url=endpoint,
                               aws_access_key_id="testing", aws_secret_access_key="testing")
            if pool_id not in pools:
                pools[pool_id] = create_pool(idp, pool_id, examples)
            absent = doc.get("ccr", {}).get("state") == "absent"
            if "ClientId" not in doc and not absent:
                continue
            name = doc.get("ClientName", doc.get("ClientId"))
            attributes = {k: v for k, v in doc.items()
                          if k not in ("UserPoolId", "ClientId", "ccr", "GenerateSecret")}
            attributes.update(DRIFT.get(name, {}))
            created = idp.create_user_pool_client(
                UserPoolId=pools[pool_id], GenerateSecret=name in SECRET, **attributes)
            if "ClientId" in doc:
                clients[doc["ClientId"]] = created["UserPoolClient"]["ClientId"]
        for old, new in list(pools.items()) + list(clients.items()):
            text = text.replace(old, new)
        (out / path.name).write_text(text)
    print(f"seeded the clients of {len(pools)} pools")


def create_pool(idp, pool_id, examples):
    """A pool with a domain and what the examples' clients of pool_id use."""
    docs = [d for p in sorted(pathlib.Path(examples).glob("*.yaml"))
            for d in yaml.safe_load_all(p.read_text()) if d["UserPoolId"] == pool_id]
    custom = sorted({a.split(":", 1)[1] for d in docs
                     for a in d.get("ReadAttributes", []) + d.get("WriteAttributes", [])
                     if a.startswith("custom:")})
    schema = [{"Name": a, "AttributeDataType": "String", "Mutable": True} for a in custom]
    extra = {"Schema": schema} if schema else {}
    created = idp.create_user_pool(PoolName="demo-" + pool_id, **extra)["UserPool"]["Id"]
    idp.create_user_pool_domain(UserPoolId=created, Domain="demo-" + created.split("_")[1][:12].lower())
    servers = {}
    for scope in (s for d in docs for s in d.get("AllowedOAuthScopes", []) if "/" in s):
        server, name = scope.split("/", 1)
        servers.setdefault(server, set()).add(name)
    for server, names in sorted(servers.items()):
        idp.create_resource_server(UserPoolId=created, Identifier=server, Name=server,
                                   Scopes=[{"ScopeName": n, "ScopeDescription": n} for n in sorted(names)])
    return created


if __name__ == "__main__":
    main(*sys.argv[1:])
