"""Checks, for demo.sh, that a Secrets Manager secret holds an app client's newest secret.

Usage: check_secret.py ENDPOINT CLIENT_FILE SECRET_NAME

Compares the value of AWSCURRENT with the client's ClientSecret (the emulator's Describe shows
the newest secret) and prints the versions' stages; it never prints a value.
"""
import sys

import boto3
import yaml


def main(endpoint, client_file, secret_name):
    doc = yaml.safe_load(open(client_file))
    options = dict(endpoint_url=endpoint, region_name=doc["UserPoolId"].split("_")[0])
    cognito = boto3.client("cognito-idp", **options)
    secrets = boto3.client("secretsmanager", **options)
    client = cognito.describe_user_pool_client(
        UserPoolId=doc["UserPoolId"], ClientId=doc["ClientId"]
    )["UserPoolClient"]
    listed = cognito.list_user_pool_client_secrets(
        UserPoolId=doc["UserPoolId"], ClientId=doc["ClientId"]
    )["ClientSecrets"]
    current = secrets.get_secret_value(SecretId=secret_name)["SecretString"]
    stages = secrets.describe_secret(SecretId=secret_name)["VersionIdsToStages"]
    print(f"client secrets: {', '.join(s['ClientSecretId'] for s in listed)}")
    print(f"version stages of {secret_name}: {sorted(v for v in stages.values() if v)}")
    if current != client["ClientSecret"]:
        sys.exit("demo: the store does not hold the client's newest secret")
    print("the store's AWSCURRENT value is the client's newest secret")


if __name__ == "__main__":
    main(*sys.argv[1:])
