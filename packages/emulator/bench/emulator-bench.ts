/**
 * How fast the emulator answers, and what it holds in memory: figures, not assertions.
 * Run with `pnpm bench` from the repository root (or `pnpm --filter @sagerun/emulator bench`).
 */
import { CreateTrainingJobCommand, DescribeTrainingJobCommand, ListTrainingJobsCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { VirtualClock } from "@sagerun/transport";
import { performance } from "node:perf_hooks";
import { createEmulator } from "../src/index.js";
import { startServer } from "../src/http.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const request = (name: string) => ({
  TrainingJobName: name,
  RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
  AlgorithmSpecification: {
    TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1",
    TrainingInputMode: "File" as const,
  },
  OutputDataConfig: { S3OutputPath: "s3://bucket/output/" },
  ResourceConfig: { InstanceType: "ml.m5.xlarge" as const, InstanceCount: 1, VolumeSizeInGB: 30 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
});

async function timed(label: string, n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = performance.now() - start;
  console.log(
    `  ${label.padEnd(46)} ${String(n).padStart(6)} calls  ${(ms / n).toFixed(3)} ms/call  ${Math.round((n / ms) * 1000)} calls/s`,
  );
}

const emulator = createEmulator({ clock: new VirtualClock({ autoAdvance: false }) });
const client = emulator.client();
console.log("in-process");
await timed("SDK CreateTrainingJob", 5_000, (i) => client.send(new CreateTrainingJobCommand(request(`j-${i}`))));
await timed("emulator.call DescribeTrainingJob (no SDK)", 20_000, (i) =>
  emulator.call("DescribeTrainingJob", { TrainingJobName: `j-${i % 5000}` }),
);
await timed("SDK DescribeTrainingJob", 5_000, (i) => client.send(new DescribeTrainingJobCommand({ TrainingJobName: `j-${i}` })));
await timed("SDK ListTrainingJobs (5 000 jobs, 100 a page)", 200, () => client.send(new ListTrainingJobsCommand({ MaxResults: 100 })));

// Measured with --expose-gc (see package.json), so the figure is what stays, not what is garbage yet.
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const big = createEmulator({ clock: new VirtualClock({ autoAdvance: false }) });
for (let i = 0; i < 20_000; i++) big.call("CreateTrainingJob", request(`m-${i}`) as unknown as Record<string, unknown>);
globalThis.gc?.();
const perJob = (process.memoryUsage().heapUsed - heapBefore) / 20_000;
console.log(`memory${globalThis.gc ? "" : " (run with --expose-gc for a steady figure)"}`);
console.log(`  heap per stored training job (20 000 jobs)       ~${(perJob / 1024).toFixed(1)} KiB (${big.operations.length} operations)`);

const server = await startServer({ port: 0, timeScale: 1 });
const http = new SageMakerClient({
  region: "us-east-1",
  endpoint: server.url,
  credentials: { accessKeyId: "t", secretAccessKey: "t" },
  maxAttempts: 1,
});
console.log("over HTTP (loopback, one connection at a time)");
await timed("SDK CreateTrainingJob", 1_000, (i) => http.send(new CreateTrainingJobCommand(request(`h-${i}`))));
await timed("SDK DescribeTrainingJob", 2_000, (i) => http.send(new DescribeTrainingJobCommand({ TrainingJobName: `h-${i % 1000}` })));
await server.close();
http.destroy();
