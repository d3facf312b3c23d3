#!/usr/bin/env python3
"""boto3 against a sagerun HTTP server that injects faults (test/faults/boto3-faults.e2e.test.ts
sets them): throttling and a 5xx that botocore's standard retry mode retries, an instance quota
refusal, a CapacityError failure, and S3's SlowDown.

Usage: boto3_faults.py REQUESTS_JSON
The endpoint comes from AWS_ENDPOINT_URL. Prints one JSON object of what boto3 observed.
"""
import json
import sys
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

requests = json.loads(sys.argv[1])
ENDPOINT = __import__("os").environ["AWS_ENDPOINT_URL"]
# Standard mode (botocore.retries.standard): throttling codes and 5xx are retried. Two attempts
# keep the real back-off (up to 1 s) short.
RETRY_ONCE = Config(retries={"mode": "standard", "total_max_attempts": 2})
sagemaker = boto3.client("sagemaker", config=RETRY_ONCE)
s3 = boto3.client("s3", config=RETRY_ONCE)
observed = {}


def error_of(call):
    try:
        call()
    except ClientError as error:
        return {
            "class": type(error).__name__,
            "code": error.response["Error"]["Code"],
            "message": error.response["Error"]["Message"],
            "http_status": error.response["ResponseMetadata"]["HTTPStatusCode"],
            "retry_attempts": error.response["ResponseMetadata"]["RetryAttempts"],
        }
    return None


observed["throttled"] = error_of(lambda: sagemaker.describe_training_job(TrainingJobName="anything"))
observed["internal_failure"] = error_of(lambda: sagemaker.list_training_jobs())
observed["quota"] = error_of(lambda: sagemaker.create_training_job(**requests["quota"]))
observed["quota_is_modelled_class"] = observed["quota"]["class"] == "ResourceLimitExceeded"

sagemaker.create_training_job(**requests["capacity"])
advance = urllib.request.Request(
    f"{ENDPOINT}/_sagerun/clock/advance", data=b'{"seconds": 60}', headers={"content-type": "application/json"}, method="POST"
)
urllib.request.urlopen(advance).read()
job = sagemaker.describe_training_job(TrainingJobName=requests["capacity"]["TrainingJobName"])
observed["capacity"] = {k: job.get(k) for k in ("TrainingJobStatus", "SecondaryStatus", "FailureReason", "TrainingStartTime")}

observed["slow_down"] = error_of(lambda: s3.list_objects_v2(Bucket="any-bucket"))
print(json.dumps(observed))
