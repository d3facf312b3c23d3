#!/usr/bin/env python3
"""boto3 makes what the dashboard browser test then looks at: an S3 bucket with the Iris CSVs and a
JSON object, a k-NN training job, and the Iris pipeline with one execution.

Usage: boto3_dashboard.py WORKDIR   (WORKDIR holds definition.json, train.csv, test.csv, batch.csv)
The endpoint comes from AWS_ENDPOINT_URL. The emulator's clock does not move by itself, so every
job is still at its start when this ends. Prints the ARNs it made as one JSON object.
"""
import json
import os
import sys

import boto3
from botocore.config import Config

WORKDIR = sys.argv[1]
ROLE = "arn:aws:iam::123456789012:role/SageMakerRole"
KNN_IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1"
config = Config(retries={"total_max_attempts": 1})
sm = boto3.client("sagemaker", config=config)
s3 = boto3.client("s3", config=config)

s3.create_bucket(Bucket="iris")
s3.upload_file(os.path.join(WORKDIR, "train.csv"), "iris", "data/train/iris.csv")
s3.upload_file(os.path.join(WORKDIR, "test.csv"), "iris", "data/test/iris.csv")
s3.upload_file(os.path.join(WORKDIR, "batch.csv"), "iris", "data/batch/iris.csv")
s3.put_object(Bucket="iris", Key="notes/run.json", Body=b'{"owner": "dashboard test", "k": 5}', ContentType="application/json")


def channel(name, prefix):
    source = {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"s3://iris/{prefix}"}}
    return {"ChannelName": name, "ContentType": "text/csv", "DataSource": source}


training = sm.create_training_job(
    TrainingJobName="iris-knn",
    RoleArn=ROLE,
    AlgorithmSpecification={"TrainingImage": KNN_IMAGE, "TrainingInputMode": "File"},
    HyperParameters={"feature_dim": "4", "k": "5", "predictor_type": "classifier", "sample_size": "200"},
    InputDataConfig=[channel("train", "data/train/"), channel("test", "data/test/")],
    OutputDataConfig={"S3OutputPath": "s3://iris/output/"},
    ResourceConfig={"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
with open(os.path.join(WORKDIR, "definition.json"), encoding="utf-8") as f:
    sm.create_pipeline(PipelineName="iris", PipelineDefinition=f.read(), RoleArn=ROLE)
execution = sm.start_pipeline_execution(PipelineName="iris", PipelineExecutionDisplayName="from-boto3")
print(json.dumps({"training": training["TrainingJobArn"], "execution": execution["PipelineExecutionArn"]}))
