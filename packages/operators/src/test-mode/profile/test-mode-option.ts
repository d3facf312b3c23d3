import { MaxRuntimeExceededError } from "../../errors/index.js";
import type { JobKind } from "../../job-kinds/job-kind.js";
import type { CheckClient } from "../checks/output-check.js";
import { parseS3Uri, s3Reader } from "../checks/internal/s3-objects.js";
import { applyTestMode, type TestModeChange, type TestModeJobKind, type TestModeProfile } from "./apply-test-mode.js";

/** The operators' `testMode` option as an object: a {@link TestModeProfile}, and what to accept of a shrunk job. */
export interface TestModeOptions extends TestModeProfile {
  /**
   * Count a training job that SageMaker stopped at its runtime cap (`Stopped`, secondary status
   * `MaxRuntimeExceeded`) as a success when its model artifact (`ModelArtifacts.S3ModelArtifacts`)
   * is in S3: a short test-mode cap often ends a training script early, after it saved a model.
   * Needs `s3`. Without it, or when the artifact is missing, `MaxRuntimeExceededError` is thrown as
   * usual; other job kinds at their cap always throw it.
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
export interface JobTestMode<Input> {
  readonly request: Input;
  readonly changes: readonly TestModeChange[];
  readonly testModeKind: TestModeJobKind;
  readonly s3: CheckClient | undefined;
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
  const { request, changes } = applyTestMode(testModeKind, config as never, profile);
  return { request: request as I, changes, testModeKind, s3: acceptRuntimeCap === true ? s3 : undefined };
}

/**
 * The error's description when the job is a training job stopped at its runtime cap, the option
 * accepts that, and its model artifact is in S3 (HeadObject); otherwise rethrows `err` as it is.
 */
export async function acceptAtRuntimeCap(mode: JobTestMode<unknown>, err: unknown): Promise<MaxRuntimeExceededError["description"]> {
  const { s3 } = mode;
  if (s3 === undefined || mode.testModeKind !== "training" || !(err instanceof MaxRuntimeExceededError)) throw err;
  const artifacts = err.description.ModelArtifacts as { S3ModelArtifacts?: unknown } | undefined;
  const at = typeof artifacts?.S3ModelArtifacts === "string" ? parseS3Uri(artifacts.S3ModelArtifacts) : undefined;
  if (at === undefined) throw err;
  // The job stopped before its code could save a model (Starting, Downloading): nothing to accept.
  if ((await (await s3Reader(s3)).size(at)) === undefined) throw err;
  return err.description;
}
