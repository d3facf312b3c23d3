/**
 * Benchmark 4, scale: what a call costs as the store grows (1k, 10k, 100k training jobs), and
 * Describe beside many tuning children and endpoints. In-process `emulator.call`, so the figures
 * are the store's, not the SDK's. Run under `node --expose-gc` for the heap figure.
 */
import { VirtualClock } from "@sagerun/transport";
import { performance } from "node:perf_hooks";
import { createEmulator, type Emulator } from "../src/index.js";
import { IMAGE, ROLE, trainingJob, tuningJob } from "./requests.js";
import { interleaved, median, msPerSyncCall } from "./stats.js";
import { duration, rate, ratio, type Row } from "./table.js";

const BENCH = "4. Scale";
const jobName = (i: number) => `job-${String(i).padStart(6, "0")}`;

export interface ScaleSettings {
  readonly sizes: readonly number[];
  /** Calls timed one by one for each List figure; the median is reported. */
  readonly listCalls: number;
  readonly passes: number;
  readonly describeRounds: number;
}

/** The List requests the issue names, 100 a page except the default. */
const LISTS = {
  "default (no parameters: 10 a page)": {},
  "NameContains '42', 100 a page": { NameContains: "42", MaxResults: 100 },
  "StatusEquals Completed, 100 a page": { StatusEquals: "Completed", MaxResults: 100 },
  "SortBy CreationTime Descending, 100 a page": { SortBy: "CreationTime", SortOrder: "Descending", MaxResults: 100 },
} as const;

interface SizeFigures {
  createsPerSecond: number;
  describeMs: number;
  listMs: Record<keyof typeof LISTS, number>;
  pagingPassMs: number;
  pages: number;
  heapBytesPerJob: number;
}

/** A full collection once pending callbacks have run, so garbage they held is gone too. */
async function gc(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  globalThis.gc?.();
  globalThis.gc?.();
}

/** Median of `calls` calls timed one by one. */
function medianCall(calls: number, fn: (i: number) => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

async function measureSize(n: number, settings: ScaleSettings): Promise<SizeFigures> {
  await gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const clock = new VirtualClock({ autoAdvance: false });
  const emulator = createEmulator({ clock });
  // Creation is spread over virtual time (100 a second), so the listing meets every status.
  const batchRates: number[] = [];
  for (let i = 0; i < n; i += 100) {
    const start = performance.now();
    for (let j = i; j < Math.min(n, i + 100); j++) emulator.call("CreateTrainingJob", trainingJob(jobName(j)));
    batchRates.push((Math.min(n, i + 100) - i) / ((performance.now() - start) / 1000));
    void clock.advance(1_000);
  }
  void clock.advance(400_000);
  await gc();
  const heapBytesPerJob = (process.memoryUsage().heapUsed - heapBefore) / n;

  const describeMs = median(
    Array.from({ length: settings.describeRounds }, (_, round) =>
      msPerSyncCall(1_000, (i) => emulator.call("DescribeTrainingJob", { TrainingJobName: jobName((i * 7919 + round) % n) })),
    ),
  );
  const list = (input: Record<string, unknown>) => emulator.call("ListTrainingJobs", input) as { NextToken?: string };
  const listMs = Object.fromEntries(
    Object.entries(LISTS).map(([label, input]) => [label, medianCall(settings.listCalls, () => list(input))]),
  ) as SizeFigures["listMs"];
  let pages = 0;
  const passes: number[] = [];
  for (let p = 0; p < settings.passes; p++) {
    pages = 0;
    const start = performance.now();
    let token: string | undefined;
    do {
      token = list({ MaxResults: 100, NextToken: token }).NextToken;
      pages++;
    } while (token);
    passes.push(performance.now() - start);
  }
  return { createsPerSecond: median(batchRates), describeMs, listMs, pagingPassMs: median(passes), pages, heapBytesPerJob };
}

/** Three emulators, each holding the probe job: alone, beside tuning jobs' children, beside endpoints. */
async function describeBeside(settings: ScaleSettings, tuningJobs: number, children: number, endpoints: number): Promise<Row[]> {
  const make = () => {
    const clock = new VirtualClock({ autoAdvance: false });
    const emulator = createEmulator({ clock });
    emulator.call("CreateTrainingJob", trainingJob("probe"));
    return { clock, emulator };
  };
  const alone = make();
  const tuned = make();
  for (let t = 0; t < tuningJobs; t++) tuned.emulator.call("CreateHyperParameterTuningJob", tuningJob(`tune-${t}`, children));
  await tuned.clock.advance(60_000);
  const hosted = make();
  hosted.emulator.call("CreateModel", { ModelName: "m", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE } });
  hosted.emulator.call("CreateEndpointConfig", {
    EndpointConfigName: "c",
    ProductionVariants: [{ VariantName: "v", ModelName: "m", InstanceType: "ml.m5.large", InitialInstanceCount: 1 }],
  });
  for (let e = 0; e < endpoints; e++) hosted.emulator.call("CreateEndpoint", { EndpointName: `ep-${e}`, EndpointConfigName: "c" });
  const launched = (tuned.emulator.call("ListTrainingJobs", { MaxResults: 100 }) as { TrainingJobSummaries: unknown[] })
    .TrainingJobSummaries;
  if (launched.length < 2) throw new Error("the tuning jobs launched no training jobs: the comparison would measure nothing");
  // The clock moves a second before every timed Describe, as it does between a server's requests:
  // whatever a request must bring up to date is in its figure.
  const arm = (setup: { clock: VirtualClock; emulator: Emulator }) => () =>
    medianCall(500, () => {
      void setup.clock.advance(1_000);
      setup.emulator.call("DescribeTrainingJob", { TrainingJobName: "probe" });
    });
  const samples = await interleaved(settings.describeRounds, { alone: arm(alone), tuned: arm(tuned), hosted: arm(hosted) });
  const base = median(samples.alone);
  const row = (measure: string, value: number): Row => ({
    bench: BENCH,
    measure,
    sagerun: duration(value),
    peer: `the probe alone ${duration(base)}`,
    ratio: ratio(value, base),
    target: "unaffected (≈ 1×)",
  });
  return [
    row(
      `DescribeTrainingJob beside ${tuningJobs} tuning jobs × ${children} children, clock moving (median of ${settings.describeRounds} × 500)`,
      median(samples.tuned),
    ),
    row(`DescribeTrainingJob beside ${endpoints} endpoints, clock moving`, median(samples.hosted)),
  ];
}

