// Soak: `npx tsx packages/emulator/bench/soak.ts [--minutes 10] [--clients 16]` runs mixed load over HTTP against one server with faults on, printing its RSS and heap after GC every 30 s and every answer beyond the injected faults (not a test, not in CI, not in `pnpm bench`).
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";

/**
 * Two processes, so the load generator's own garbage never shows in the figures: the server (this
 * file with `--serve`, forked with the workspace's source condition) answers over HTTP and, asked
 * over IPC, collects its garbage and reports `process.memoryUsage()`; the parent drives `--clients`
 * concurrent clients through a mix of SageMaker, S3, CloudWatch Logs and SageMaker Runtime calls
 * for `--minutes`, on a clock scaled 600× so jobs live whole lives meanwhile.
 *
 * Every answer is sorted: a success; an injected fault (the faults below: ThrottlingException,
 * SlowDown, and the 5xx with the faults' texts); an error the
 * mix causes on purpose (a duplicate name, stopping a job that has ended, an endpoint whose image
 * has no serving code); or unexpected, which is the figure that must stay 0.
 */

const SAMPLE_EVERY_MS = 30_000;

/** Faults on every service by rate, and on training jobs at creation (src/faults/types.ts). */
const FAULTS = [
  { fault: "throttling", rate: 0.02 },
  { fault: "internalFailure", rate: 0.01 },
  { fault: "latency", ms: 20, rate: 0.01 },
  { fault: "capacityError", rate: 0.05 },
  { fault: "internalServerError", rate: 0.05 },
  { fault: "spotInterruption", rate: 0.5, interruptions: [{ afterSeconds: 30, waitSeconds: 60 }] },
] as const;

/**
 * The texts of an injected 5xx (src/faults/answers.ts: SageMaker's, Logs' and the runtime's
 * InternalFailure, S3's InternalError), told apart from the emulator's own failure ("The emulator
 * failed to process the request: …").
 */
const INJECTED_TEXTS = ["The request processing has failed because of an unknown error", "We encountered an internal error"];

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    clients: { type: "string", default: "16" },
    serve: { type: "boolean", default: false },
  },
});

/** The server side: an emulator with faults, on an HTTP port, sampling memory when asked. */
async function serve(): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const { ScaledClock } = await import("@sagerun/transport");
  const { createEmulator } = await import("../src/index.js");
  const { startServer } = await import("../src/http.js");
  const emulator = createEmulator({
    clock: new ScaledClock({ scale: 600 }),
    requireInputData: false,
    faults: FAULTS as never,
  });
  const server = await startServer({ port: 0, emulator, log: () => {} });
  process.on("message", (message: string) => {
    if (message !== "sample") return;
    gc();
    gc();
    const { rss, heapUsed } = process.memoryUsage();
    process.send!({ rss, heapUsed, held: held(emulator.state() as Record<string, unknown>) });
  });
  // The parent gone (finished, or killed), the server goes too.
  process.on("disconnect", () => process.exit(0));
  process.send!({ port: server.port });
}

/**
 * What the store holds, which grows by design (CloudWatch Logs keeps every event and every deleted
 * job's log stream): heap that grows with these is data, heap that grows without them a leak.
 */
function held(state: Record<string, unknown>): string {
  const groups = (state.logGroups ?? []) as { logStreams: { events: number }[] }[];
  const streams = groups.flatMap((group) => group.logStreams);
  const events = streams.reduce((sum, stream) => sum + stream.events, 0);
  const buckets = (state.s3Buckets ?? []) as { objects: unknown[] }[];
  const objects = buckets.reduce((sum, bucket) => sum + bucket.objects.length, 0);
  const jobs = ((state.trainingJobs ?? []) as unknown[]).length;
  return `${jobs} training jobs, ${objects} S3 objects, ${streams.length} log streams with ${events} events`;
}

interface Counts {
  ok: number;
  injected: number;
  intended: number;
  unexpected: number;
  readonly examples: string[];
}

