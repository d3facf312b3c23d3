/**
 * `sagerun-emulator serve --state-dir`: SIGKILL the server in the middle of concurrent creates,
 * puts and stops over HTTP, restart it on the same dir, and count what was acknowledged and lost
 * (lost must be 0). The torn last record is shown in cli-state-dir.test.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  CreateModelCommand,
  CreateTrainingJobCommand,
  DescribeModelCommand,
  DescribeTrainingJobCommand,
  SageMakerClient,
  StopTrainingJobCommand,
} from "@aws-sdk/client-sagemaker";
import { afterAll, describe, expect, it } from "vitest";
import { binCommand, PACKAGE_ROOT } from "../external/sagerun-emulator-bin.js";
import { trainingJobRequest } from "../fixtures.js";
import { modelRequest } from "../fixtures/hosting.js";

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

/** A request, and what to note once it is acknowledged. */
type Call = [() => Promise<unknown>, () => void];

interface Serving {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stderr: string[];
}

/** Starts the bin on `dir` and waits for its listening line. */
async function serve(dir: string): Promise<Serving> {
  const [command, ...args] = binCommand(["serve", "--port", "0", "--state-dir", dir]);
  const child = spawn(command!, args, { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => stderr.push(line));
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
  if (!url) throw new Error(`not listening: ${line} ${stderr.join("\n")}`);
  return { child, url, stderr };
}

function clients(url: string) {
  const config = { endpoint: url, region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" }, maxAttempts: 1 };
  return { sagemaker: new SageMakerClient(config), s3: new S3Client({ ...config, forcePathStyle: true }) };
}

const advance = (url: string, seconds: number) =>
  fetch(`${url}/_sagerun/clock/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ seconds }),
  });

const job = (name: string) =>
  trainingJobRequest({
    TrainingJobName: name,
    InputDataConfig: [{ ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://data/train/" } } }],
    OutputDataConfig: { S3OutputPath: "s3://data/output/" },
  });

describe("sagerun-emulator serve --state-dir", () => {
  const dir = mkdtempSync(join(tmpdir(), "sagerun-state-"));

  it("keeps every acknowledged change across a SIGKILL mid-load, and the clock carries on", async () => {
    const first = await serve(dir);
    const { sagemaker, s3 } = clients(first.url);
    // A day ahead of the wall clock: after the restart the clock must carry on from there.
    const dayAhead = Date.parse(((await (await advance(first.url, 86_400)).json()) as { now: string }).now);
    await s3.send(new CreateBucketCommand({ Bucket: "data" }));
    await s3.send(new PutObjectCommand({ Bucket: "data", Key: "train/part-0.csv", Body: new TextEncoder().encode("1,2\n3,4\n") }));

    const acked = { jobs: new Set<string>(), models: new Set<string>(), objects: new Map<string, string>(), stops: new Set<string>() };
    let sent = 0;
    let failed = 0;
    let killed = false;
    // 24 clients at once, each cycling through a create, a model, a put and a stop of a job it saw created.
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const name = `job-${w}-${i}`;
        const key = `objects/${w}/${i}`;
        const body = `object ${w} ${i}`;
        const own = [...acked.jobs].find((j) => j.startsWith(`job-${w}-`) && !acked.stops.has(j) && Number(j.split("-")[2]) % 3 === 0);
        const calls: Call[] = [
          [() => sagemaker.send(new CreateTrainingJobCommand(job(name))), () => acked.jobs.add(name)],
          [
            () => sagemaker.send(new CreateModelCommand(modelRequest({ ModelName: `model-${w}-${i}` }))),
            () => acked.models.add(`model-${w}-${i}`),
          ],
          [
            () => s3.send(new PutObjectCommand({ Bucket: "data", Key: key, Body: new TextEncoder().encode(body) })),
            () => acked.objects.set(key, body),
          ],
          ...(own
            ? [[() => sagemaker.send(new StopTrainingJobCommand({ TrainingJobName: own })), () => void acked.stops.add(own)] as Call]
            : []),
        ];
        for (const [call, ack] of calls) {
          if (killed) return;
          sent++;
          try {
            await call();
            ack();
          } catch {
            failed++;
            if (!killed) throw new Error("a request failed before the kill");
            return;
          }
        }
      }
    };
    const load = Array.from({ length: 24 }, (_, w) => worker(w));
    // Kill once a good number of changes are acknowledged, with requests still in flight.
    await expect
      .poll(() => acked.jobs.size + acked.models.size + acked.objects.size, { timeout: 30_000, interval: 5 })
      .toBeGreaterThan(150);
    const exited = once(first.child, "exit");
    first.child.kill("SIGKILL");
    killed = true;
    await exited;
    await Promise.allSettled(load);
    expect(acked.stops.size).toBeGreaterThan(0);

    const second = await serve(dir);
    const after = clients(second.url);
    // Every acknowledged change, checked at once; each check is true when the change is there.
    const checks = [
      ...[...acked.jobs].map(async (name) => {
        const described = await after.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name })).catch(() => undefined);
        return described !== undefined && (!acked.stops.has(name) || ["Stopping", "Stopped"].includes(described.TrainingJobStatus!));
      }),
      ...[...acked.models].map((name) =>
        after.sagemaker.send(new DescribeModelCommand({ ModelName: name })).then(
          () => true,
          () => false,
        ),
      ),
      ...[...acked.objects].map(async ([key, body]) => {
        const got = await after.s3.send(new GetObjectCommand({ Bucket: "data", Key: key })).catch(() => undefined);
        return (await got?.Body?.transformToString()) === body;
      }),
    ];
    const lost = (await Promise.all(checks)).filter((kept) => !kept).length;
    const acknowledged = acked.jobs.size + acked.models.size + acked.objects.size + acked.stops.size;
    console.log(`acknowledged ${acknowledged} changes (${sent} sent, ${failed} cut off by the kill); lost ${lost}`);
    expect(lost).toBe(0);

    // The clock carries on from where it stood (not from the wall clock, a day behind), and a job
    // neither stopped nor done runs on to Completed.
    const resumed = Date.parse(((await (await advance(second.url, 0)).json()) as { now: string }).now);
    expect(resumed).toBeGreaterThanOrEqual(dayAhead);
    expect(resumed - dayAhead).toBeLessThan(3_600_000);
    const running = [...acked.jobs].find((name) => !acked.stops.has(name))!;
    const before = await after.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: running }));
    expect(before.TrainingJobStatus).toBe("InProgress");
    expect((await advance(second.url, 7200)).status).toBe(200);
    const done = await after.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: running }));
    expect(done.TrainingJobStatus).toBe("Completed");

    second.child.kill("SIGKILL");
    await once(second.child, "exit");
  }, 60_000); // two server starts under tsx and a loaded machine (CI runs two test workers beside it)
});
