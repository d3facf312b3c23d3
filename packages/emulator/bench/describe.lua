-- wrk's request: DescribeTrainingJob of the job the bench created, as the AWS SDKs send it (moto
-- picks the service from the Authorization header's credential scope; nothing checks the signature).
wrk.method = "POST"
wrk.body = '{"TrainingJobName":"bench-probe"}'
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "SageMaker.DescribeTrainingJob"
wrk.headers["Authorization"] =
  "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=0"
