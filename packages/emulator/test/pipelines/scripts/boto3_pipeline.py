#!/usr/bin/env python3
"""boto3 drives a SageMaker Pipelines definition on the sagerun HTTP server, as a Python user would.

Usage: boto3_pipeline.py WORKDIR   (WORKDIR holds definition.json, train.csv, test.csv, batch.csv)
The endpoint comes from AWS_ENDPOINT_URL. Prints one JSON object of what boto3 observed, for
test/pipelines/boto3-pipeline.e2e.test.ts to assert on.
"""
import json
import os
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

WORKDIR = sys.argv[1]
ROLE = "arn:aws:iam::123456789012:role/SageMakerRole"
config = Config(retries={"total_max_attempts": 1})
sm = boto3.client("sagemaker", config=config)
s3 = boto3.client("s3", config=config)
observed = {}

s3.create_bucket(Bucket="iris")
for name, key in (("train.csv", "data/train/iris.csv"), ("test.csv", "data/test/iris.csv"), ("batch.csv", "data/batch/iris.csv")):
    s3.upload_file(os.path.join(WORKDIR, name), "iris", key)
with open(os.path.join(WORKDIR, "definition.json"), encoding="utf-8") as f:
    definition = f.read()

# botocore fills ClientRequestToken itself (idempotencyToken in the model).
created = sm.create_pipeline(PipelineName="iris", PipelineDefinition=definition, RoleArn=ROLE)
observed["pipeline_arn"] = created["PipelineArn"]
try:
    sm.create_pipeline(PipelineName="iris", PipelineDefinition=definition, RoleArn=ROLE)
except ClientError as error:
    observed["duplicate"] = {"code": error.response["Error"]["Code"], "message": error.response["Error"]["Message"]}

arn = sm.start_pipeline_execution(
    PipelineName="iris",
    PipelineExecutionDisplayName="from-boto3",
    PipelineParameters=[{"Name": "K", "Value": "3"}],
)["PipelineExecutionArn"]
observed["execution_arn"] = arn
seen = []
for _ in range(600):
    status = sm.describe_pipeline_execution(PipelineExecutionArn=arn)["PipelineExecutionStatus"]
    if not seen or seen[-1] != status:
        seen.append(status)
    if status not in ("Executing", "Stopping"):
        break
    time.sleep(0.05)
observed["statuses"] = seen

steps = sm.list_pipeline_execution_steps(PipelineExecutionArn=arn)["PipelineExecutionSteps"]
observed["steps"] = {s["StepName"]: {"status": s["StepStatus"], "metadata": sorted(s.get("Metadata", {}).keys())} for s in steps}
observed["parameters"] = sm.list_pipeline_parameters_for_execution(PipelineExecutionArn=arn)["PipelineParameters"]
execution_id = arn.split("/")[-1]
body = s3.get_object(Bucket="iris", Key=f"predictions/{execution_id}/iris.csv.out")["Body"].read().decode()
observed["predictions"] = [json.loads(line)["predicted_label"] for line in body.strip().split("\n")]
training_arn = next(s for s in steps if s["StepName"] == "IrisTrain")["Metadata"]["TrainingJob"]["Arn"]
observed["training_tags"] = sm.list_tags(ResourceArn=training_arn)["Tags"]

try:
    sm.stop_pipeline_execution(PipelineExecutionArn=arn)
except ClientError as error:
    observed["stop_finished"] = {"code": error.response["Error"]["Code"], "message": error.response["Error"]["Message"]}
summaries = sm.list_pipeline_executions(PipelineName="iris")["PipelineExecutionSummaries"]
observed["summaries"] = [{"display": s["PipelineExecutionDisplayName"], "status": s["PipelineExecutionStatus"]} for s in summaries]
print(json.dumps(observed))
