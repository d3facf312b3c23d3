import {
  CreateProcessingJobCommand,
  DeleteProcessingJobCommand,
  DescribeProcessingJobCommand,
  ListProcessingJobsCommand,
  paginateListProcessingJobs,
  ResourceInUse,
  StopProcessingJobCommand,
  waitUntilProcessingJobCompletedOrStopped,
  type ListProcessingJobsCommandInput,
  type ProcessingJobSummary,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { ScaledClock, type VirtualClock } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { errorOf, manualEmulator } from "./fixtures.js";
import { JOB_DURATIONS, jobArnOf, processingJobRequest, SKLEARN_IMAGE } from "./fixtures/jobs.js";

const S = 1000;

function setup(options: Parameters<typeof manualEmulator>[0] = {}) {
  const env = manualEmulator({ durations: JOB_DURATIONS, ...options });
  const t0 = env.clock.now();
  const describeJob = (name = "churn-prep") => env.client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }));
  return { ...env, t0, describeJob };
}

describe("processing job lifecycle", () => {
  it("is InProgress without ProcessingStartTime while provisioning, then runs and Completes with start and end times", async () => {
    const { clock, client, t0, describeJob } = setup();
    const { ProcessingJobArn } = await client.send(
      new CreateProcessingJobCommand(processingJobRequest({ ProcessingJobName: "Churn-Prep" })),
    );
    expect(ProcessingJobArn).toBe(jobArnOf("processing-job", "Churn-Prep"));

    const provisioning = await describeJob();
    expect([provisioning.ProcessingJobStatus, provisioning.ProcessingStartTime, provisioning.ProcessingEndTime]).toEqual([
      "InProgress",
      undefined,
      undefined,
    ]);
    expect(provisioning.LastModifiedTime).toEqual(new Date(t0));

    await clock.advanceTo(t0 + 60 * S);
    const running = await describeJob();
    expect(running.ProcessingJobStatus).toBe("InProgress");
    expect(running.ProcessingStartTime).toEqual(new Date(t0 + 60 * S));
    expect(running.LastModifiedTime).toEqual(new Date(t0 + 60 * S));

    await clock.advanceTo(t0 + 659 * S);
    expect((await describeJob()).ProcessingJobStatus).toBe("InProgress");
    await clock.advanceTo(t0 + 660 * S);
    const done = await describeJob();
    expect(done).toMatchObject({
      ProcessingJobName: "Churn-Prep",
      ProcessingJobArn,
      ProcessingJobStatus: "Completed",
      CreationTime: new Date(t0),
      ProcessingStartTime: new Date(t0 + 60 * S),
      ProcessingEndTime: new Date(t0 + 660 * S),
      LastModifiedTime: new Date(t0 + 660 * S),
    });
    expect(done.FailureReason).toBeUndefined();
    expect(done.ExitMessage).toBeUndefined();
  });

  it("echoes the request's inputs, outputs, resources, app, environment, network, role and stopping condition", async () => {
    const { client, describeJob } = setup();
    const request = processingJobRequest({
      Environment: { STAGE: "prod" },
      NetworkConfig: { EnableNetworkIsolation: true },
    });
    await client.send(new CreateProcessingJobCommand(request));
    const d = await describeJob();
    for (const key of [
      "ProcessingInputs",
      "ProcessingOutputConfig",
      "ProcessingResources",
      "AppSpecification",
      "Environment",
      "NetworkConfig",
      "RoleArn",
      "StoppingCondition",
    ] as const) {
      expect(d[key]).toEqual(request[key]);
    }
  });

  it("fails by rule (matched on AppSpecification.ImageUri) with the rule's text as FailureReason and ExitMessage", async () => {
    const { clock, client, t0, describeJob } = setup({
      rules: [
        {
          match: { image: SKLEARN_IMAGE },
          outcome: { status: "Failed", failureReason: "ClientError: prep.py not found", afterSeconds: 5 },
        },
      ],
    });
    await client.send(new CreateProcessingJobCommand(processingJobRequest()));
    await clock.advanceTo(t0 + 64 * S);
    expect((await describeJob()).ProcessingJobStatus).toBe("InProgress");
    await clock.advanceTo(t0 + 65 * S);
    expect(await describeJob()).toMatchObject({
      ProcessingJobStatus: "Failed",
      FailureReason: "ClientError: prep.py not found",
      ExitMessage: "ClientError: prep.py not found",
      ProcessingStartTime: new Date(t0 + 60 * S),
      ProcessingEndTime: new Date(t0 + 65 * S),
    });
  });

  it("fails by rule (matched on name) with the service's generic FailureReason when the rule gives none ([OBS] aws/sagemaker-spark-container)", async () => {
    const { clock, client, t0, describeJob } = setup({ rules: [{ match: { name: /-prep$/ }, outcome: { status: "Failed" } }] });
    await client.send(new CreateProcessingJobCommand(processingJobRequest()));
    await clock.advanceTo(t0 + 360 * S); // half of the running phase, the default failure point
    const d = await describeJob();
    expect([d.ProcessingJobStatus, d.FailureReason]).toEqual(["Failed", "AlgorithmError: See job logs for more information"]);
    expect(d.ExitMessage).toMatch(/non-zero status/);
  });

  it("goes Stopping at StopProcessingJob and Stopped after stoppingSeconds", async () => {
    const { clock, client, t0, describeJob } = setup();
    await client.send(new CreateProcessingJobCommand(processingJobRequest()));
    await clock.advanceTo(t0 + 100 * S);
    await client.send(new StopProcessingJobCommand({ ProcessingJobName: "churn-prep" }));
    const stopping = await describeJob();
    expect([stopping.ProcessingJobStatus, stopping.ProcessingEndTime]).toEqual(["Stopping", undefined]);
    expect(stopping.LastModifiedTime).toEqual(new Date(t0 + 100 * S));
    await clock.advanceTo(t0 + 120 * S);
    expect(await describeJob()).toMatchObject({ ProcessingJobStatus: "Stopped", ProcessingEndTime: new Date(t0 + 120 * S) });
  });

  it("never shows ProcessingStartTime for a job stopped while provisioning [INF]", async () => {
    const { clock, client, t0, describeJob } = setup();
    await client.send(new CreateProcessingJobCommand(processingJobRequest()));
    await clock.advanceTo(t0 + 10 * S);
    await client.send(new StopProcessingJobCommand({ ProcessingJobName: "churn-prep" }));
    await clock.advanceTo(t0 + 100 * S);
    const d = await describeJob();
    expect([d.ProcessingJobStatus, d.ProcessingStartTime, d.ProcessingEndTime]).toEqual(["Stopped", undefined, new Date(t0 + 30 * S)]);
  });

  it("stops at StoppingCondition.MaxRuntimeInSeconds, counted from ProcessingStartTime ([DOC] stopped; [INF] Stopping → Stopped)", async () => {
    const { clock, client, t0, describeJob } = setup();
    await client.send(new CreateProcessingJobCommand(processingJobRequest({ StoppingCondition: { MaxRuntimeInSeconds: 300 } })));
    await clock.advanceTo(t0 + 359 * S);
    expect((await describeJob()).ProcessingJobStatus).toBe("InProgress");
    await clock.advanceTo(t0 + 360 * S);
    expect((await describeJob()).ProcessingJobStatus).toBe("Stopping");
    await clock.advanceTo(t0 + 380 * S);
    expect(await describeJob()).toMatchObject({ ProcessingJobStatus: "Stopped", ProcessingEndTime: new Date(t0 + 380 * S) });
  });

  it("runs without a runtime limit when StoppingCondition is left out (it is optional [MODEL]; [INF] no default limit)", async () => {
    const { clock, client, t0, describeJob } = setup({ durations: { ...JOB_DURATIONS, runningSeconds: 200_000 } });
    await client.send(new CreateProcessingJobCommand(processingJobRequest({ StoppingCondition: undefined })));
    await clock.advanceTo(t0 + 200_060 * S);
    const d = await describeJob();
    expect([d.ProcessingJobStatus, d.StoppingCondition]).toEqual(["Completed", undefined]);
  });
});

