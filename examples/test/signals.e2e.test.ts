import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeTrainingJobCommand,
  type DescribeTrainingJobResponse,
  type ListTrainingJobsCommandInput,
  paginateListTrainingJobs,
  SageMakerClient,
  type TrainingJobSummary,
} from "@aws-sdk/client-sagemaker";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Child, type EmulatorServer, killAll, startEmulatorServer, startExample } from "./child-processes.js";

/**
 * The promises a pipeline keeps in CI, with every part a real process: `sagerun-emulator serve`,
 * and `pnpm example iris` on the AWS backend pointed at it (AWS_ENDPOINT_URL), as against AWS.
 * Time runs 30 times faster than real: a training job spends 10 s in Training, long enough to be
 * killed in and reattached to, short enough to wait for.
 */
const TIME_SCALE = 30;
const DURATIONS = {
  startingSeconds: 6,
  downloadingSeconds: 3,
  trainingSeconds: 300,
  uploadingSeconds: 3,
  stoppingSeconds: 15,
  provisioningSeconds: 15,
  runningSeconds: 30,
};
const ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";
/** Generous: a loaded CI machine starts processes slowly. Each test takes well under 20 s otherwise. */
const TEST_TIMEOUT_MS = 90_000;

let server: EmulatorServer;
let sagemaker: SageMakerClient;
const children: Child[] = [];

beforeAll(async () => {
  const config = join(mkdtempSync(join(tmpdir(), "sagerun-examples-")), "emulator.json");
  writeFileSync(config, JSON.stringify({ durations: DURATIONS }));
  server = await startEmulatorServer(["--time-scale", String(TIME_SCALE), "--config", config]);
  sagemaker = new SageMakerClient({
    endpoint: server.url,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
});
afterEach(() => killAll(children));
afterAll(async () => {
  sagemaker?.destroy();
  await server?.stop();
});

/** The environment of a pipeline run against AWS, AWS being the server; nothing of this machine's AWS set-up leaks in. */
function awsEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_") && !key.startsWith("SAGERUN_")));
  return {
    ...env,
    SAGERUN_BACKEND: "aws",
    AWS_ENDPOINT_URL: server.url,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

/** `pnpm example iris` on the AWS backend, checking every second. */
function runIris(runId: string): Child {
  const child = startExample(["iris", "--run-id", runId, "--check-interval", "1", "--create-bucket", "--role-arn", ROLE_ARN], awsEnv());
  children.push(child);
  return child;
}

async function describeTrainingJob(name: string): Promise<DescribeTrainingJobResponse | undefined> {
  try {
    return await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
  } catch (error) {
    if ((error as Error).name === "ValidationException") return undefined; // not created yet
    throw error;
  }
}

/** Every page: the emulator, like SageMaker, filters by status after paging, so a page may come back short. */
async function listTrainingJobs(input: ListTrainingJobsCommandInput): Promise<TrainingJobSummary[]> {
  const jobs: TrainingJobSummary[] = [];
  for await (const page of paginateListTrainingJobs({ client: sagemaker }, input)) jobs.push(...(page.TrainingJobSummaries ?? []));
  return jobs;
}

/** Polls `check` every 100 ms until it returns something; fails with the child's output if the child ends first. */
async function until<T>(what: string, check: () => Promise<T | undefined>, child?: Child, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (child !== undefined && child.process.exitCode !== null) throw new Error(`The example ended before ${what}.\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.${child === undefined ? "" : `\n${child.output()}`}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the run's training job is in its Training phase: killed now, the process dies mid-training. */
function training(name: string, child: Child): Promise<DescribeTrainingJobResponse> {
  return until(
    `${name} to be Training`,
    async () => {
      const job = await describeTrainingJob(name);
      return job?.TrainingJobStatus === "InProgress" && job.SecondaryStatus === "Training" ? job : undefined;
    },
    child,
  );
}

const ACCURACY = /^accuracy (\d\.\d{3}) \(\d+ of 30 held-out flowers\)$/;

describe("pnpm example iris against sagerun-emulator serve, through the AWS backend", () => {
  it(
    "killed with SIGTERM mid-training, stops its training job (stopJobsOnSignal) and dies by the signal, leaving no job running",
    async () => {
      const runId = "sigterm-1";
      const name = `iris-${runId}-train`;
      const run = runIris(runId);
      await training(name, run);

      run.process.kill("SIGTERM");

      expect(await run.exited, run.output()).toEqual({ code: null, signal: "SIGTERM" });
      expect(run.stderr).toContain(
        `Pipeline 'iris' run '${runId}' was cancelled (cancelled: train, model, transform, evaluate): AbortError: The process received SIGTERM; sagerun stopped the jobs its operators were running.`,
      );
      // Stopping takes the emulator's stoppingSeconds; then nothing is left running.
      const stopped = await until(`${name} to be Stopped`, async () => {
        const job = await describeTrainingJob(name);
        return job?.TrainingJobStatus === "Stopping" ? undefined : job;
      });
      expect(stopped.TrainingJobStatus).toBe("Stopped");
      expect(await listTrainingJobs({ StatusEquals: "InProgress" })).toEqual([]);
      expect(await listTrainingJobs({ StatusEquals: "Stopping" })).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "killed with SIGKILL mid-training, then run again with the same --run-id: reattaches to the running job, creates no second one, and completes",
    async () => {
      const runId = "sigkill-1";
      const name = `iris-${runId}-train`;
      const first = runIris(runId);
      const before = await training(name, first);

      first.process.kill("SIGKILL"); // no handler runs: the job is left running, as after a crashed worker

      expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
      expect((await describeTrainingJob(name))?.TrainingJobStatus).toBe("InProgress");

      const again = runIris(runId);

      expect(await again.exited, again.output()).toEqual({ code: 0, signal: null });
      // It found the job still training and waited for it…
      expect(again.stderr).toContainEqual(expect.stringMatching(new RegExp(`^train +${name}: InProgress \\(Training\\)$`)));
      expect(again.stdout).toContainEqual(
        expect.stringMatching(
          new RegExp(`^training job ${name}, from an earlier attempt of this run, reattached to: test:accuracy 0\\.\\d{3}$`),
        ),
      );
      // …the one the first attempt created: one training job for the run, the same one, completed.
      const jobs = await listTrainingJobs({ NameContains: runId });
      expect(jobs.map((job) => [job.TrainingJobName, job.TrainingJobStatus])).toEqual([[name, "Completed"]]);
      expect(jobs[0]!.CreationTime).toEqual(before.CreationTime);
      // The server's request log says so too: one CreateTrainingJob for this run, from the first attempt.
      const { requests } = (await (await fetch(`${server.url}/_sagerun/requests`)).json()) as {
        requests: { operation: string; input: { TrainingJobName?: string } }[];
      };
      expect(requests.filter((r) => r.operation === "CreateTrainingJob" && r.input.TrainingJobName === name)).toHaveLength(1);
      // And the pipeline went on to the end: real predictions, from the reattached job's model.
      const accuracy = again.stdout.map((line) => ACCURACY.exec(line)?.[1]).find((value) => value !== undefined);
      expect(Number(accuracy)).toBeGreaterThanOrEqual(0.9);
    },
    TEST_TIMEOUT_MS,
  );
});
