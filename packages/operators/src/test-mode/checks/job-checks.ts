import type { CheckClients, OutputCheck } from "./output-check.js";

/** The operators' `checks` option, checked: what to run after the job and with which clients. */
export interface JobChecks<D> {
  readonly checks: readonly OutputCheck<D>[];
  readonly clients: CheckClients;
}

/**
 * Checks the operators' `checks` and `checkClients` options before anything is created: checks
 * read a finished job, so they need `waitForCompletion`, and each check's client must be given.
 * Undefined when there are no checks.
 */
export function resolveJobChecks<D>(
  checks: readonly OutputCheck<D>[] | undefined,
  clients: CheckClients | undefined,
  waitForCompletion: boolean,
): JobChecks<D> | undefined {
  if (checks === undefined || checks.length === 0) return undefined;
  if (!Array.isArray(checks as unknown)) {
    throw new TypeError(`Option checks [${String(checks)}] must be an array of output checks, e.g. [artifactExists()].`);
  }
  if (!waitForCompletion) {
    throw new TypeError(
      "Option checks reads a finished job's outputs and waitForCompletion is false. Please wait for the job, or leave checks out.",
    );
  }
  const given = clients ?? {};
  for (const { check, needs } of checks) {
    if (needs !== undefined && given[needs] === undefined) {
      throw new TypeError(
        `Option checks has ${check}, which reads ${needs === "s3" ? "S3" : "CloudWatch Logs"}, and checkClients.${needs} is missing. ` +
          `Please pass checkClients: { ${needs}: await backend.${needs}() }.`,
      );
    }
  }
  return { checks, clients: given };
}