describe("processing job errors", () => {
  const expectError = async (call: () => Promise<unknown>, name: string, message: string) => {
    const error = await errorOf(call);
    expect([error.name, error.message]).toEqual([name, message]);
  };

  it("answers Describe, Stop and Delete of a missing job with ValidationException 'Could not find requested job with name <name>' ([OBS] ACK prefix; [INF] suffix)", async () => {
    const { client } = setup();
    const message = "Could not find requested job with name nope";
    await expectError(() => client.send(new DescribeProcessingJobCommand({ ProcessingJobName: "nope" })), "ValidationException", message);
    await expectError(() => client.send(new StopProcessingJobCommand({ ProcessingJobName: "nope" })), "ValidationException", message);
    await expectError(() => client.send(new DeleteProcessingJobCommand({ ProcessingJobName: "nope" })), "ValidationException", message);
  });

  it("refuses a duplicate name, case-insensitively, with ResourceInUse naming the existing ARN ([INF] by analogy with training)", async () => {
    const { client } = setup();
    await client.send(new CreateProcessingJobCommand(processingJobRequest()));
    const error = await errorOf(() =>
      client.send(new CreateProcessingJobCommand(processingJobRequest({ ProcessingJobName: "CHURN-PREP" }))),
    );
    expect(error).toBeInstanceOf(ResourceInUse);
    expect(error.message).toBe(
      `Processing job names must be unique within an AWS account and region, and a processing job with this name already exists (${jobArnOf("processing-job", "churn-prep")})`,
    );
  });

  it("refuses to stop a job that is not InProgress, naming its status ([INF] the training job's wording)", async () => {
    const { clock, client, t0 } = setup();
    await client.send(new CreateProcessingJobCommand(processingJobRequest()));
    const stop = () => client.send(new StopProcessingJobCommand({ ProcessingJobName: "churn-prep" }));
    await stop();
    await expectError(stop, "ValidationException", "The request was rejected because the processing job is in status Stopping.");
    await clock.advanceTo(t0 + 100 * S);
    await expectError(stop, "ValidationException", "The request was rejected because the processing job is in status Stopped.");
    await client.send(new CreateProcessingJobCommand(processingJobRequest({ ProcessingJobName: "done" })));
    await clock.advanceTo(t0 + 1000 * S);
    await expectError(
      () => client.send(new StopProcessingJobCommand({ ProcessingJobName: "done" })),
      "ValidationException",
      "The request was rejected because the processing job is in status Completed.",
    );
  });

  it("deletes only a terminal job ([DOC]; ResourceInUse otherwise [INF]), after which the name is free again", async () => {
    const { clock, client, t0, describeJob } = setup();
    await client.send(new CreateProcessingJobCommand(processingJobRequest()));
    const del = () => client.send(new DeleteProcessingJobCommand({ ProcessingJobName: "churn-prep" }));
    await expectError(del, "ResourceInUse", "The request was rejected because the processing job is in status InProgress.");
    await client.send(new StopProcessingJobCommand({ ProcessingJobName: "churn-prep" }));
    await expectError(del, "ResourceInUse", "The request was rejected because the processing job is in status Stopping.");
    await clock.advanceTo(t0 + 20 * S);
    await del();
    await expectError(describeJob, "ValidationException", "Could not find requested job with name churn-prep");
    await client.send(new CreateProcessingJobCommand(processingJobRequest()));
    expect((await describeJob()).ProcessingJobStatus).toBe("InProgress");
  });
});

