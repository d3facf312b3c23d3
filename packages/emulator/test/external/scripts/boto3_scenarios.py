#!/usr/bin/env python3
"""boto3 against the sagerun HTTP server, as a Python user would drive it.

Usage: boto3_scenarios.py '<requests json>' SCENARIO...
Prints one JSON object, scenario -> what boto3 observed, for test/external/boto3.e2e.test.ts to
assert on. The endpoint comes from AWS_ENDPOINT_URL_SAGEMAKER (botocore's service-specific
endpoint variable), so the scenarios also prove that variable works; `explicit_endpoint_url`
passes endpoint_url= instead.
"""
import datetime
import json
import os
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

REQUESTS = json.loads(sys.argv[1])
# boto3's waiters poll every 120 s (training) or 30 s (endpoints) by default (waiters-2.json);
# WaiterConfig may shorten that, fractions included (botocore waiter.py passes Delay to time.sleep).
FAST = {"Delay": 0.2, "MaxAttempts": 150}
NO_RETRIES = Config(retries={"total_max_attempts": 1})
client = boto3.client("sagemaker", config=NO_RETRIES)


def training(name):
    return {**REQUESTS["training"], "TrainingJobName": name}


def status(name):
    return client.describe_training_job(TrainingJobName=name)["TrainingJobStatus"]


def error_of(call):
    try:
        call()
    except ClientError as error:
        return error
    raise AssertionError("expected a ClientError")


def training_completed():
    client.create_training_job(**training("boto-complete"))
    first = status("boto-complete")
    client.get_waiter("training_job_completed_or_stopped").wait(TrainingJobName="boto-complete", WaiterConfig=FAST)
    done = client.describe_training_job(TrainingJobName="boto-complete")
    created = done["CreationTime"]
    return {
        "first": first,
        "final": [done["TrainingJobStatus"], done["SecondaryStatus"]],
        "creation_time_is_aware_datetime": isinstance(created, datetime.datetime) and created.tzinfo is not None,
        "ended_after_creation": done["TrainingEndTime"] > created,
        "artifacts": done["ModelArtifacts"]["S3ModelArtifacts"],
    }


def stopped():
    client.create_training_job(**training("boto-stop"))
    client.stop_training_job(TrainingJobName="boto-stop")
    after_stop = status("boto-stop")
    client.get_waiter("training_job_completed_or_stopped").wait(TrainingJobName="boto-stop", WaiterConfig=FAST)
    return {"after_stop": after_stop, "final": status("boto-stop")}


def duplicate():
    client.create_training_job(**training("boto-dup"))
    try:
        client.create_training_job(**training("BOTO-DUP"))
    except client.exceptions.ResourceInUse as error:
        return {"class": type(error).__name__, "code": error.response["Error"]["Code"], "message": error.response["Error"]["Message"]}
    return {"class": None}


def not_found():
    error = error_of(lambda: client.describe_training_job(TrainingJobName="boto-missing"))
    return {
        "code": error.response["Error"]["Code"],
        "message": error.response["Error"]["Message"],
        "http_status": error.response["ResponseMetadata"]["HTTPStatusCode"],
        "is_resource_not_found_class": isinstance(error, client.exceptions.ResourceNotFound),
        "str": str(error),
    }


def pagination():
    for i in range(5):
        client.create_training_job(**training(f"page-job-{i}"))
    pages = client.get_paginator("list_training_jobs").paginate(
        NameContains="page-job", SortBy="Name", SortOrder="Ascending", PaginationConfig={"PageSize": 2}
    )
    return [[s["TrainingJobName"] for s in page["TrainingJobSummaries"]] for page in pages]


def explicit_endpoint_url():
    url = os.environ.pop("AWS_ENDPOINT_URL_SAGEMAKER")
    try:
        explicit = boto3.client("sagemaker", endpoint_url=url, config=NO_RETRIES)
        return {"http_status": explicit.list_training_jobs(MaxResults=1)["ResponseMetadata"]["HTTPStatusCode"]}
    finally:
        os.environ["AWS_ENDPOINT_URL_SAGEMAKER"] = url


def endpoint_in_service():
    client.create_model(**REQUESTS["model"])
    client.create_endpoint_config(**REQUESTS["endpointConfig"])
    client.create_endpoint(**REQUESTS["endpoint"])
    name = REQUESTS["endpoint"]["EndpointName"]
    first = client.describe_endpoint(EndpointName=name)["EndpointStatus"]
    client.get_waiter("endpoint_in_service").wait(EndpointName=name, WaiterConfig=FAST)
    return {"first": first, "final": client.describe_endpoint(EndpointName=name)["EndpointStatus"]}


results = {}
for scenario in sys.argv[2:]:
    try:
        results[scenario] = globals()[scenario]()
    except Exception as error:  # reported, not raised: one broken scenario must not hide the others
        results[scenario] = {"unexpected": f"{type(error).__name__}: {error}"}
print(json.dumps(results))
