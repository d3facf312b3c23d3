/**
 * `pnpm bench`: what waiting costs in wall time when the job runs on virtual time. A 2-hour
 * training job polled every 30 s through runTrainingJob (the real SDK client against the
 * in-process emulator), several runs; then 100 such jobs at once on one emulator. Prints figures;
 * asserts nothing.
 */
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { createBackend, runTrainingJob } from "@sagerun/operators";
import { sampleTrainingConfig } from "../demo/sample-config.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const RUNS = 7;
const CONCURRENT = 100;
const durations = { startingSeconds: 60, downloadingSeconds: 30, trainingSeconds: 7200, uploadingSeconds: 30 };

/** Counts DescribeTrainingJob calls with an SDK middleware. */
function countDescribes(client: SageMakerClient): () => number {
  let n = 0;
  client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === "DescribeTrainingJobCommand") n++;
      return next(args);
    },
    { step: "initialize", name: "benchDescribeCounter" },
  );
  return () => n;
}

// The bench measures the host's wall time on purpose: performance.now() is the instrument here.
async function timed(jobs: number): Promise<{ ms: number; describes: number; virtualMinutes: number }> {
  const { client, clock } = await createBackend({ backend: "emulator", emulator: { durations } });
  const describes = countDescribes(client);
  const virtualStart = clock.now();
  const start = performance.now();
  const names = Array.from({ length: jobs }, (_, i) => `bench-${i}`);
  await Promise.all(
    names.map((name) => runTrainingJob(sampleTrainingConfig({ TrainingJobName: name }), { client, clock, checkIntervalSeconds: 30 })),
  );
  return { ms: performance.now() - start, describes: describes(), virtualMinutes: (clock.now() - virtualStart) / 60_000 };
}

const round = (ms: number): string => ms.toFixed(1);

await timed(1); // warm-up: module loading and JIT, not counted
const runs: Awaited<ReturnType<typeof timed>>[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await timed(1));
const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
const first = runs[0]!;
console.log(`one 2-hour job (${Math.round(first.virtualMinutes)} virtual min), 30 s polls, ${RUNS} runs`);
console.log(`  wall ms   median ${round(ms[Math.floor(RUNS / 2)]!)}  min ${round(ms[0]!)}  max ${round(ms[RUNS - 1]!)}`);
console.log(`  Describe calls per run ${first.describes} (1 name check + ${first.describes - 1} status checks)`);

const many = await timed(CONCURRENT);
console.log(`${CONCURRENT} concurrent 2-hour jobs on one emulator`);
console.log(`  wall ms ${round(many.ms)}  Describe calls ${many.describes}  (${round(many.ms / many.describes)} ms per call)`);