async function createJobs(client: SageMakerClient, clock: VirtualClock, names: string[]): Promise<void> {
  for (const name of names) {
    await client.send(new CreateProcessingJobCommand(processingJobRequest({ ProcessingJobName: name })));
    await clock.advance(10 * S);
  }
}

const names = (summaries: ProcessingJobSummary[] | undefined) => summaries!.map((s) => s.ProcessingJobName!);

describe("ListProcessingJobs", () => {
  it("sorts by CreationTime Ascending by default ([DOC]) and by Name or Status on request", async () => {
    const { clock, client } = setup();
    await createJobs(client, clock, ["c-job", "a-job", "b-job"]);
    await client.send(new StopProcessingJobCommand({ ProcessingJobName: "a-job" }));
    const list = async (input: ListProcessingJobsCommandInput) =>
      names((await client.send(new ListProcessingJobsCommand(input))).ProcessingJobSummaries);
    expect(await list({})).toEqual(["c-job", "a-job", "b-job"]);
    expect(await list({ SortBy: "Name", SortOrder: "Descending" })).toEqual(["c-job", "b-job", "a-job"]);
    expect(await list({ SortBy: "Status" })).toEqual(["c-job", "b-job", "a-job"]);
  });

  it("returns 10 summaries per page by default [INF] and a NextToken for the rest", async () => {
    const { clock, client } = setup();
    await createJobs(
      client,
      clock,
      Array.from({ length: 12 }, (_, i) => `job-${String(i).padStart(2, "0")}`),
    );
    const first = await client.send(new ListProcessingJobsCommand({}));
    expect(first.ProcessingJobSummaries).toHaveLength(10);
    const rest = await client.send(new ListProcessingJobsCommand({ NextToken: first.NextToken }));
    expect(names(rest.ProcessingJobSummaries)).toEqual(["job-10", "job-11"]);
    expect(rest.NextToken).toBeUndefined();
  });

  it("filters by StatusEquals, NameContains and times, and summarizes failures with FailureReason and ExitMessage", async () => {
    const { clock, client, t0 } = setup({
      rules: [{ match: { name: "bad-prep" }, outcome: { status: "Failed", failureReason: "ClientError: boom", afterSeconds: 0 } }],
    });
    await createJobs(client, clock, ["good-prep", "bad-prep", "other"]);
    await clock.advanceTo(t0 + 100 * S);
    const list = async (input: ListProcessingJobsCommandInput) =>
      (await client.send(new ListProcessingJobsCommand(input))).ProcessingJobSummaries!;
    const failed = await list({ StatusEquals: "Failed" });
    expect(failed).toEqual([
      {
        ProcessingJobName: "bad-prep",
        ProcessingJobArn: jobArnOf("processing-job", "bad-prep"),
        CreationTime: new Date(t0 + 10 * S),
        ProcessingEndTime: new Date(t0 + 70 * S),
        LastModifiedTime: new Date(t0 + 70 * S),
        ProcessingJobStatus: "Failed",
        FailureReason: "ClientError: boom",
        ExitMessage: "ClientError: boom",
      },
    ]);
    expect(names(await list({ NameContains: "PREP" }))).toEqual(["good-prep", "bad-prep"]);
    expect(names(await list({ CreationTimeAfter: new Date(t0 + 10 * S) }))).toEqual(["bad-prep", "other"]);
    expect(names(await list({ LastModifiedTimeBefore: new Date(t0 + 70 * S) }))).toEqual(["good-prep"]);
  });
});

