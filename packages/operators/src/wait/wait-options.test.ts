import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest } from "../../test/fixtures.js";
import { trainingJob } from "../job-kinds/training.js";
import { runTrainingJob } from "../run-training-job.js";
import { waitForJob } from "./wait-for-job.js";
import { resolveWaitOptions } from "./wait-options.js";

describe(resolveWaitOptions.name, () => {
  it("fills in Airflow's 30 s interval, no deadline, no attempt limit, and stop on timeout, error and abort", () => {
    expect(resolveWaitOptions()).toEqual({
      checkIntervalSeconds: 30,
      maxWaitSeconds: Infinity,
      maxAttempts: Infinity,
      stopOnTimeout: true,
      stopOnError: true,
      stopOnAbort: true,
      retry: { maxConsecutiveFailures: 8, baseDelayMs: 1000, maxDelayMs: 30_000, random: Math.random },
      onRetry: undefined,
    });
    expect(resolveWaitOptions({ maxWaitSeconds: 60, stopOnTimeout: false })).toMatchObject({ maxWaitSeconds: 60, stopOnTimeout: false });
  });

  it("caps the retry back-off at the check interval unless retry.maxDelaySeconds says otherwise", () => {
    expect(resolveWaitOptions({ checkIntervalSeconds: 10 }).retry).toMatchObject({ maxDelayMs: 10_000 });
    const random = () => 0.5;
    expect(
      resolveWaitOptions({
        checkIntervalSeconds: 10,
        retry: { maxConsecutiveFailures: Infinity, baseDelaySeconds: 0.2, maxDelaySeconds: 5, random },
      }).retry,
    ).toEqual({ maxConsecutiveFailures: Infinity, baseDelayMs: 200, maxDelayMs: 5000, random });
  });

  it("checks the retry options and onRetry like the others", () => {
    expect(() => resolveWaitOptions({ retry: { maxConsecutiveFailures: 0 } })).toThrow(
      new RangeError(
        "Wait option retry.maxConsecutiveFailures [0] must be greater than 0. Please pass a whole number of transient errors in a row of at least 1, or Infinity (retry until the deadline).",
      ),
    );
    expect(() => resolveWaitOptions({ retry: { maxConsecutiveFailures: 1.5 } })).toThrow(
      /retry.maxConsecutiveFailures \[1.5\] must be a whole number/,
    );
    expect(() => resolveWaitOptions({ retry: { baseDelaySeconds: -1 } })).toThrow(
      /retry.baseDelaySeconds \[-1\] must be a finite number greater than 0/,
    );
    expect(() => resolveWaitOptions({ retry: { maxDelaySeconds: Infinity } })).toThrow(RangeError);
    expect(() => resolveWaitOptions({ retry: { random: 0.5 as unknown as () => number } })).toThrow(
      new TypeError("Wait option retry.random [0.5] must be a function. Please pass one returning numbers in [0, 1), e.g. Math.random."),
    );
    expect(() => resolveWaitOptions({ retry: 3 as unknown as object })).toThrow(/Wait option retry \[3\] must be an object/);
    expect(() => resolveWaitOptions({ onRetry: "log" as unknown as () => void })).toThrow(/Wait option onRetry \[log\] must be a function/);
  });

  it("throws a RangeError naming the option, the value and the fix", () => {
    expect(() => resolveWaitOptions({ checkIntervalSeconds: 0 })).toThrow(
      new RangeError(
        "Wait option checkIntervalSeconds [0] must be a finite number greater than 0. Please pass the seconds between status checks, e.g. 30.",
      ),
    );
    expect(() => resolveWaitOptions({ checkIntervalSeconds: Infinity })).toThrow(RangeError);
    expect(() => resolveWaitOptions({ maxWaitSeconds: -1 })).toThrow(/maxWaitSeconds \[-1\] must be greater than 0/);
    expect(() => resolveWaitOptions({ maxWaitSeconds: Number.NaN })).toThrow(RangeError);
    expect(() => resolveWaitOptions({ maxAttempts: 2.5 })).toThrow(/maxAttempts \[2.5\] must be a whole number/);
    expect(() => resolveWaitOptions({ maxAttempts: 0 })).toThrow(RangeError);
  });

  it("throws a TypeError for a value of the wrong type", () => {
    expect(() => resolveWaitOptions({ checkIntervalSeconds: "30" as unknown as number })).toThrow(
      new TypeError(
        "Wait option checkIntervalSeconds [30] must be a number, not string. Please pass the seconds between status checks, e.g. 30.",
      ),
    );
    expect(() => resolveWaitOptions({ stopOnTimeout: "yes" as unknown as boolean })).toThrow(TypeError);
    expect(() => resolveWaitOptions({ stopOnError: 1 as unknown as boolean })).toThrow(
      new TypeError(
        "Wait option stopOnError [1] must be a boolean. Please pass true (stop the job when waiting fails) or false (leave it running).",
      ),
    );
    expect(() => resolveWaitOptions({ stopOnAbort: "no" as unknown as boolean })).toThrow(
      /Wait option stopOnAbort \[no\] must be a boolean/,
    );
  });
});

describe("wait options are resolved once, by the operator the caller called", () => {
  // A getter counts how often an option is read: runJob, waitForJob and watchJob each used to
  // resolve the same options again, so one call read and checked them three times or more.
  function countingOptions<T extends object>(base: T): { options: T & { readonly checkIntervalSeconds: number }; reads: () => number } {
    let reads = 0;
    const options = Object.defineProperty({ ...base }, "checkIntervalSeconds", {
      enumerable: true,
      get: () => {
        reads++;
        return 30;
      },
    }) as T & { readonly checkIntervalSeconds: number };
    return { options, reads: () => reads };
  }

  it("runTrainingJob reads checkIntervalSeconds once, however many layers wait underneath", async () => {
    const h = emulatorHarness({ durations: { trainingSeconds: 60 } });
    const { options, reads } = countingOptions({ client: h.client, clock: h.clock });
    const { description } = await runTrainingJob(trainingJobRequest(), options);
    expect(description.TrainingJobStatus).toBe("Completed");
    expect(reads()).toBe(1);
  });

  it("waitForJob reads checkIntervalSeconds once", async () => {
    const h = emulatorHarness({ durations: { trainingSeconds: 60 } });
    await runTrainingJob(trainingJobRequest({ TrainingJobName: "waited" }), { client: h.client, clock: h.clock, waitForCompletion: false });
    const { options, reads } = countingOptions({ client: h.client, clock: h.clock });
    expect((await waitForJob(trainingJob, "waited", options)).TrainingJobStatus).toBe("Completed");
    expect(reads()).toBe(1);
  });
});
