import type { OutputCheckResult } from "../test-mode/checks/output-check.js";
import { subject } from "./format.js";
import { JobError, type JobRef } from "./sagerun-error.js";

/**
 * A finished job's outputs failed one or more of the checks `runChecks` ran on them. The message
 * names each failed check and the value it found, e.g. "Output check metric test:accuracy ≥ 0.9
 * failed: found 0.83"; `results` has every check's result, passed ones too.
 */
export class OutputCheckFailedError extends JobError {
  override readonly name = "OutputCheckFailedError";
  readonly code = "OutputCheckFailed" as const;
  /** Every check's result, in the order run. */
  readonly results: readonly OutputCheckResult[];

  constructor(init: JobRef & { readonly results: readonly OutputCheckResult[] }) {
    const failed = init.results.filter((result) => !result.ok);
    const what = failed.map(({ check, found }, i) => `${i === 0 ? "O" : "o"}utput check ${check} failed: found ${found}`).join("; ");
    super(init, `${what}. ${subject(init)} passed ${init.results.length - failed.length} of ${init.results.length} output checks.`);
    this.results = init.results;
  }
}
