import {
  CreateModelCommand,
  CreateTransformJobCommand,
  DescribeTransformJobCommand,
  ListTransformJobsCommand,
  paginateListTransformJobs,
  ResourceInUse,
  StopTransformJobCommand,
  waitUntilTransformJobCompletedOrStopped,
  type CreateTransformJobRequest,
  type ListTransformJobsCommandInput,
  type SageMakerClient,
  type TransformJobSummary,
} from "@aws-sdk/client-sagemaker";
import { ScaledClock, type VirtualClock } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { errorOf, manualEmulator } from "./fixtures.js";
import { arnOf, modelRequest, OWN_IMAGE } from "./fixtures/hosting.js";
import { JOB_DURATIONS, jobArnOf, transformJobRequest } from "./fixtures/jobs.js";

const S = 1000;

async function setup(options: Parameters<typeof manualEmulator>[0] = {}) {
  const env = manualEmulator({ durations: JOB_DURATIONS, ...options });
  await env.client.send(new CreateModelCommand(modelRequest()));
  const t0 = env.clock.now();
  const describeJob = (name = "churn-scoring") => env.client.send(new DescribeTransformJobCommand({ TransformJobName: name }));
  const create = (overrides: Partial<CreateTransformJobRequest> = {}) =>
    env.client.send(new CreateTransformJobCommand(transformJobRequest(overrides)));
  return { ...env, t0, describeJob, create };
}

const expectError = async (call: () => Promise<unknown>, name: string, message: string) => {
  const error = await errorOf(call);
  expect([error.name, error.message]).toEqual([name, message]);
};

describe("transform job lifecycle", () => {
  it("is InProgress, gets TransformStartTime when the container starts, and Completes with TransformEndTime", async () => {
    const { clock, t0, describeJob, create } = await setup();
    const { TransformJobArn } = await create({ TransformJobName: "Churn-Scoring" });
    expect(TransformJobArn).toBe(jobArnOf("transform-job", "Churn-Scoring"));
    const provisioning = await describeJob();
    expect([provisioning.TransformJobStatus, provisioning.TransformStartTime, provisioning.TransformEndTime]).toEqual([
      "InProgress",
      undefined,
      undefined,
    ]);
    await clock.advanceTo(t0 + 60 * S);
    expect((await describeJob()).TransformStartTime).toEqual(new Date(t0 + 60 * S));
    await clock.advanceTo(t0 + 660 * S);
    const done = await describeJob();
    expect(done).toMatchObject({
      TransformJobName: "Churn-Scoring",
      TransformJobArn,
      TransformJobStatus: "Completed",
      ModelName: "churn-model",
      CreationTime: new Date(t0),
      TransformStartTime: new Date(t0 + 60 * S),
      TransformEndTime: new Date(t0 + 660 * S),
    });
    expect(done.FailureReason).toBeUndefined();
  });

  it("has no LastModifiedTime in Describe ([MODEL] DescribeTransformJobResponse)", async () => {
    const { describeJob, create } = await setup();
    await create();
    expect(Object.keys(await describeJob())).not.toContain("LastModifiedTime");
  });

  it("echoes DataProcessing, BatchStrategy, SplitType, AssembleWith, Environment, ModelClientConfig and payload settings exactly", async () => {
    const { describeJob, create } = await setup();
    const request = transformJobRequest({
      MaxConcurrentTransforms: 4,
      MaxPayloadInMB: 20,
      BatchStrategy: "MultiRecord",
      Environment: { SAGEMAKER_MODEL_SERVER_TIMEOUT: "3600" },
      ModelClientConfig: { InvocationsTimeoutInSeconds: 600, InvocationsMaxRetries: 2 },
      DataProcessing: { InputFilter: "$[1:]", JoinSource: "Input", OutputFilter: "$[0,-1]" },
      TransformInput: { ...transformJobRequest().TransformInput!, SplitType: "Line", CompressionType: "Gzip" },
      TransformOutput: { S3OutputPath: "s3://bucket/churn/scores/", AssembleWith: "Line", Accept: "text/csv" },
    });
    await create(request);
    const d = await describeJob();
    for (const key of [
      "MaxConcurrentTransforms",
      "MaxPayloadInMB",
      "BatchStrategy",
      "Environment",
      "ModelClientConfig",
      "DataProcessing",
      "TransformInput",
      "TransformOutput",
      "TransformResources",
    ] as const) {
      expect(d[key]).toEqual(request[key]);
    }
    expect(d.TransformInput?.SplitType).toBe("Line");
    expect(d.TransformOutput?.AssembleWith).toBe("Line");
  });

  it("fails by rule (matched on the model's image) with the rule's FailureReason", async () => {
    const { clock, t0, describeJob, create } = await setup({
      rules: [
        {
          match: { image: OWN_IMAGE },
          outcome: { status: "Failed", failureReason: "ClientError: 413 payload too large", afterSeconds: 30 },
        },
      ],
    });
    await create();
    await clock.advanceTo(t0 + 90 * S);
    expect(await describeJob()).toMatchObject({
      TransformJobStatus: "Failed",
      FailureReason: "ClientError: 413 payload too large",
      TransformEndTime: new Date(t0 + 90 * S),
    });
  });

  it("fails by rule (matched on name) with the service's generic text when the rule gives none ([OBS] public run logs)", async () => {
    const { clock, t0, describeJob, create } = await setup({
      rules: [{ match: { name: "churn-scoring" }, outcome: { status: "Failed" } }],
    });
    await create();
    await clock.advanceTo(t0 + 360 * S);
    expect((await describeJob()).FailureReason).toBe("ClientError: See job logs for more information");
  });

  it("goes Stopping at StopTransformJob and Stopped after stoppingSeconds, with TransformEndTime ([DOC] StopTransformJob)", async () => {
    const { clock, client, t0, describeJob, create } = await setup();
    await create();
    await clock.advanceTo(t0 + 200 * S);
    await client.send(new StopTransformJobCommand({ TransformJobName: "churn-scoring" }));
    expect((await describeJob()).TransformJobStatus).toBe("Stopping");
    await clock.advanceTo(t0 + 220 * S);
    expect(await describeJob()).toMatchObject({ TransformJobStatus: "Stopped", TransformEndTime: new Date(t0 + 220 * S) });
  });
});