describe("the AWS SDK's own processing-job waiter and paginator, unmodified", () => {
  it("waitUntilProcessingJobCompletedOrStopped polls through InProgress to Completed on scaled time", async () => {
    // The waiter sleeps on real timers: 100 000 virtual seconds per real second make a two-hour job ~70 ms.
    const emulator = createEmulator({
      requireInputData: false,
      clock: new ScaledClock({ scale: 100_000 }),
      durations: { runningSeconds: 7200 },
    });
    const client = emulator.client();
    await client.send(new CreateProcessingJobCommand(processingJobRequest({ StoppingCondition: undefined })));
    const observed: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const status = (result.output as { ProcessingJobStatus?: string }).ProcessingJobStatus;
        if (status) observed.push(status);
        return result;
      },
      { step: "initialize", name: "observeStatus" },
    );
    const result = await waitUntilProcessingJobCompletedOrStopped(
      { client, maxWaitTime: 60, minDelay: 0.005, maxDelay: 0.01 },
      { ProcessingJobName: "churn-prep" },
    );
    expect(result.state).toBe("SUCCESS");
    expect(observed[0]).toBe("InProgress");
    expect(observed.at(-1)).toBe("Completed");
  });

  it("waitUntilProcessingJobCompletedOrStopped reports FAILURE for a Failed job ([MODEL] waiters-2.json acceptor)", async () => {
    const emulator = createEmulator({
      requireInputData: false,
      clock: new ScaledClock({ scale: 100_000 }),
      durations: { runningSeconds: 7200 },
      rules: [{ match: { name: "churn-prep" }, outcome: { status: "Failed", failureReason: "ClientError: bad input" } }],
    });
    const client = emulator.client();
    await client.send(new CreateProcessingJobCommand(processingJobRequest({ StoppingCondition: undefined })));
    const error = await errorOf(() =>
      waitUntilProcessingJobCompletedOrStopped(
        { client, maxWaitTime: 60, minDelay: 0.005, maxDelay: 0.01 },
        { ProcessingJobName: "churn-prep" },
      ),
    );
    expect(JSON.parse(error.message)).toMatchObject({
      state: "FAILURE",
      reason: { ProcessingJobStatus: "Failed", FailureReason: "ClientError: bad input" },
    });
  });

  it("paginateListProcessingJobs walks every page", async () => {
    const { clock, client } = setup();
    const all = Array.from({ length: 23 }, (_, i) => `job-${String(i).padStart(2, "0")}`);
    await createJobs(client, clock, all);
    const pages: number[] = [];
    const seen: string[] = [];
    for await (const page of paginateListProcessingJobs({ client, pageSize: 10 }, {})) {
      pages.push(page.ProcessingJobSummaries!.length);
      seen.push(...names(page.ProcessingJobSummaries));
    }
    expect(pages).toEqual([10, 10, 3]);
    expect(seen).toEqual(all);
  });
});