/** The load side: clients in a loop until the time is up, a memory sample every 30 s. */
async function drive(minutes: number, clients: number): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: [...process.execArgv, "--conditions=@sagerun/source"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve) => child.once("message", (message: { port: number }) => resolve(message.port)));
  const url = `http://127.0.0.1:${port}`;
  const counts: Counts = { ok: 0, injected: 0, intended: 0, unexpected: 0, examples: [] };
  console.log(`soak: ${minutes} min, ${clients} clients, faults ${FAULTS.map((f) => `${f.fault}@${f.rate}`).join(", ")}`);
  try {
    await run(url, child, counts, minutes, clients);
  } finally {
    child.kill();
  }
}

async function run(url: string, child: ChildProcess, counts: Counts, minutes: number, clients: number): Promise<void> {
  const started = Date.now();
  const deadline = started + minutes * 60_000;
  await setup(url, counts);

  const samples: (Sample & { at: number })[] = [];
  const sample = async (): Promise<void> => {
    const memory = await sampleOf(child);
    const at = Math.round((Date.now() - started) / 1000);
    samples.push({ at, ...memory });
    const total = counts.ok + counts.injected + counts.intended + counts.unexpected;
    console.log(
      `t=${String(at).padStart(4)} s  rss ${mb(memory.rss)} MB  heap after GC ${mb(memory.heapUsed)} MB  ` +
        `requests ${total} (ok ${counts.ok}, injected ${counts.injected}, intended errors ${counts.intended}, unexpected ${counts.unexpected}); ` +
        `held: ${memory.held}`,
    );
  };
  await sample();
  const timer = setInterval(() => void sample(), SAMPLE_EVERY_MS);
  await Promise.all(Array.from({ length: clients }, (_, i) => client(url, i, deadline, counts)));
  clearInterval(timer);
  await sample();

  const [first, last] = [samples[1] ?? samples[0]!, samples.at(-1)!];
  const seconds = (Date.now() - started) / 1000;
  const total = counts.ok + counts.injected + counts.intended + counts.unexpected;
  console.log(
    `soak done: ${total} requests in ${seconds.toFixed(0)} s (${(total / seconds).toFixed(0)}/s); ` +
      `rss ${mb(first.rss)} → ${mb(last.rss)} MB, heap after GC ${mb(first.heapUsed)} → ${mb(last.heapUsed)} MB ` +
      `(from the first sample under load to the last); unexpected answers: ${counts.unexpected}`,
  );
  for (const example of counts.examples) console.log(`  unexpected: ${example}`);
  process.exitCode = counts.unexpected === 0 ? 0 : 1;
}

interface Sample {
  readonly rss: number;
  readonly heapUsed: number;
  readonly held: string;
}

