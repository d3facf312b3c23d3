/**
 * The pipeline process of stop-jobs-on-signal.e2e.test.ts: one training job on the in-process
 * emulator, waited for with stopJobsOnSignal() on. Prints its pid, each status it sees, and each
 * Stop request the emulator accepted. With "catch" it also prints the operator's rejection and
 * the job's status as the emulator then holds it; with "top-level-await" nobody catches the
 * rejection, as in the README's example. Either way the signal then ends the process.
 */
import { createBackend, runTrainingJob, stopJobsOnSignal, systemClock } from "@sagerun/operators";
import { sampleTrainingConfig } from "../demo/sample-config.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const [jobName = "killed", mode = "catch"] = process.argv.slice(2);

stopJobsOnSignal();
// On wall time, so that the job is still running when the test's signal arrives.
const { client, clock, emulator } = await createBackend({ backend: "emulator", emulator: { clock: systemClock } });
client.middlewareStack.add(
  (next, context) => async (args) => {
    const answer = await next(args);
    if (context.commandName === "StopTrainingJobCommand") console.log("stop request accepted");
    return answer;
  },
  { step: "initialize", name: "signalChildStopLog" },
);
console.log(`pid ${process.pid}`);

const run = runTrainingJob(sampleTrainingConfig({ TrainingJobName: jobName }), {
  client,
  clock,
  onStatusChange: (e) => console.log(`status ${e.status}`),
});
if (mode === "top-level-await") await run;
run.then(
  () => console.log("completed"),
  (err: unknown) => {
    console.log(`rejected ${String(err)}`);
    // state() is synchronous: it answers before the process ends, whatever the exit does.
    const jobs = Object.values(emulator?.state() ?? {}).flat() as { TrainingJobName?: string; TrainingJobStatus?: string }[];
    console.log(`job status ${jobs.find((job) => job.TrainingJobName === jobName)?.TrainingJobStatus}`);
  },
);
