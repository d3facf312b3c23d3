"""One boto3 client per server, N CreateTrainingJob + DescribeTrainingJob pairs a round.

Usage: python3 boto3-pairs.py PAIRS ROUNDS NAME=URL [NAME=URL ...]
Prints JSON: {NAME: [seconds per round, ...]}. The servers take turns, the order rotating from
round to round, so load from elsewhere on the machine falls on every server alike.
"""

import json
import sys
import time

import boto3

pairs, rounds = int(sys.argv[1]), int(sys.argv[2])
targets = [arg.split("=", 1) for arg in sys.argv[3:]]
clients = {
    name: boto3.client(
        "sagemaker",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
    )
    for name, url in targets
}


def request(name):
    return dict(
        TrainingJobName=name,
        RoleArn="arn:aws:iam::123456789012:role/SageMakerRole",
        AlgorithmSpecification={
            "TrainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1",
            "TrainingInputMode": "File",
        },
        OutputDataConfig={"S3OutputPath": "s3://bucket/output/"},
        ResourceConfig={"InstanceType": "ml.m5.xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30},
        StoppingCondition={"MaxRuntimeInSeconds": 3600},
    )


# Warm each client up (endpoint resolution, connection, botocore's lazy model loading).
for name, client in clients.items():
    client.create_training_job(**request("warm-up"))
    client.describe_training_job(TrainingJobName="warm-up")

seconds = {name: [] for name, _ in targets}
for r in range(rounds):
    for k in range(len(targets)):
        name, _ = targets[(r + k) % len(targets)]
        client = clients[name]
        start = time.perf_counter()
        for i in range(pairs):
            job = f"pair-{r}-{i}"
            client.create_training_job(**request(job))
            client.describe_training_job(TrainingJobName=job)
        seconds[name].append(time.perf_counter() - start)
print(json.dumps(seconds))
