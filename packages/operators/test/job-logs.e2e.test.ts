import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CreateTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import type { Emulator } from "@sagerun/emulator";
import { describe, expect, it } from "vitest";
import {
  JobFailedError,
  WaitFailedError,
  WaitTimeoutError,
  createBackend,
  runJob,
  runTrainingJob,
  trainingJob,
  watchJob,
} from "../src/index.js";
import type { JobLogLine } from "../src/index.js";
import { emulatorHarness, trainingJobRequest, type Harness } from "./fixtures.js";
import { testLogsClient } from "./logs-fixtures.js";

/**
 * The `logs` option end to end: operators on the real SageMakerClient and the real
 * CloudWatchLogsClient, both wired to one in-process emulator on a virtual clock. Lines are
 * written with `emulator.appendEvents` at chosen virtual times, between the 30 s status checks.
 */

const GROUP = "/aws/sagemaker/TrainingJobs";
const T0 = Date.UTC(2026, 0, 1);
// Starting 0–30 s, Downloading 30–60 s, Training 60–180 s, Uploading 180–210 s, Completed at 210 s.
const durations = { startingSeconds: 30, downloadingSeconds: 30, trainingSeconds: 120, uploadingSeconds: 30, stoppingSeconds: 30 };

// An image of the user's own that the emulator runs no code for: the job's lines are the test's alone.
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagerun-logs-test:1";
const request = (job: string) =>
  trainingJobRequest({ TrainingJobName: job, AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: "File" } });

// Streams of SageMaker's shape whose epochs no job of the emulator's own will have.
const algo = (job: string, instance: number): string => `${job}/algo-${instance}-176722560${instance}`;

/** Writes `message` to `stream` when the virtual clock reaches `seconds` after the start, stamped with that time. */
function writeAt(h: Pick<Harness, "clock" | "emulator">, stream: string, seconds: number, message: string): void {
  const at = T0 + seconds * 1000;
  void h.clock.sleep(at - h.clock.now()).then(() => h.emulator.appendEvents(GROUP, stream, [{ timestamp: at, message }]));
}

const secondsNow = (h: Harness): number => (h.clock.now() - T0) / 1000;

/** Records lines from the streams the test wrote (the emulator may write job lines of its own). */
function lineRecorder(h: Harness, streams: readonly string[], into: string[] = []) {
  return {
    seen: into,
    onLine: (line: JobLogLine): void => {
      if (streams.includes(line.stream)) into.push(`${secondsNow(h)}s line ${(line.timestamp - T0) / 1000} ${line.stream} ${line.message}`);
    },
  };
}

