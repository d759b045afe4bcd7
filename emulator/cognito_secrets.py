"""moto's server, with Cognito's client-secret operations added, for ccr's tests and demo.

moto 5.2.1 does not implement AddUserPoolClientSecret, ListUserPoolClientSecrets and
DeleteUserPoolClientSecret. This module adds them to moto's cognito-idp backend as the
Cognito API reference documents them, then runs moto's server:

- a confidential client (one made with GenerateSecret) starts with one secret, whose
  id is ``<client-id>--<epoch-create-time>``;
- Add makes a new secret, generated unless the request gives one (24-64 characters of
  ``[\\w+]``); the response carries the value only when Cognito generated it;
- a client holds at most two secrets: a third Add fails with LimitExceededException;
- the last remaining secret cannot be deleted (InvalidParameterException);
- List returns ids and creation dates, never values;
- DescribeUserPoolClient's ClientSecret is the newest active secret, so it is always one
  that Cognito accepts; a public client has none and Add on it fails.

Usage: ``python3 emulator/cognito_secrets.py -H 127.0.0.1 -p PORT`` (moto.server's options).
It serves loopback only: any other host is refused.
"""

import re
import secrets
import string
import sys
import time

from moto.cognitoidp import models, responses
from moto.cognitoidp.exceptions import InvalidParameterException, ResourceNotFoundError
from moto.core.exceptions import JsonRESTError
from moto.core.responses import ActionResult, EmptyResult

MAX_SECRETS = 2
_CUSTOM = re.compile(r"^[\w+]{24,64}$")
_ALPHABET = string.ascii_lowercase + string.digits


class LimitExceededException(JsonRESTError):
    def __init__(self, message):
        super().__init__("LimitExceededException", message)


def _secrets(client):
    """The client's active secrets, oldest first: dicts of id, value and created (epoch s)."""
    if not hasattr(client, "ccr_secrets"):
        client.ccr_secrets = []
        if client.generate_secret:
            now = int(time.time())
            client.ccr_secrets.append(
                {"id": f"{client.id}--{now}", "value": client.secret, "created": now}
            )
    return client.ccr_secrets


def _new_id(client):
    # Ids carry the creation second; a client's secrets are made in order, one second apart at
    # least, so that two Adds within a second keep distinct ids and creation order.
    created = int(time.time())
    last = max([s["created"] for s in _secrets(client)] + [getattr(client, "ccr_last", 0)])
    created = max(created, last + 1)
    client.ccr_last = created
    return f"{client.id}--{created}", created


def add_user_pool_client_secret(self, user_pool_id, client_id, value):
    client = self.describe_user_pool_client(user_pool_id, client_id)
    active = _secrets(client)
    if not client.generate_secret:
        raise InvalidParameterException(f"Client {client_id} is not a confidential client.")
    if len(active) >= MAX_SECRETS:
        raise LimitExceededException(
            f"Client {client_id} already has {MAX_SECRETS} client secrets."
        )
    if value is not None and not _CUSTOM.match(value):
        raise InvalidParameterException("ClientSecret must be 24-64 characters of [\\w+].")
    generated = value is None
    if generated:
        value = "".join(secrets.choice(_ALPHABET) for _ in range(51))
    secret_id, created = _new_id(client)
    active.append({"id": secret_id, "value": value, "created": created})
    client.secret = value
    descriptor = {"ClientSecretId": secret_id, "ClientSecretCreateDate": created}
    if generated:
        descriptor["ClientSecretValue"] = value
    return descriptor


def list_user_pool_client_secrets(self, user_pool_id, client_id):
    client = self.describe_user_pool_client(user_pool_id, client_id)
    return [
        {"ClientSecretId": s["id"], "ClientSecretCreateDate": s["created"]}
        for s in _secrets(client)
    ]


def delete_user_pool_client_secret(self, user_pool_id, client_id, secret_id):
    client = self.describe_user_pool_client(user_pool_id, client_id)
    active = _secrets(client)
    match = [s for s in active if s["id"] == secret_id]
    if not match:
        raise ResourceNotFoundError(f"Client secret {secret_id} does not exist.")
    if len(active) == 1:
        raise InvalidParameterException("The last client secret of a client cannot be deleted.")
    active.remove(match[0])
    client.secret = active[-1]["value"]


def _add(self):
    return ActionResult(
        {
            "ClientSecretDescriptor": self.backend.add_user_pool_client_secret(
                self._get_param("UserPoolId"),
                self._get_param("ClientId"),
                self._get_param("ClientSecret"),
            )
        }
    )


def _list(self):
    return ActionResult(
        {
            "ClientSecrets": self.backend.list_user_pool_client_secrets(
                self._get_param("UserPoolId"), self._get_param("ClientId")
            )
        }
    )


def _delete(self):
    self.backend.delete_user_pool_client_secret(
        self._get_param("UserPoolId"),
        self._get_param("ClientId"),
        self._get_param("ClientSecretId"),
    )
    return EmptyResult()


def install():
    """Adds the three operations to moto's cognito-idp backend and responses."""
    backend = models.CognitoIdpBackend
    backend.add_user_pool_client_secret = add_user_pool_client_secret
    backend.list_user_pool_client_secrets = list_user_pool_client_secrets
    backend.delete_user_pool_client_secret = delete_user_pool_client_secret
    response = responses.CognitoIdpResponse
    response.add_user_pool_client_secret = _add
    response.list_user_pool_client_secrets = _list
    response.delete_user_pool_client_secret = _delete


def _loopback_only(argv):
    host = "127.0.0.1"
    for i, arg in enumerate(argv):
        if arg in ("-H", "--host") and i + 1 < len(argv):
            host = argv[i + 1]
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"cognito_secrets.py serves loopback only, not {host}")


if __name__ == "__main__":
    _loopback_only(sys.argv[1:])
    if "-H" not in sys.argv and "--host" not in sys.argv:
        sys.argv[1:1] = ["-H", "127.0.0.1"]
    install()
    from moto.server import main

    main(sys.argv[1:])
