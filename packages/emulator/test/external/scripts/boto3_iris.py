#!/usr/bin/env python3
"""The Iris pipeline from boto3: S3 -> k-NN training -> model.tar.gz -> batch transform -> endpoint -> Logs.

Usage: boto3_iris.py WORKDIR
WORKDIR holds train.csv and test.csv (label first) and batch.csv (features only), no header.
One AWS_ENDPOINT_URL serves every client (s3, sagemaker, sagemaker-runtime, logs), so the emulator's
router must tell the four services apart. Prints one JSON object of what boto3 observed, for
test/external/boto3-iris.e2e.test.ts to assert on.
"""
import json
import os
import sys
import tarfile

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

WORKDIR = sys.argv[1]
KNN_IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1"
ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole"
NO_RETRIES = Config(retries={"total_max_attempts": 1})
# The server's clock runs 1000 virtual seconds a real second: poll often, in fractions of a second
# (botocore's waiter passes Delay to time.sleep).
FAST = {"Delay": 0.1, "MaxAttempts": 300}

s3 = boto3.client("s3", config=NO_RETRIES)
sagemaker = boto3.client("sagemaker", config=NO_RETRIES)
runtime = boto3.client("sagemaker-runtime", config=NO_RETRIES)
logs = boto3.client("logs", config=NO_RETRIES)
observed = {}


def local(name):
    return os.path.join(WORKDIR, name)


# Inputs. A multipart threshold below the file's size sends train.csv as a multipart upload (one
# part: s3transfer never cuts parts under 5 MiB); test.csv goes with put_object, batch.csv with
# upload_file's single PutObject.
s3.create_bucket(Bucket="iris")
s3.upload_file(local("train.csv"), "iris", "data/train/iris.csv", Config=TransferConfig(multipart_threshold=1024))
with open(local("test.csv"), "rb") as f:
    s3.put_object(Bucket="iris", Key="data/test/iris.csv", Body=f.read(), ContentType="text/csv")
s3.upload_file(local("batch.csv"), "iris", "data/batch/iris.csv")
observed["uploaded"] = {
    "train_etag_parts": s3.head_object(Bucket="iris", Key="data/train/iris.csv")["ETag"].strip('"').partition("-")[2],
    "keys": [o["Key"] for o in s3.list_objects_v2(Bucket="iris", Prefix="data/")["Contents"]],
}


def channel(name, prefix):
    return {
        "ChannelName": name,
        "ContentType": "text/csv",
        "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"s3://iris/{prefix}"}},
    }