export async function scaleRows(
  settings: ScaleSettings,
  beside: { tuningJobs: number; children: number; endpoints: number },
): Promise<Row[]> {
  // A first, unreported store warms the JIT up, so the smallest size is not the one that pays for it.
  await measureSize(1_000, { ...settings, listCalls: 5, passes: 1, describeRounds: 1 });
  const figures: SizeFigures[] = [];
  for (const n of settings.sizes) figures.push(await measureSize(n, settings));
  const sizes = settings.sizes.map((n) => (n >= 1000 ? `${n / 1000}k` : String(n))).join(" / ");
  const across = (format: (f: SizeFigures) => string) => figures.map(format).join(" / ");
  const rows: Row[] = [
    {
      bench: BENCH,
      measure: `${sizes} training jobs: CreateTrainingJob rate (median of 100-job batches)`,
      sagerun: across((f) => rate(f.createsPerSecond)),
    },
    {
      bench: BENCH,
      measure: `${sizes}: DescribeTrainingJob (median of ${settings.describeRounds} × 1 000)`,
      sagerun: across((f) => duration(f.describeMs)),
    },
    ...Object.keys(LISTS).map((label) => ({
      bench: BENCH,
      measure: `${sizes}: ListTrainingJobs ${label} (median of ${settings.listCalls})`,
      sagerun: across((f) => duration(f.listMs[label as keyof typeof LISTS])),
      target: "< 5 ms at 100k",
    })),
    {
      bench: BENCH,
      measure: `${sizes}: paging through every job, 100 a page (median of ${settings.passes})`,
      sagerun: across((f) => `${duration(f.pagingPassMs)} (${f.pages} pages)`),
    },
    {
      bench: BENCH,
      measure: `${sizes}: heap per stored training job after GC`,
      sagerun: globalThis.gc ? across((f) => `${(f.heapBytesPerJob / 1024).toFixed(1)} KiB`) : "n/a: run under node --expose-gc",
    },
  ];
  return [...rows, ...(await describeBeside(settings, beside.tuningJobs, beside.children, beside.endpoints))];
}
