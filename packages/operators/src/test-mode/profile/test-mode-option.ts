import type { JobKind } from "../../job-kinds/job-kind.js";
import type { CheckClient } from "../checks/output-check.js";
import { NO_RUNTIME_CAP, type RuntimeCapAcceptance } from "./accept-runtime-cap.js";
import { applyTestMode, type TestModeChange, type TestModeProfile } from "./apply-test-mode.js";

/** The operators' `testMode` option as an object: a {@link TestModeProfile}, and what to accept of a shrunk job. */
export interface TestModeOptions extends TestModeProfile {
  /**
   * Count a job that SageMaker stopped at its runtime cap as a success when it had written its
   * outputs: a short test-mode cap often ends a script early, after it saved what matters. A
   * training job `Stopped` with secondary status `MaxRuntimeExceeded` whose model artifact
   * (`ModelArtifacts.S3ModelArtifacts`) is in S3; a processing job `Stopped` after running for its
   * whole `MaxRuntimeInSeconds` with an object written since it started under each S3 output
   * (`S3UploadMode: "Continuous"`). Needs `s3`. Otherwise the job's error is thrown as usual.
   * Transform and tuning jobs refuse it with a TypeError: a transform job has no runtime limit,
   * and a tuning job counts its capped training jobs itself and does not say why it stopped. Given
   * to `runPipeline`, it applies to the steps' training and processing jobs only.
   * @default false
   */
  readonly acceptRuntimeCap?: boolean;
  /** The S3 client the model artifact is looked up with (HeadObject): `await backend.s3()`. */
  readonly s3?: CheckClient;
}

/** The operators' `testMode` option: `true` for the default profile, a profile of your own, or `false` for off. */
export type TestModeOption = boolean | TestModeOptions;

/** What test mode did to a job, in the operator's result. */
export interface TestModeReport {
  /** Every change made to the Create request (see `applyTestMode`); empty when it was small already. */
  readonly changes: readonly TestModeChange[];
  /** Set when the job stopped at its runtime cap and was accepted (`acceptRuntimeCap`). */
  readonly acceptedAtRuntimeCap?: true;
}

/** The option resolved for one job: the shrunk request and what to accept. */
export interface JobTestMode<Input> extends RuntimeCapAcceptance {
  readonly request: Input;
  readonly changes: readonly TestModeChange[];
}

/** Marks a `testMode` object as a whole run's (`runPipeline`'s): its `acceptRuntimeCap` skips the kinds without a cap. */
const RUN_WIDE: unique symbol = Symbol("sagerun.testMode.runWide");

/** `option` as `runPipeline` hands it to every step: an object gains the run-wide mark, `true` stays. */
export function runWideTestMode(option: TestModeOption): TestModeOption {
  return typeof option === "object" ? Object.freeze({ ...option, [RUN_WIDE]: true }) : option;
}

/**
 * Checks the `testMode` option alone, whatever the job: it is one of `true`, `false` or an object,
 * and `acceptRuntimeCap` comes with an `s3` client. `runPipeline` calls it before any step runs.
 */
export function checkTestModeOption(option: unknown): TestModeOptions | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return {};
  if (typeof option !== "object" || option === null || Array.isArray(option)) {
    throw new TypeError(`Option testMode [${String(option)}] must be true, false or a test mode profile. Please pass e.g. true.`);
  }
  const { acceptRuntimeCap, s3 } = option as TestModeOptions;
  if (acceptRuntimeCap !== undefined && typeof acceptRuntimeCap !== "boolean") {
    throw new TypeError(`Option testMode.acceptRuntimeCap [${String(acceptRuntimeCap)}] must be a boolean.`);
  }
  if (acceptRuntimeCap === true && typeof (s3 as { send?: unknown } | undefined)?.send !== "function") {
    throw new TypeError(
      `Option testMode.acceptRuntimeCap needs an S3 client to find the model artifact of a job stopped at its runtime cap, and testMode.s3 is [${String(s3)}]. ` +
        "Please pass testMode: { acceptRuntimeCap: true, s3: await backend.s3() }.",
    );
  }
  return option as TestModeOptions;
}

/**
 * Applies the `testMode` option to a job's Create request: undefined when it is off, else the
 * shrunk request, the changes and what `acceptRuntimeCap` needs. Throws a TypeError for a kind
 * without a `testModeKind`, and applyTestMode's errors for a bad profile, before anything is sent.
 *
 * @example
 * ```ts
 * const mode = resolveJobTestMode(trainingJob, config, { maxRuntimeInSeconds: 300 });
 * mode?.request.StoppingCondition; // { MaxRuntimeInSeconds: 300 }
 * ```
 */
export function resolveJobTestMode<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  config: I,
  option: TestModeOption | undefined,
): JobTestMode<I> | undefined {
  const options = checkTestModeOption(option);
  if (options === undefined) return undefined;
  const { testModeKind } = kind;
  if (testModeKind === undefined) {
    throw new TypeError(
      `Option testMode cannot shrink a ${kind.label}: its job kind has no testModeKind. Please leave testMode out for it, or set testModeKind on the kind.`,
    );
  }
  const { acceptRuntimeCap, s3, ...profile } = options;
  const noCap = NO_RUNTIME_CAP[testModeKind];
  if (acceptRuntimeCap === true && noCap !== undefined && !(RUN_WIDE in options)) {
    throw new TypeError(
      `Option testMode.acceptRuntimeCap cannot apply to a ${kind.label}: ${noCap}. Please leave acceptRuntimeCap out for it.`,
    );
  }
  const { request, changes } = applyTestMode(testModeKind, config as never, profile);
  const accepts = acceptRuntimeCap === true && noCap === undefined;
  return { request: request as I, changes, testModeKind, s3: accepts ? s3 : undefined };
}