function sampleOf(child: ChildProcess): Promise<Sample> {
  return new Promise((resolve) => {
    child.once("message", (message: Sample) => resolve(message));
    child.send("sample");
  });
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/** A bucket, a log group, and an endpoint on an image without serving code (its invocations answer ModelError). */
async function setup(url: string, counts: Counts): Promise<void> {
  await s3(url, "PUT", "/soak", undefined, counts, []);
  await json(url, "Logs_20140328.CreateLogGroup", { logGroupName: "soak" }, counts, []);
  await json(url, "Logs_20140328.CreateLogStream", { logGroupName: "soak", logStreamName: "s" }, counts, []);
  const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/soak:1";
  const role = "arn:aws:iam::123456789012:role/SageMakerRole";
  await json(url, "SageMaker.CreateModel", { ModelName: "soak", ExecutionRoleArn: role, PrimaryContainer: { Image: image } }, counts, []);
  const variant = { VariantName: "AllTraffic", ModelName: "soak", InstanceType: "ml.m5.large", InitialInstanceCount: 1 };
  await json(url, "SageMaker.CreateEndpointConfig", { EndpointConfigName: "soak", ProductionVariants: [variant] }, counts, []);
  await json(url, "SageMaker.CreateEndpoint", { EndpointName: "soak", EndpointConfigName: "soak" }, counts, []);
}

/** Names cycle through a pool, so the store stays bounded: a job is deleted once it has ended, and its name used again. */
const POOL = 64;

async function client(url: string, id: number, deadline: number, counts: Counts): Promise<void> {
  let n = 0;
  while (Date.now() < deadline) {
    n++;
    const name = `soak-${id}-${n % POOL}`;
    const key = `/soak/k-${id}-${n % POOL}`;
    switch (n % 10) {
      case 0:
      case 5:
        await json(url, "SageMaker.CreateTrainingJob", trainingJob(name), counts, ["ResourceInUse", "ResourceLimitExceeded"]);
        break;
      case 1:
      case 6:
        await json(url, "SageMaker.DescribeTrainingJob", { TrainingJobName: name }, counts, ["ResourceNotFound", "ValidationException"]);
        break;
      case 2:
        await json(url, "SageMaker.ListTrainingJobs", { MaxResults: 20, SortBy: "CreationTime" }, counts, []);
        break;
      case 3:
        // Stopping a job that ended, or one already stopping, is the service's ValidationException.
        await json(url, "SageMaker.StopTrainingJob", { TrainingJobName: name }, counts, ["ValidationException", "ResourceNotFound"]);
        await json(url, "SageMaker.DeleteTrainingJob", { TrainingJobName: name }, counts, [
          "ResourceInUse",
          "ResourceNotFound",
          "ValidationException",
        ]);
        break;
      case 4:
        await s3(url, "PUT", key, new Uint8Array(1024 + (n % 4096)), counts, []);
        await s3(url, "GET", key, undefined, counts, ["NoSuchKey"]);
        break;
      case 7:
        await s3(url, "GET", "/soak?list-type=2&max-keys=50", undefined, counts, []);
        await s3(url, "DELETE", key, undefined, counts, []);
        break;
      case 8:
        await json(
          url,
          "Logs_20140328.PutLogEvents",
          { logGroupName: "soak", logStreamName: "s", logEvents: [{ timestamp: Date.now(), message: `m ${n}` }] },
          counts,
          [],
        );
        await json(url, "Logs_20140328.GetLogEvents", { logGroupName: "soak", logStreamName: "s", limit: 20 }, counts, []);
        break;
      case 9:
        await invoke(url, counts);
        break;
    }
  }
}

function trainingJob(name: string): object {
  return {
    TrainingJobName: name,
    RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
    AlgorithmSpecification: { TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/soak:1", TrainingInputMode: "File" },
    OutputDataConfig: { S3OutputPath: "s3://soak/output/" },
    ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
    EnableManagedSpotTraining: true,
  };
}

async function json(url: string, target: string, input: object, counts: Counts, intended: readonly string[]): Promise<void> {
  const response = await fetch(`${url}/`, {
    method: "POST",
    headers: { "x-amz-target": target, "content-type": "application/x-amz-json-1.1" },
    body: JSON.stringify(input),
  });
  const body = await response.text();
  sort(counts, target, response.status, response.headers.get("x-amzn-errortype") ?? "", body, intended);
}

const S3_SCOPE = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";

async function s3(
  url: string,
  method: string,
  path: string,
  body: Uint8Array | undefined,
  counts: Counts,
  intended: readonly string[],
): Promise<void> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: S3_SCOPE },
    ...(body === undefined ? {} : { body: body as Uint8Array<ArrayBuffer> }),
  });
  const text = await response.text();
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? "";
  sort(counts, `S3 ${method} ${path}`, response.status, code, text, intended);
}

async function invoke(url: string, counts: Counts): Promise<void> {
  const response = await fetch(`${url}/endpoints/soak/invocations`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: "1,2,3",
  });
  const text = await response.text();
  // Its image has no serving code: ModelError is the answer the mix asks for (and ValidationError while the endpoint is Creating).
  sort(counts, "InvokeEndpoint", response.status, response.headers.get("x-amzn-errortype") ?? "", text, ["ModelError", "ValidationError"]);
}

function sort(counts: Counts, what: string, status: number, code: string, body: string, intended: readonly string[]): void {
  if (status < 300) counts.ok++;
  else if (code === "ThrottlingException" || code === "SlowDown" || (status >= 500 && INJECTED_TEXTS.some((text) => body.includes(text))))
    counts.injected++;
  else if (intended.includes(code)) counts.intended++;
  else {
    counts.unexpected++;
    if (counts.examples.length < 10) counts.examples.push(`${what}: ${status} ${code} ${body.slice(0, 200)}`);
  }
}

// Last, so every constant above is initialised before the top-level await runs.
if (values.serve) await serve();
else await drive(Number(values.minutes), Number(values.clients));
