import type { JobKind } from "../job-kinds/job-kind.js";
import { resolveJobTestMode, type JobTestMode, type TestModeOption } from "../test-mode/profile/test-mode-option.js";

/** A job's Create request before it is tagged and sent: its proposed name, and test mode's version of it. */
export interface JobRequest<Input> {
  /** The config's name member, checked to be a non-empty string. */
  readonly name: string;
  /** What will be submitted: test mode's shrunk request, else the config as it is. */
  readonly request: Input;
  /** Test mode resolved for the job; undefined when it is off. */
  readonly testMode: JobTestMode<Input> | undefined;
}

/**
 * Checks the config's name and applies the `testMode` option: what `runJob` submits and what
 * `planJob` shows. Throws a TypeError (or test mode's errors) before anything is sent.
 */
export function resolveJobRequest<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  config: I,
  testModeOption: TestModeOption | undefined,
): JobRequest<I> {
  const name: unknown = config[kind.nameField];
  if (typeof name !== "string" || name === "") {
    throw new TypeError(`The ${kind.label} config's ${kind.nameField} [${String(name)}] must be a non-empty string. Please name the job.`);
  }
  const testMode = resolveJobTestMode(kind, config, testModeOption);
  return { name, request: testMode?.request ?? config, testMode };
}
