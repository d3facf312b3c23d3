/**
 * The pipeline process of stop-jobs-on-signal.e2e.test.ts: one training job on the in-process
 * emulator, waited for with stopJobsOnSignal() on. Prints its pid, each status it sees and, when
 * the operator rejects, the job's status as the emulator holds it; the signal then ends it.
 */
import { createBackend, runTrainingJob, stopJobsOnSignal, systemClock } from "@sagerun/operators";
import { sampleTrainingConfig } from "../demo/sample-config.js";

process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";
const jobName = process.argv[2] ?? "killed";

stopJobsOnSignal();
// On wall time, so that the job is still running when the test's signal arrives.
const { client, clock, emulator } = await createBackend({ backend: "emulator", emulator: { clock: systemClock } });
console.log(`pid ${process.pid}`);

runTrainingJob(sampleTrainingConfig({ TrainingJobName: jobName }), {
  client,
  clock,
  onStatusChange: (e) => console.log(`status ${e.status}`),
}).then(
  () => console.log("completed"),
  (err: unknown) => {
    console.log(`rejected ${String(err)}`);
    // state() is synchronous: it answers before the process ends, whatever the exit does.
    const jobs = Object.values(emulator?.state() ?? {}).flat() as { TrainingJobName?: string; TrainingJobStatus?: string }[];
    console.log(`job status ${jobs.find((job) => job.TrainingJobName === jobName)?.TrainingJobStatus}`);
  },
);
