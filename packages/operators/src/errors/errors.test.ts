import { describe, expect, it } from "vitest";
import {
  EmulatorNotInstalledError,
  JobFailedError,
  JobStoppedError,
  MaxRuntimeExceededError,
  MaxWaitTimeExceededError,
  NameConflictError,
  SagerunError,
  WaitFailedError,
  WaitTimeoutError,
} from "./index.js";

const job = { jobKind: "training job", jobName: "nightly", description: { TrainingJobName: "nightly" } };

describe("SagerunError.is", () => {
  it("recognises every sagerun error and narrows on the literal code", () => {
    const err: unknown = new JobFailedError({ ...job, status: "Failed", secondaryStatus: "Failed", failureReason: "AlgorithmError: boom" });
    expect(SagerunError.is(err)).toBe(true);
    if (SagerunError.is(err) && err.code === "JobFailed") expect(err.failureReason).toBe("AlgorithmError: boom");
    else expect.unreachable();
  });

  it("recognises an error from another copy of the package through the registry symbol", () => {
    const foreign = Object.assign(new Error("x"), { code: "JobFailed" });
    Object.defineProperty(foreign, Symbol.for("@sagerun/operators/SagerunError"), { value: true });
    expect(SagerunError.is(foreign)).toBe(true);
  });

  it("rejects plain errors, SDK-shaped errors and non-objects", () => {
    expect(SagerunError.is(new Error("x"))).toBe(false);
    expect(SagerunError.is({ name: "ResourceInUse", code: "NameConflict" })).toBe(false);
    expect(SagerunError.is(undefined)).toBe(false);
    expect(SagerunError.is("JobFailed")).toBe(false);
  });
});

