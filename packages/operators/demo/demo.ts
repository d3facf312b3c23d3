/**
 * `pnpm demo`: two training jobs on the embedded emulator, on virtual time. The first completes;
 * the second runs into its StoppingCondition.MaxRuntimeInSeconds and SageMaker stops it. The
 * operator code is exactly what would run against AWS; only createBackend's choice differs.
 */
import { createBackend, runTrainingJob, SagerunError, systemClock, type JobStatusEvent } from "@sagerun/operators";
import { sampleTrainingConfig } from "./sample-config.js";

// The SDK warns once that its 2027 releases will need Node 22; the test config silences it too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const { client, clock } = await createBackend({
  backend: "emulator",
  emulator: {
    durations: { startingSeconds: 90, downloadingSeconds: 30, trainingSeconds: 1800, uploadingSeconds: 30 },
    rules: [{ match: { name: "demo-runs-too-long" }, durations: { trainingSeconds: 3 * 3600 } }],
  },
});

const virtualStart = clock.now();
const wallStart = systemClock.now();
const print = (e: JobStatusEvent): void => console.log(`  ${e.time.slice(11, 19)}  ${e.status.padEnd(10)} ${e.secondaryStatus ?? ""}`);

for (const [name, maxRuntime] of [
  ["demo-completes", 86_400],
  ["demo-runs-too-long", 3600],
] as const) {
  console.log(`\n${name}  (MaxRuntimeInSeconds ${maxRuntime}, status checked every 30 s)`);
  const config = sampleTrainingConfig({ TrainingJobName: name, StoppingCondition: { MaxRuntimeInSeconds: maxRuntime } });
  try {
    const { description } = await runTrainingJob(config, { client, clock, onStatusChange: print });
    console.log(`  → completed: ${description.ModelArtifacts?.S3ModelArtifacts} (billable ${description.BillableTimeInSeconds} s)`);
  } catch (err) {
    if (!SagerunError.is(err)) throw err;
    console.log(`  → ${err.name} [${err.code}]: ${err.message}`);
  }
}

const minutes = (clock.now() - virtualStart) / 60_000;
console.log(`\nvirtual time ${Math.floor(minutes / 60)} h ${Math.round(minutes % 60)} min, wall time ${systemClock.now() - wallStart} ms`);
