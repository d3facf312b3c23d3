#!/usr/bin/env python3
"""boto3's s3 and sagemaker clients against one sagerun port, as a Python user would drive them.

Usage: boto3_s3.py WORKDIR
The endpoint comes from AWS_ENDPOINT_URL alone (botocore's endpoint for every service), so the
emulator's router must tell S3 from SageMaker. Prints one JSON object of what boto3 observed, for
test/external/boto3-s3.e2e.test.ts to assert on.
"""
import hashlib
import json
import os
import sys

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

WORKDIR = sys.argv[1]
NO_RETRIES = Config(retries={"total_max_attempts": 1})
s3 = boto3.client("s3", config=NO_RETRIES)
sagemaker = boto3.client("sagemaker", config=NO_RETRIES)
observed = {}


def error_of(call):
    try:
        call()
    except ClientError as error:
        return [error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]]
    return None


s3.create_bucket(Bucket="boto-data")
s3.put_object(Bucket="boto-data", Key="iris/train.csv", Body=b"5.1,3.5\n", ContentType="text/csv", Metadata={"origin": "uci"})
got = s3.get_object(Bucket="boto-data", Key="iris/train.csv")
observed["get"] = {
    "body": got["Body"].read().decode(),
    "content_type": got["ContentType"],
    "metadata": got["Metadata"],
    "etag": got["ETag"],
}
observed["range"] = s3.get_object(Bucket="boto-data", Key="iris/train.csv", Range="bytes=2-4")["Body"].read().decode()

# upload_file goes multipart above its threshold: two parts of a 6 MiB file.
path = os.path.join(WORKDIR, "big.bin")
data = bytes(range(256)) * (6 * 1024 * 4)
with open(path, "wb") as f:
    f.write(data)
s3.upload_file(path, "boto-data", "big/file.bin", Config=TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024))
head = s3.head_object(Bucket="boto-data", Key="big/file.bin")
back = os.path.join(WORKDIR, "back.bin")
s3.download_file("boto-data", "big/file.bin", back)
with open(back, "rb") as f:
    same = f.read() == data
observed["multipart"] = {"etag": head["ETag"], "length": head["ContentLength"], "download_matches": same}

for key in ["logs/a b.txt", "logs/c+d.txt", "models/m1/model.tar.gz", "readme"]:
    s3.put_object(Bucket="boto-data", Key=key, Body=key.encode())
pages = s3.get_paginator("list_objects_v2").paginate(Bucket="boto-data", Delimiter="/", PaginationConfig={"PageSize": 1})
observed["list_v2_pages"] = [
    {"keys": [o["Key"] for o in page.get("Contents", [])], "prefixes": [p["Prefix"] for p in page.get("CommonPrefixes", [])]}
    for page in pages
]
observed["list_v1_resource"] = [o.key for o in boto3.resource("s3", config=NO_RETRIES).Bucket("boto-data").objects.filter(Prefix="logs/")]
s3.copy_object(Bucket="boto-data", Key="copy.csv", CopySource={"Bucket": "boto-data", "Key": "iris/train.csv"})
observed["copy_type"] = s3.head_object(Bucket="boto-data", Key="copy.csv")["ContentType"]
deleted = s3.delete_objects(Bucket="boto-data", Delete={"Objects": [{"Key": "readme"}, {"Key": "copy.csv"}]})
observed["deleted"] = sorted(d["Key"] for d in deleted["Deleted"])
observed["errors"] = {
    "no_such_key": error_of(lambda: s3.get_object(Bucket="boto-data", Key="nope")),
    "no_such_bucket": error_of(lambda: s3.list_objects_v2(Bucket="no-such-bucket")),
    "head_missing": error_of(lambda: s3.head_object(Bucket="boto-data", Key="nope")),
    "bucket_not_empty": error_of(lambda: s3.delete_bucket(Bucket="boto-data")),
    "invalid_range": error_of(lambda: s3.get_object(Bucket="boto-data", Key="iris/train.csv", Range="bytes=100-")),
    "bad_digest": error_of(lambda: s3.put_object(Bucket="boto-data", Key="x", Body=b"abc", ContentMD5="AAAAAAAAAAAAAAAAAAAAAA==")),
}
observed["buckets"] = [b["Name"] for b in s3.list_buckets()["Buckets"]]
# The same endpoint answers SageMaker.
observed["sagemaker"] = sagemaker.list_training_jobs()["TrainingJobSummaries"]
print(json.dumps(observed))
