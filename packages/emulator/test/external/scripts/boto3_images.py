#!/usr/bin/env python3
"""boto3 against `sagerun-emulator serve --images images.mjs` (docs/clients.md §14): the module's
mean-trainer image trains, reports its metric through MetricDefinitions, and serves.

Usage: boto3_images.py WORKDIR
The endpoint comes from AWS_ENDPOINT_URL. Prints one JSON object of what boto3 observed, for
test/external/sagerun-emulator-images.e2e.test.ts to assert on.
"""
import io
import json
import os
import sys
import tarfile

import boto3
from botocore.config import Config

WORKDIR = sys.argv[1]
IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/mean-trainer:1"
ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole"
NO_RETRIES = Config(retries={"total_max_attempts": 1})
FAST = {"Delay": 0.1, "MaxAttempts": 300}

s3 = boto3.client("s3", config=NO_RETRIES)
sagemaker = boto3.client("sagemaker", config=NO_RETRIES)
runtime = boto3.client("sagemaker-runtime", config=NO_RETRIES)
observed = {}

s3.create_bucket(Bucket="means")
path = os.path.join(WORKDIR, "points.csv")
with open(path, "w") as f:
    f.write("1,10\n2,20\n3,30\n6,60\n")
s3.upload_file(path, "means", "train/points.csv")

sagemaker.create_training_job(
    TrainingJobName="mean-1",
    RoleArn=ROLE_ARN,
    AlgorithmSpecification={
        "TrainingImage": IMAGE,
        "TrainingInputMode": "File",
        "MetricDefinitions": [{"Name": "train:mean", "Regex": "mean=([0-9.]+)"}],
    },
    InputDataConfig=[
        {
            "ChannelName": "train",
            "ContentType": "text/csv",
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://means/train/"}},
        }
    ],
    OutputDataConfig={"S3OutputPath": "s3://means/output/"},
    ResourceConfig={"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
sagemaker.get_waiter("training_job_completed_or_stopped").wait(TrainingJobName="mean-1", WaiterConfig=FAST)
job = sagemaker.describe_training_job(TrainingJobName="mean-1")
observed["training"] = {
    "status": job["TrainingJobStatus"],
    "metrics": [[m["MetricName"], m["Value"]] for m in job.get("FinalMetricDataList", [])],
}

artifact = job["ModelArtifacts"]["S3ModelArtifacts"]
body = s3.get_object(Bucket="means", Key=artifact.removeprefix("s3://means/"))["Body"].read()
with tarfile.open(fileobj=io.BytesIO(body), mode="r:gz") as tar:
    observed["model_tar"] = {m.name: json.load(tar.extractfile(m)) for m in tar.getmembers()}

sagemaker.create_model(ModelName="mean", ExecutionRoleArn=ROLE_ARN, PrimaryContainer={"Image": IMAGE, "ModelDataUrl": artifact})
sagemaker.create_endpoint_config(
    EndpointConfigName="mean",
    ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "mean", "InstanceType": "ml.m5.large", "InitialInstanceCount": 1}],
)
sagemaker.create_endpoint(EndpointName="mean", EndpointConfigName="mean")
sagemaker.get_waiter("endpoint_in_service").wait(EndpointName="mean", WaiterConfig=FAST)
answer = runtime.invoke_endpoint(EndpointName="mean", ContentType="text/csv", Body=b"5,0\n1,0\n")
observed["invoke"] = {
    "body": answer["Body"].read().decode(),
    "content_type": answer["ContentType"],
    "variant": answer["InvokedProductionVariant"],
}
print(json.dumps(observed))
