#!/usr/bin/env python3
"""boto3's logs client against one sagerun port, read the way Airflow's SageMaker hook reads a
training job's logs (DescribeLogStreams by prefix, GetLogEvents from the head until the
nextForwardToken repeats).

Usage: boto3_logs.py NOW_MS
NOW_MS is the emulator's clock (epoch ms), so the events written are neither too old nor too new.
The endpoint comes from AWS_ENDPOINT_URL alone, shared with the s3 and sagemaker clients. Prints
one JSON object of what boto3 observed, for test/external/boto3-logs.e2e.test.ts to assert on.
"""
import json
import sys

import boto3
from botocore.config import Config

NOW = int(sys.argv[1])
NO_RETRIES = Config(retries={"total_max_attempts": 1})
logs = boto3.client("logs", config=NO_RETRIES)
observed = {}

GROUP = "/aws/sagemaker/TrainingJobs"
STREAM = "job-1/algo-1-1767225600"

try:
    logs.describe_log_streams(logGroupName=GROUP, logStreamNamePrefix="job-1/")
except logs.exceptions.ResourceNotFoundException as error:
    observed["missing_group"] = [error.response["Error"]["Code"], error.response["Error"]["Message"]]

logs.create_log_group(logGroupName=GROUP)
logs.create_log_stream(logGroupName=GROUP, logStreamName=STREAM)
logs.create_log_stream(logGroupName=GROUP, logStreamName="job-2/algo-1-1767225600")
lines = [f"line {i}" for i in range(7)]
logs.put_log_events(
    logGroupName=GROUP,
    logStreamName=STREAM,
    logEvents=[{"timestamp": NOW - 7000 + 1000 * i, "message": line} for i, line in enumerate(lines)],
)
logs.put_log_events(logGroupName=GROUP, logStreamName="job-2/algo-1-1767225600", logEvents=[{"timestamp": NOW, "message": "other job"}])

streams = logs.describe_log_streams(logGroupName=GROUP, logStreamNamePrefix="job-1/", orderBy="LogStreamName", limit=1)
observed["streams"] = [
    {k: s[k] for k in ("logStreamName", "firstEventTimestamp", "lastEventTimestamp")} for s in streams["logStreams"]
]
latest = logs.describe_log_streams(logGroupName=GROUP, orderBy="LastEventTime", descending=True)
observed["latest_first"] = [s["logStreamName"] for s in latest["logStreams"]]

# AwsLogsHook.get_log_events: from the head, until the token repeats.
seen, pages, token = [], 0, None
while True:
    kwargs = {"nextToken": token} if token else {"startFromHead": True}
    got = logs.get_log_events(logGroupName=GROUP, logStreamName=STREAM, limit=3, **kwargs)
    pages += 1
    seen += [event["message"] for event in got["events"]]
    if got["nextForwardToken"] == token:
        break
    token = got["nextForwardToken"]
observed["forward"] = {"messages": seen, "pages": pages}

paginated = logs.get_paginator("filter_log_events").paginate(logGroupName=GROUP, filterPattern="line", PaginationConfig={"PageSize": 2})
observed["filtered"] = [event["message"] for page in paginated for event in page["events"]]
observed["groups"] = [g["logGroupName"] for page in logs.get_paginator("describe_log_groups").paginate() for g in page["logGroups"]]

try:
    logs.get_log_events(logGroupName=GROUP, logStreamName="nope")
except logs.exceptions.ResourceNotFoundException as error:
    observed["missing_stream"] = [error.response["Error"]["Code"], error.response["Error"]["Message"]]
try:
    logs.create_log_group(logGroupName=GROUP)
except logs.exceptions.ResourceAlreadyExistsException as error:
    observed["exists"] = error.response["Error"]["Code"]

observed["s3"] = boto3.client("s3", config=NO_RETRIES).list_buckets()["Buckets"]
observed["sagemaker"] = boto3.client("sagemaker", config=NO_RETRIES).list_training_jobs()["TrainingJobSummaries"]
print(json.dumps(observed))