sagemaker.create_training_job(
    TrainingJobName="iris-knn",
    RoleArn=ROLE_ARN,
    AlgorithmSpecification={"TrainingImage": KNN_IMAGE, "TrainingInputMode": "File"},
    HyperParameters={"feature_dim": "4", "k": "5", "predictor_type": "classifier", "sample_size": "200"},
    InputDataConfig=[channel("train", "data/train/"), channel("test", "data/test/")],
    OutputDataConfig={"S3OutputPath": "s3://iris/output/"},
    ResourceConfig={"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10},
    StoppingCondition={"MaxRuntimeInSeconds": 3600},
)
sagemaker.get_waiter("training_job_completed_or_stopped").wait(TrainingJobName="iris-knn", WaiterConfig=FAST)
trained = sagemaker.describe_training_job(TrainingJobName="iris-knn")
artifacts = trained["ModelArtifacts"]["S3ModelArtifacts"]
training_started = next(t["StartTime"] for t in trained["SecondaryStatusTransitions"] if t["Status"] == "Training")
observed["training"] = {
    "status": trained["TrainingJobStatus"],
    "metrics": {m["MetricName"]: m["Value"] for m in trained.get("FinalMetricDataList", [])},
    "artifacts": artifacts,
}

# model.tar.gz is a real gzip'd tar: Python's tarfile opens it.
s3.download_file("iris", artifacts.removeprefix("s3://iris/"), local("model.tar.gz"))
with tarfile.open(local("model.tar.gz"), "r:gz") as tar:
    members = tar.getmembers()
    model = json.load(tar.extractfile("model.json"))
observed["model_tar"] = {
    "names": [m.name for m in members],
    "all_files": all(m.isfile() for m in members),
    "algorithm": model.get("algorithm"),
}

sagemaker.create_model(
    ModelName="iris-knn",
    ExecutionRoleArn=ROLE_ARN,
    PrimaryContainer={"Image": KNN_IMAGE, "ModelDataUrl": artifacts},
)
sagemaker.create_transform_job(
    TransformJobName="iris-batch",
    ModelName="iris-knn",
    TransformInput={
        "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://iris/data/batch/"}},
        "ContentType": "text/csv",
        "SplitType": "Line",
    },
    TransformOutput={"S3OutputPath": "s3://iris/predictions/", "Accept": "application/jsonlines", "AssembleWith": "Line"},
    TransformResources={"InstanceType": "ml.m5.large", "InstanceCount": 1},
)
sagemaker.get_waiter("transform_job_completed_or_stopped").wait(TransformJobName="iris-batch", WaiterConfig=FAST)
out = s3.get_object(Bucket="iris", Key="predictions/iris.csv.out")["Body"].read().decode()
predictions = [json.loads(line)["predicted_label"] for line in out.splitlines() if line.strip()]
with open(local("test.csv")) as f:
    labels = [float(line.split(",")[0]) for line in f if line.strip()]
observed["transform"] = {
    "status": sagemaker.describe_transform_job(TransformJobName="iris-batch")["TransformJobStatus"],
    "predictions": predictions,
    "accuracy": sum(p == l for p, l in zip(predictions, labels)) / len(labels),
}

sagemaker.create_endpoint_config(
    EndpointConfigName="iris-knn",
    ProductionVariants=[{"VariantName": "AllTraffic", "ModelName": "iris-knn", "InstanceType": "ml.m5.large", "InitialInstanceCount": 1}],
)
sagemaker.create_endpoint(EndpointName="iris", EndpointConfigName="iris-knn")
sagemaker.get_waiter("endpoint_in_service").wait(EndpointName="iris", WaiterConfig=FAST)
answer = runtime.invoke_endpoint(
    EndpointName="iris",
    ContentType="text/csv",
    Accept="application/json",
    Body=b"5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3",
)
observed["invoke"] = {
    "content_type": answer["ContentType"],
    "variant": answer["InvokedProductionVariant"],
    "labels": [p["predicted_label"] for p in json.loads(answer["Body"].read())["predictions"]],
    "http_status": answer["ResponseMetadata"]["HTTPStatusCode"],
}
try:
    runtime.invoke_endpoint(EndpointName="no-such-endpoint", ContentType="text/csv", Body=b"5.1,3.5,1.4,0.2")
    observed["missing_endpoint"] = None
except ClientError as error:
    observed["missing_endpoint"] = {
        "code": error.response["Error"]["Code"],
        "message": error.response["Error"]["Message"],
        "http_status": error.response["ResponseMetadata"]["HTTPStatusCode"],
        "is_validation_error_class": isinstance(error, runtime.exceptions.ValidationError),
    }

# The training job's lines, where SageMaker puts them: one stream per instance.
group = "/aws/sagemaker/TrainingJobs"
streams = logs.describe_log_streams(logGroupName=group, logStreamNamePrefix="iris-knn/")["logStreams"]
events = logs.get_log_events(logGroupName=group, logStreamName=streams[0]["logStreamName"], startFromHead=True)["events"]
observed["logs"] = {
    "streams": [s["logStreamName"] for s in streams],
    "messages": [e["message"] for e in events],
    "after_training_began": all(e["timestamp"] >= training_started.timestamp() * 1000 for e in events),
}
print(json.dumps(observed))
