"""Runs a Python snippet with boto3 clients made for the emulator, for test setup.

    AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... \\
        python run_boto3.py 'print(s3.list_buckets()["Buckets"])'

The snippet (the first argument, or standard input when there is none) runs with these names:
    url                  the emulator's URL (AWS_ENDPOINT_URL)
    s3, iam, sts, sagemaker, runtime   boto3 clients signed with the environment's keys,
                         region AWS_REGION (default us-east-1), no retries
    boto3, json          the modules
    moto_api(path, document=None)      POST (GET without a document) to url + path, unsigned,
                         e.g. moto_api("/moto-api/static/sagemaker/endpoint-results", {...});
                         returns the answer's text
    control(route, document=None)      the same for /pilot-emulator/ROUTE
    trust_policy(service="sagemaker.amazonaws.com")   an assume-role policy document (JSON text)
What the snippet prints is the result; an exception ends the run with exit status 1.
"""

import json
import os
import sys
import traceback
import urllib.request

import boto3
import botocore.config

url = os.environ["AWS_ENDPOINT_URL"].rstrip("/")
_session = boto3.session.Session(
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    region_name=os.environ.get("AWS_REGION", "us-east-1"),
)
_config = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"})


def _client(name: str):
    return _session.client(name, endpoint_url=url, config=_config)


s3 = _client("s3")
iam = _client("iam")
sts = _client("sts")
sagemaker = _client("sagemaker")
runtime = _client("sagemaker-runtime")


def moto_api(path: str, document=None) -> str:
    data = None if document is None else (document if isinstance(document, str) else json.dumps(document)).encode()
    request = urllib.request.Request(url + path, data=data, method="GET" if data is None else "POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read().decode()


def control(route: str, document=None) -> str:
    return moto_api("/pilot-emulator/" + route.strip("/"), document if document is not None else "")


def trust_policy(service: str = "sagemaker.amazonaws.com") -> str:
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
    })


if __name__ == "__main__":
    snippet = sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read()
    try:
        exec(compile(snippet, "<snippet>", "exec"), {
            "__name__": "__snippet__", "url": url, "s3": s3, "iam": iam, "sts": sts, "sagemaker": sagemaker,
            "runtime": runtime, "boto3": boto3, "json": json, "moto_api": moto_api, "control": control,
            "trust_policy": trust_policy,
        })
    except Exception as error:  # noqa: BLE001 - said briefly: where in the snippet, and what
        lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<snippet>"]
        where = f"line {lines[-1]}: {snippet.splitlines()[lines[-1] - 1].strip()}" if lines else "snippet"
        print(f"{where}\n{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