describe("transform job errors", () => {
  it("answers Describe of a missing job with ValidationException 'Could not find requested job with name <name>' ([OBS] ACK prefix; [INF] suffix)", async () => {
    const { client } = await setup();
    await expectError(
      () => client.send(new DescribeTransformJobCommand({ TransformJobName: "nope" })),
      "ValidationException",
      "Could not find requested job with name nope",
    );
  });

  it("answers Stop of a missing job with 'Could not find job to update with name <name>' ([OBS] grand-challenge)", async () => {
    const { client } = await setup();
    await expectError(
      () => client.send(new StopTransformJobCommand({ TransformJobName: "nope" })),
      "ValidationException",
      "Could not find job to update with name nope",
    );
  });

  it("refuses to stop a job that is not InProgress, naming its status ([OBS] grand-challenge)", async () => {
    const { clock, client, t0, create } = await setup({
      rules: [{ match: { name: "bad" }, outcome: { status: "Failed", afterSeconds: 0 } }],
    });
    await create({ TransformJobName: "stopped" });
    await create({ TransformJobName: "done" });
    await create({ TransformJobName: "bad" });
    const stop = (name: string) => () => client.send(new StopTransformJobCommand({ TransformJobName: name }));
    await stop("stopped")();
    await expectError(stop("stopped"), "ValidationException", "The request was rejected because the transform job is in status Stopping.");
    await clock.advanceTo(t0 + 1000 * S);
    for (const [name, status] of [
      ["stopped", "Stopped"],
      ["done", "Completed"],
      ["bad", "Failed"],
    ]) {
      await expectError(stop(name!), "ValidationException", `The request was rejected because the transform job is in status ${status}.`);
    }
  });

  it("refuses a duplicate name, case-insensitively and even after the first job ended: there is no Delete ([INF] wording; [OBS] names never reusable)", async () => {
    const { clock, t0, create, emulator } = await setup();
    await create();
    await clock.advanceTo(t0 + 1000 * S);
    const error = await errorOf(() => create({ TransformJobName: "CHURN-SCORING" }));
    expect(error).toBeInstanceOf(ResourceInUse);
    expect(error.message).toBe(
      `Transform job names must be unique within an AWS account and region, and a transform job with this name already exists (${jobArnOf("transform-job", "churn-scoring")})`,
    );
    expect(emulator.operations).not.toContain("DeleteTransformJob");
  });

  it("requires ModelName to name an existing model: ValidationException 'Could not find model \"<arn>\".' ([DOC] existing model; [INF] text from CreateEndpoint's)", async () => {
    const { create } = await setup();
    await expectError(
      () => create({ ModelName: "Missing-Model" }),
      "ValidationException",
      `Could not find model "${arnOf("model", "Missing-Model")}".`,
    );
  });

  it("caps MaxPayloadInMB at 100 ([DOC]; Coral constraint text [INF])", async () => {
    const { create } = await setup();
    await expectError(
      () => create({ MaxPayloadInMB: 101 }),
      "ValidationException",
      "1 validation error detected: Value '101' at 'maxPayloadInMB' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    await create({ MaxPayloadInMB: 100 });
  });

  it("caps MaxConcurrentTransforms × MaxPayloadInMB at 100, using the documented 6 MB default ([DOC]; text [INF])", async () => {
    const { create } = await setup();
    await expectError(
      () => create({ MaxConcurrentTransforms: 11, MaxPayloadInMB: 10 }),
      "ValidationException",
      "The value of (MaxConcurrentTransforms * MaxPayloadInMB) cannot exceed 100 MB: 11 * 10 = 110.",
    );
    await expectError(
      () => create({ MaxConcurrentTransforms: 17 }),
      "ValidationException",
      "The value of (MaxConcurrentTransforms * MaxPayloadInMB) cannot exceed 100 MB: 17 * 6 = 102.",
    );
    await create({ TransformJobName: "ok-1", MaxConcurrentTransforms: 10, MaxPayloadInMB: 10 });
    await create({ TransformJobName: "ok-2", MaxConcurrentTransforms: 16 });
    // 0 MB means HTTP chunked encoding ([DOC]): no product to bound.
    await create({ TransformJobName: "ok-3", MaxConcurrentTransforms: 64, MaxPayloadInMB: 0 });
  });
});

const names = (summaries: TransformJobSummary[] | undefined) => summaries!.map((s) => s.TransformJobName!);

async function createJobs(client: SageMakerClient, clock: VirtualClock, jobNames: string[]): Promise<void> {
  for (const name of jobNames) {
    await client.send(new CreateTransformJobCommand(transformJobRequest({ TransformJobName: name })));
    await clock.advance(10 * S);
  }
}

describe("ListTransformJobs", () => {
  it("sorts by CreationTime Descending by default ([DOC]) and by Name on request", async () => {
    const { clock, client } = await setup();
    await createJobs(client, clock, ["b-job", "c-job", "a-job"]);
    const list = async (input: ListTransformJobsCommandInput) =>
      names((await client.send(new ListTransformJobsCommand(input))).TransformJobSummaries);
    expect(await list({})).toEqual(["a-job", "c-job", "b-job"]);
    expect(await list({ SortOrder: "Ascending" })).toEqual(["b-job", "c-job", "a-job"]);
    expect(await list({ SortBy: "Name" })).toEqual(["c-job", "b-job", "a-job"]);
  });

  it("returns 10 summaries per page by default ([DOC] MaxResults default 10)", async () => {
    const { clock, client } = await setup();
    await createJobs(
      client,
      clock,
      Array.from({ length: 11 }, (_, i) => `job-${String(i).padStart(2, "0")}`),
    );
    const first = await client.send(new ListTransformJobsCommand({}));
    expect(first.TransformJobSummaries).toHaveLength(10);
    const rest = await client.send(new ListTransformJobsCommand({ NextToken: first.NextToken }));
    expect(names(rest.TransformJobSummaries)).toEqual(["job-00"]);
    expect(rest.NextToken).toBeUndefined();
  });

  it("summarizes with LastModifiedTime ([MODEL] TransformJobSummary) and filters by StatusEquals and NameContains", async () => {
    const { clock, client, t0 } = await setup();
    await createJobs(client, clock, ["score-a", "score-b", "other"]);
    await client.send(new StopTransformJobCommand({ TransformJobName: "score-b" }));
    await clock.advanceTo(t0 + 100 * S);
    const list = async (input: ListTransformJobsCommandInput) =>
      (await client.send(new ListTransformJobsCommand(input))).TransformJobSummaries!;
    expect(await list({ StatusEquals: "Stopped" })).toEqual([
      {
        TransformJobName: "score-b",
        TransformJobArn: jobArnOf("transform-job", "score-b"),
        CreationTime: new Date(t0 + 10 * S),
        TransformEndTime: new Date(t0 + 50 * S),
        LastModifiedTime: new Date(t0 + 50 * S),
        TransformJobStatus: "Stopped",
      },
    ]);
    expect(names(await list({ NameContains: "score" }))).toEqual(["score-b", "score-a"]);
    expect(names(await list({ StatusEquals: "InProgress", SortOrder: "Ascending" }))).toEqual(["score-a", "other"]);
  });
});

describe("the AWS SDK's own transform-job waiter and paginator, unmodified", () => {
  it("waitUntilTransformJobCompletedOrStopped polls through InProgress to Completed on scaled time", async () => {
    const emulator = createEmulator({
      requireInputData: false,
      clock: new ScaledClock({ scale: 100_000 }),
      durations: { runningSeconds: 7200 },
    });
    const client = emulator.client();
    await client.send(new CreateModelCommand(modelRequest()));
    await client.send(new CreateTransformJobCommand(transformJobRequest()));
    const observed: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const status = (result.output as { TransformJobStatus?: string }).TransformJobStatus;
        if (status) observed.push(status);
        return result;
      },
      { step: "initialize", name: "observeStatus" },
    );
    const result = await waitUntilTransformJobCompletedOrStopped(
      { client, maxWaitTime: 60, minDelay: 0.005, maxDelay: 0.01 },
      { TransformJobName: "churn-scoring" },
    );
    expect(result.state).toBe("SUCCESS");
    expect(observed[0]).toBe("InProgress");
    expect(observed.at(-1)).toBe("Completed");
  });

  it("paginateListTransformJobs walks every page, newest first", async () => {
    const { clock, client } = await setup();
    const all = Array.from({ length: 13 }, (_, i) => `job-${String(i).padStart(2, "0")}`);
    await createJobs(client, clock, all);
    const pages: number[] = [];
    const seen: string[] = [];
    for await (const page of paginateListTransformJobs({ client, pageSize: 5 }, {})) {
      pages.push(page.TransformJobSummaries!.length);
      seen.push(...names(page.TransformJobSummaries));
    }
    expect(pages).toEqual([5, 5, 3]);
    expect(seen).toEqual([...all].reverse());
  });
});
