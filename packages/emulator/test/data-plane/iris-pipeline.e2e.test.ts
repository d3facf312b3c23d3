import { CloudWatchLogsClient, DescribeLogStreamsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { describe, expect, it } from "vitest";
import { untarGzip } from "../../src/data/tar.js";
import { deployIris, irisEmulator, predictedLabels, trainIris, transformIris, until } from "../fixtures/iris-pipeline.js";

/**
 * The seed's Iris pipeline through real clients only (issue 8, "Done when"): upload the CSVs →
 * train k-NN → model.tar.gz untars → create model → batch transform → read the .out objects →
 * accuracy from the predictions; then an endpoint answers InvokeEndpoint, and the job's lines
 * come back through CloudWatch Logs.
 */
describe("the Iris pipeline on the emulator, through the AWS SDK clients", () => {
  it("trains k-NN, transforms the test set with its model, and serves it, with accuracy ≥ 0.9", async () => {
    const { clock, emulator, sagemaker, s3, test } = await irisEmulator();
    const trained = await trainIris({ clock, sagemaker });
    expect(trained.TrainingJobStatus).toBe("Completed");
    const accuracy = trained.FinalMetricDataList?.find((m) => m.MetricName === "test:accuracy")?.Value;
    expect(accuracy).toBeGreaterThanOrEqual(0.9);

    // The artifact is a real gzip'd tar at the path Describe names.
    expect(trained.ModelArtifacts?.S3ModelArtifacts).toBe("s3://iris/output/iris-knn/output/model.tar.gz");
    const artifact = await s3.send(new GetObjectCommand({ Bucket: "iris", Key: "output/iris-knn/output/model.tar.gz" }));
    const files = untarGzip(await artifact.Body!.transformToByteArray());
    expect(files.size).toBeGreaterThan(0);

    const transformed = await transformIris({ clock, sagemaker }, trained.ModelArtifacts!.S3ModelArtifacts);
    expect(transformed.TransformJobStatus).toBe("Completed");
    const out = await s3.send(new GetObjectCommand({ Bucket: "iris", Key: "predictions/iris.csv.out" }));
    const predictions = predictedLabels(await out.Body!.transformToString());
    expect(predictions).toHaveLength(test.length);
    const correct = predictions.filter((label, i) => label === test[i]!.label).length;
    expect(correct / test.length).toBeGreaterThanOrEqual(0.9);

    // An endpoint serving the same model answers with real predictions.
    await deployIris(sagemaker);
    await until(clock, async () => {
      const { EndpointStatus } = await sagemaker.send(new DescribeEndpointCommand({ EndpointName: "iris" }));
      return EndpointStatus === "InService";
    });
    const runtime = emulator.runtimeClient(SageMakerRuntimeClient);
    const answer = await runtime.send(
      new InvokeEndpointCommand({
        EndpointName: "iris",
        ContentType: "text/csv",
        Accept: "application/json",
        Body: "5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3",
      }),
    );
    expect(answer.InvokedProductionVariant).toBe("AllTraffic");
    const served = JSON.parse(new TextDecoder().decode(answer.Body)) as { predictions: { predicted_label: number }[] };
    expect(served.predictions.map((p) => p.predicted_label)).toEqual([0, 2]);

    // The training job's lines, through the Logs client, where SageMaker puts them.
    const logs = emulator.logsClient(CloudWatchLogsClient);
    const group = "/aws/sagemaker/TrainingJobs";
    const { logStreams } = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group, logStreamNamePrefix: "iris-knn/" }));
    expect(logStreams?.map((s) => s.logStreamName)).toEqual([expect.stringMatching(/^iris-knn\/algo-1-\d+$/)]);
    const { events } = await logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: logStreams![0]!.logStreamName!, startFromHead: true }),
    );
    const lines = events!.map((e) => e.message);
    expect(lines.some((line) => line?.includes("#test_score (algo-1) : ('accuracy'"))).toBe(true);
    const start = trained.SecondaryStatusTransitions!.find((t) => t.Status === "Training")!.StartTime!.getTime();
    for (const event of events!) expect(event.timestamp).toBeGreaterThanOrEqual(start);
  });
});
