/**
 * What a request costs as the store grows: List* pages, paging through everything, and Describe
 * beside many tuning jobs and endpoints. Figures, not assertions (`pnpm bench`).
 */
import { VirtualClock } from "@sagerun/transport";
import { performance } from "node:perf_hooks";
import { createEmulator, type Emulator } from "../src/index.js";

const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1";
const trainingJob = (name: string) => ({
  TrainingJobName: name,
  RoleArn: ROLE,
  AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: "File" },
  OutputDataConfig: { S3OutputPath: "s3://bucket/output/" },
  ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
});

/** Median ms per call over `n` calls. */
function median(n: number, fn: (i: number) => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}

const line = (label: string, value: string) => console.log(`  ${label.padEnd(58)} ${value}`);

function emulatorWith(jobs: number): { emulator: Emulator; clock: VirtualClock } {
  const clock = new VirtualClock({ autoAdvance: false });
  const emulator = createEmulator({ clock });
  for (let i = 0; i < jobs; i++) {
    emulator.call("CreateTrainingJob", trainingJob(`job-${String(i).padStart(6, "0")}`));
    // Spread creation over time so a share of the jobs has completed when the listing runs.
    if (i % 100 === 99) void clock.advance(1_000);
  }
  void clock.advance(400_000);
  return { emulator, clock };
}

console.log("listing (ListTrainingJobs, 100 a page; median of 50)");
for (const n of [1_000, 10_000, 100_000]) {
  const { emulator } = emulatorWith(n);
  const list = (input: Record<string, unknown>) => emulator.call("ListTrainingJobs", input) as { NextToken?: string };
  const middle = (() => {
    let token: string | undefined;
    for (let i = 0; i < Math.floor(n / 200); i++) token = list({ MaxResults: 100, NextToken: token }).NextToken;
    return token;
  })();
  line(`${n} jobs: first page`, `${median(50, () => list({ MaxResults: 100 })).toFixed(3)} ms`);
  line(`${n} jobs: a page from the middle (NextToken)`, `${median(50, () => list({ MaxResults: 100, NextToken: middle })).toFixed(3)} ms`);
  line(
    `${n} jobs: SortBy Name, Descending`,
    `${median(50, () => list({ MaxResults: 100, SortBy: "Name", SortOrder: "Descending" })).toFixed(3)} ms`,
  );
  line(`${n} jobs: StatusEquals InProgress (no MaxResults)`, `${median(50, () => list({ StatusEquals: "InProgress" })).toFixed(3)} ms`);
  line(`${n} jobs: SortBy Status`, `${median(50, () => list({ MaxResults: 100, SortBy: "Status" })).toFixed(3)} ms`);
  if (n <= 10_000) {
    const start = performance.now();
    let token: string | undefined;
    let pages = 0;
    do {
      token = list({ MaxResults: 100, NextToken: token }).NextToken;
      pages++;
    } while (token);
    line(`${n} jobs: paging through all (${pages} pages)`, `${(performance.now() - start).toFixed(1)} ms`);
  }
  const describe = median(200, (i) => emulator.call("DescribeTrainingJob", { TrainingJobName: `job-${String(i % n).padStart(6, "0")}` }));
  line(`${n} jobs: DescribeTrainingJob`, `${(describe * 1000).toFixed(1)} µs`);
}

console.log("Describe beside many resources (median of 500)");
{
  const clock = new VirtualClock({ autoAdvance: false });
  const emulator = createEmulator({ clock });
  emulator.call("CreateTrainingJob", trainingJob("probe"));
  const before = median(500, () => emulator.call("DescribeTrainingJob", { TrainingJobName: "probe" }));
  for (let t = 0; t < 500; t++) {
    emulator.call("CreateHyperParameterTuningJob", {
      HyperParameterTuningJobName: `tune-${t}`,
      HyperParameterTuningJobConfig: {
        Strategy: "Random",
        ResourceLimits: { MaxNumberOfTrainingJobs: 20, MaxParallelTrainingJobs: 20 },
        HyperParameterTuningJobObjective: { Type: "Maximize", MetricName: "validation:auc" },
        ParameterRanges: { ContinuousParameterRanges: [{ Name: "eta", MinValue: "0.1", MaxValue: "0.5" }] },
      },
      TrainingJobDefinition: {
        AlgorithmSpecification: {
          TrainingImage: IMAGE,
          TrainingInputMode: "File",
          MetricDefinitions: [{ Name: "validation:auc", Regex: "auc=(.*)" }],
        },
        RoleArn: ROLE,
        OutputDataConfig: { S3OutputPath: "s3://bucket/output/" },
        ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
    });
  }
  await clock.advance(60_000);
  const tuned = median(500, () => emulator.call("DescribeTrainingJob", { TrainingJobName: "probe" }));
  line("DescribeTrainingJob, empty store", `${(before * 1000).toFixed(1)} µs`);
  line("DescribeTrainingJob beside 500 tuning jobs (10 000 children)", `${(tuned * 1000).toFixed(1)} µs`);
  emulator.call("CreateModel", { ModelName: "m", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE } });
  emulator.call("CreateEndpointConfig", {
    EndpointConfigName: "c",
    ProductionVariants: [{ VariantName: "v", ModelName: "m", InstanceType: "ml.m5.large", InitialInstanceCount: 1 }],
  });
  for (let e = 0; e < 10_000; e++) emulator.call("CreateEndpoint", { EndpointName: `ep-${e}`, EndpointConfigName: "c" });
  const hosted = median(500, () => emulator.call("DescribeTrainingJob", { TrainingJobName: "probe" }));
  line("... and beside 10 000 endpoints", `${(hosted * 1000).toFixed(1)} µs`);
}