describe("runTrainingJob with the logs option", () => {
  it("streams the lines of two instances as they appear, on the status checks' clock, before the status change each check saw", async () => {
    const h = emulatorHarness({ durations });
    const job = "two-instances";
    const [a, b] = [algo(job, 1), algo(job, 2)];
    writeAt(h, a, 45, "downloading train.csv");
    writeAt(h, a, 70, "[0] train-rmse:0.41");
    writeAt(h, b, 75, "[0] train-rmse:0.43");
    writeAt(h, a, 100, "[1] train-rmse:0.30");
    writeAt(h, b, 100, "[1] train-rmse:0.31");
    writeAt(h, a, 185, "uploading model.tar.gz");
    const { seen, onLine } = lineRecorder(h, [a, b]);
    const { description } = await runTrainingJob(request(job), {
      client: h.client,
      clock: h.clock,
      onStatusChange: (e) => seen.push(`${secondsNow(h)}s status ${e.status}/${e.secondaryStatus}`),
      logs: { client: h.emulator.logsClient(CloudWatchLogsClient), onLine },
    });
    expect(description.TrainingJobStatus).toBe("Completed");
    expect(seen).toEqual([
      "0s status InProgress/Starting",
      "30s status InProgress/Downloading",
      `60s line 45 ${a} downloading train.csv`,
      "60s status InProgress/Training",
      `90s line 70 ${a} [0] train-rmse:0.41`,
      `90s line 75 ${b} [0] train-rmse:0.43`,
      `120s line 100 ${a} [1] train-rmse:0.30`,
      `120s line 100 ${b} [1] train-rmse:0.31`,
      "180s status InProgress/Uploading",
      `210s line 185 ${a} uploading model.tar.gz`,
      "210s status Completed/Completed",
    ]);
  });

  it("drains the lines CloudWatch shows after the job ended, drainSeconds later, and then stops reading", async () => {
    const h = emulatorHarness({ durations });
    const job = "late-lines";
    const stream = algo(job, 1);
    writeAt(h, stream, 200, "last line before the end");
    writeAt(h, stream, 212, "ingested after the job ended");
    writeAt(h, stream, 300, "long after");
    const { seen, onLine } = lineRecorder(h, [stream]);
    await runTrainingJob(request(job), {
      client: h.client,
      clock: h.clock,
      logs: { client: h.emulator.logsClient(CloudWatchLogsClient), onLine },
    });
    expect(seen).toEqual([`210s line 200 ${stream} last line before the end`, `215s line 212 ${stream} ingested after the job ended`]);
    expect(secondsNow(h)).toBe(215);
  });

  it("reads no lines and fails nothing while the job has written none (ResourceNotFoundException), then reads its first", async () => {
    const h = emulatorHarness({ durations });
    const job = "quiet-start";
    const logs = testLogsClient(h.emulator);
    writeAt(h, algo(job, 1), 150, "first words");
    const { seen, onLine } = lineRecorder(h, [algo(job, 1)]);
    const { description } = await runTrainingJob(request(job), {
      client: h.client,
      clock: h.clock,
      logs: { client: logs.client, onLine, drainSeconds: 0 },
    });
    expect(description.TrainingJobStatus).toBe("Completed");
    expect(seen).toEqual([`150s line 150 ${algo(job, 1)} first words`]);
    // Every check (0, 30, … 210 s) and the drain listed the job's streams.
    expect(logs.calls.filter((c) => c === "DescribeLogStreams")).toHaveLength(9);
  });

  it("keeps a failed job's last lines in JobFailedError.logTail", async () => {
    const h = emulatorHarness({
      durations,
      rules: [
        { match: { name: /^doomed/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: see the logs", afterSeconds: 30 } },
      ],
    });
    const job = "doomed-job";
    const stream = algo(job, 1);
    for (const [seconds, message] of [
      [62, "loading data"],
      [70, "Traceback (most recent call last):"],
      [71, '  File "train.py", line 9, in <module>'],
      [72, "ValueError: feature_dim must be positive"],
    ] as const) {
      writeAt(h, stream, seconds, message);
    }
    const err = await runTrainingJob(request(job), {
      client: h.client,
      clock: h.clock,
      logs: { client: h.emulator.logsClient(CloudWatchLogsClient), tailLines: 3 },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toMatchObject({ failureReason: "AlgorithmError: see the logs" });
    expect((err as JobFailedError).logTail?.map((l) => l.message)).toEqual([
      "Traceback (most recent call last):",
      '  File "train.py", line 9, in <module>',
      "ValueError: feature_dim must be positive",
    ]);
  });

  it("skips a throttled read without failing the wait, and reads its lines, once, with the next check", async () => {
    const h = emulatorHarness({ durations });
    const job = "throttled";
    const stream = algo(job, 1);
    // Every Logs answer from 30 s to 90 s is a throttle: the reads of three checks.
    const logs = testLogsClient(h.emulator, () => (secondsNow(h) >= 30 && secondsNow(h) <= 90 ? "ThrottlingException" : undefined));
    for (const seconds of [45, 75, 100]) writeAt(h, stream, seconds, `line at ${seconds} s`);
    const { seen, onLine } = lineRecorder(h, [stream]);
    const { description } = await runTrainingJob(request(job), {
      client: h.client,
      clock: h.clock,
      logs: { client: logs.client, onLine },
    });
    expect(description.TrainingJobStatus).toBe("Completed");
    expect(logs.faults()).toBe(3);
    expect(seen).toEqual([
      `120s line 45 ${stream} line at 45 s`,
      `120s line 75 ${stream} line at 75 s`,
      `120s line 100 ${stream} line at 100 s`,
    ]);
  });

  it("counts the skipped reads where the wait reports what it observed (WaitTimeoutError.observedStatuses)", async () => {
    const h = emulatorHarness({ durations });
    // Checks at 0, 30, 60 and 90 s; the log reads of the last three are throttled.
    const logs = testLogsClient(h.emulator, (operation) =>
      operation === "DescribeLogStreams" && secondsNow(h) > 0 ? "ThrottlingException" : undefined,
    );
    const err = await runTrainingJob(request("throttled-until-timeout"), {
      client: h.client,
      clock: h.clock,
      maxAttempts: 4,
      logs: { client: logs.client },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect((err as WaitTimeoutError).observedStatuses).toEqual({
      "InProgress/Starting": 1,
      "InProgress/Downloading": 1,
      "InProgress/Training": 2,
      "logs error ThrottlingException": 3,
    });
  });
});

describe("the logs option ending a wait", () => {
  it("ends it with WaitFailedError (during onLine) when onLine throws, after stopping the job", async () => {
    const h = emulatorHarness({ durations });
    const job = "bad-callback";
    writeAt(h, algo(job, 1), 70, "a line");
    const err = await runTrainingJob(request(job), {
      client: h.client,
      clock: h.clock,
      logs: {
        client: h.emulator.logsClient(CloudWatchLogsClient),
        onLine: (line) => {
          if (line.stream === algo(job, 1)) throw new Error("sink is full");
        },
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitFailedError);
    expect(err).toMatchObject({ during: "onLine", jobName: job, lastSecondaryStatus: "Training", stopRequested: true });
    expect((err as Error).message).toMatch(/the logs\.onLine callback threw \(Error: sink is full\)/);
  });

  it("ends it with WaitFailedError (during logs) when reading fails with an error retrying will not fix", async () => {
    const h = emulatorHarness({ durations });
    const logs = testLogsClient(h.emulator, () => "AccessDeniedException");
    const err = await runTrainingJob(request("no-logs-permission"), {
      client: h.client,
      clock: h.clock,
      stopOnError: false,
      logs: { client: logs.client },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitFailedError);
    expect(err).toMatchObject({ during: "logs", stopRequested: false, cause: { name: "AccessDeniedException" } });
  });

  it("is refused before anything is created for a kind that declares no logGroup", async () => {
    const h = emulatorHarness({ durations });
    const { logGroup, ...withoutLogs } = trainingJob;
    expect(logGroup).toBe(GROUP);
    const run = runJob(withoutLogs, request("refused"), {
      client: h.client,
      clock: h.clock,
      logs: { client: h.emulator.logsClient(CloudWatchLogsClient) },
    });
    await expect(run).rejects.toThrow(/^Wait option logs is set, but trainingJob \(training jobs\) declares no logGroup to read\./);
    expect(h.calls).toEqual([]);
  });
});

describe("the logs option on the backend createBackend returns", () => {
  it("takes the emulator's own CloudWatchLogsClient", async () => {
    const backend = await createBackend({ backend: "emulator", emulator: { durations } });
    const logsClient = backend.emulator ? backend.emulator.logsClient(CloudWatchLogsClient) : new CloudWatchLogsClient({});
    // createBackend's Emulator type shows what operators need; the object is the whole emulator.
    const emulator = backend.emulator as unknown as Emulator;
    const stream = algo("from-create-backend", 1);
    writeAt({ clock: emulator.clock as Harness["clock"], emulator }, stream, 100, "hello from the emulator's Logs");
    const lines: string[] = [];
    const { description } = await runTrainingJob(request("from-create-backend"), {
      client: backend.client,
      clock: backend.clock,
      logs: {
        client: logsClient,
        onLine: (line) => {
          if (line.stream === stream) lines.push(line.message);
        },
      },
    });
    expect(description.TrainingJobStatus).toBe("Completed");
    expect(lines).toEqual(["hello from the emulator's Logs"]);
  });
});

describe("watchJob with the logs option", () => {
  it("yields the log lines as events of type log beside the status changes", async () => {
    const h = emulatorHarness({ durations });
    const job = "watched-logs";
    await h.client.send(new CreateTrainingJobCommand(request(job)));
    writeAt(h, algo(job, 1), 100, "epoch 1");
    const seen: string[] = [];
    const logs = { client: h.emulator.logsClient(CloudWatchLogsClient) };
    for await (const event of watchJob(trainingJob, job, { client: h.client, clock: h.clock, logs })) {
      if (event.type === "status") seen.push(`status ${event.secondaryStatus}`);
      else if (event.stream === algo(job, 1)) seen.push(`log ${event.jobName} ${event.message}`);
    }
    expect(seen).toEqual([
      "status Starting",
      "status Downloading",
      "status Training",
      `log ${job} epoch 1`,
      "status Uploading",
      "status Completed",
    ]);
  });
});