describe("error messages", () => {
  it("JobFailedError names the job, the status, the reason and the fix", () => {
    const err = new JobFailedError({ ...job, status: "Failed", secondaryStatus: "Failed", failureReason: "AlgorithmError: boom" });
    expect(err.message).toBe(
      "Training job 'nightly' failed (status Failed): AlgorithmError: boom. Please fix the cause it names " +
        "(the job's CloudWatch logs have the details) and run the job again.",
    );
    expect(err).toMatchObject({
      name: "JobFailedError",
      code: "JobFailed",
      jobName: "nightly",
      status: "Failed",
      description: job.description,
    });
  });

  it("JobStoppedError and MaxRuntimeExceededError say who stopped the job and what to change", () => {
    const stopped = new JobStoppedError({ ...job, status: "Stopped", secondaryStatus: "Stopped" });
    expect(stopped.message).toMatch(/^Training job 'nightly' did not complete: it ended with status Stopped because a stop request/);
    const limit = new MaxRuntimeExceededError({
      ...job,
      status: "Stopped",
      secondaryStatus: "MaxRuntimeExceeded",
      maxRuntimeSeconds: 3600,
    });
    expect(limit.message).toMatch(
      /status Stopped, secondary status MaxRuntimeExceeded\): it ran longer than its StoppingCondition\.MaxRuntimeInSeconds of 3600 s\. Please raise MaxRuntimeInSeconds/,
    );
    expect(limit.code).toBe("MaxRuntimeExceeded");
  });

  it("MaxWaitTimeExceededError tells a spot job's wait limit from a stop request and names MaxWaitTimeInSeconds", () => {
    const spot = new MaxWaitTimeExceededError({
      ...job,
      status: "Stopped",
      secondaryStatus: "MaxWaitTimeExceeded",
      maxWaitTimeSeconds: 7200,
    });
    expect(spot.message).toBe(
      "Training job 'nightly' was stopped by SageMaker (status Stopped, secondary status MaxWaitTimeExceeded): as a managed " +
        "spot training job it did not finish within its StoppingCondition.MaxWaitTimeInSeconds of 7200 s, which counts the " +
        "time spent waiting for spot capacity as well as running. Please raise MaxWaitTimeInSeconds (it must be at least " +
        "MaxRuntimeInSeconds), use CheckpointConfig so that interrupted runs resume, or train on demand (EnableManagedSpotTraining: false).",
    );
    expect(spot).toMatchObject({ name: "MaxWaitTimeExceededError", code: "MaxWaitTimeExceeded", maxWaitTimeSeconds: 7200 });
  });

  it("JobStoppedError says a job being deleted can no longer be judged, instead of blaming a stop request", () => {
    const deleting = new JobStoppedError({ ...job, status: "Deleting", secondaryStatus: "Completed" });
    expect(deleting.message).toBe(
      "Training job 'nightly' did not complete as far as sagerun can tell (status Deleting, secondary status Completed): " +
        "it was deleted after it finished, so its outcome can no longer be read. Please ask whoever deleted it, or run " +
        "the job again under a new name.",
    );
  });

  it("WaitTimeoutError reports the limit, the attempts, the last status and whether the job was stopped", () => {
    const err = new WaitTimeoutError({
      jobKind: "training job",
      kindName: "trainingJob",
      jobName: "nightly",
      limit: "maxWaitSeconds",
      limitValue: 600,
      attempts: 21,
      elapsedMs: 600_000,
      lastStatus: "InProgress",
      lastSecondaryStatus: "Training",
      observedStatuses: { "InProgress/Training": 21 },
      description: undefined,
      stopRequested: true,
    });
    expect(err.message).toBe(
      "Timed out waiting for training job 'nightly': maxWaitSeconds [600] ran out after 21 status checks over 600 s; " +
        "last status InProgress, secondary status Training; sagerun sent a stop request for it (stopOnTimeout). " +
        'Please raise maxWaitSeconds, or set stopOnTimeout: false and wait again later with waitForJob(trainingJob, "nightly", …).',
    );
  });

  it('WaitTimeoutError points at the name the job actually ran under, not onExists: "reattach"', () => {
    const err = new WaitTimeoutError({
      jobKind: "training job",
      kindName: "trainingJob",
      jobName: "nightly-1767225600",
      limit: "maxAttempts",
      limitValue: 3,
      attempts: 3,
      elapsedMs: 60_000,
      lastStatus: "InProgress",
      observedStatuses: {},
      description: undefined,
      stopRequested: false,
    });
    expect(err.message).toContain('waitForJob(trainingJob, "nightly-1767225600", …)');
    expect(err.message).not.toContain("reattach");
  });

  it("WaitFailedError names the job, what failed, whether the job was stopped, and how to resume", () => {
    const cause = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
    const err = new WaitFailedError({
      jobKind: "training job",
      kindName: "trainingJob",
      jobName: "nightly",
      during: "describe",
      detail: "its status check (Describe) failed 8 times in a row",
      lastStatus: "InProgress",
      lastSecondaryStatus: "Training",
      description: undefined,
      stopRequested: true,
      cause,
    });
    expect(err.message).toBe(
      "Failed to wait for training job 'nightly': its status check (Describe) failed 8 times in a row " +
        "(ThrottlingException: Rate exceeded); last status InProgress, secondary status Training; sagerun sent a stop request for it (stopOnError). " +
        'Please fix the cause, or set stopOnError: false and wait again later with waitForJob(trainingJob, "nightly", …).',
    );
    expect(err).toMatchObject({ name: "WaitFailedError", code: "WaitFailed", jobName: "nightly", during: "describe" });
    expect(err.cause).toBe(cause);
  });

  it("NameConflictError quotes Airflow's 'already exists' and lists every policy that avoids the conflict", () => {
    const err = new NameConflictError({ jobKind: "training job", jobName: "nightly", detail: 'onExists: "fail"' });
    expect(err.message).toMatch(/^A training job named 'nightly' already exists \(onExists: "fail"\)\./);
    expect(err.message).toMatch(/onExists: "timestamp".*"increment".*"reattach".*"skip"/);
    expect(err.jobName).toBe("nightly");
  });

  it("passes the cause through", () => {
    const cause = new Error("root");
    expect(new NameConflictError({ jobKind: "training job", jobName: "x", cause }).cause).toBe(cause);
    expect(new EmulatorNotInstalledError({ source: "SAGERUN_BACKEND=emulator", cause }).cause).toBe(cause);
  });
});
