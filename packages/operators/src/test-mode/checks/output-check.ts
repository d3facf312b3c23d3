import type { LogsClient } from "../../logs/logs-options.js";

/**
 * What a check needs of an `S3Client` (`@aws-sdk/client-s3`) or a `CloudWatchLogsClient`
 * (`@aws-sdk/client-cloudwatch-logs`): its `send`, as `backend.s3()` and `backend.logs()` hand
 * them out. Written out so this package's types never name those optional peers.
 */
export type CheckClient = LogsClient;

/** The clients {@link runChecks} reads outputs with; only the ones its checks need are required. */
export interface CheckClients {
  /** For `artifactExists` and `transformRowCount`: `await backend.s3()`. */
  readonly s3?: CheckClient;
  /** For `logLine`: `await backend.logs()`. */
  readonly logs?: CheckClient;
}

/** What one check found, in words, e.g. `{ check: "metric test:accuracy ≥ 0.9", ok: false, found: "0.83", expected: "≥ 0.9" }`. */
export interface OutputCheckResult {
  /** The check as it reads in messages: its name and its bound. */
  readonly check: string;
  readonly ok: boolean;
  /** What the job left, e.g. `"0.83"`, `"no object at s3://…"`, `"149 rows"`. */
  readonly found: string;
  /** What the check wanted, e.g. `"≥ 0.9"`, `"150 rows (the input's)"`. */
  readonly expected: string;
}

/** The job a check looks at, besides its description (internal). */
export interface CheckedJob {
  /** The kind in words: `"training job"`. */
  readonly jobKind: string;
  readonly jobName: string;
  /** The kind's CloudWatch Logs group, when it has one. */
  readonly logGroup: string | undefined;
}

/** A check's verdict before {@link runChecks} names it. */
export type CheckVerdict = Omit<OutputCheckResult, "check">;

/**
 * One declarative check of a finished job's outputs, built by `artifactExists`, `metric`,
 * `transformRowCount` or `logLine` and run by {@link runChecks}. `D` is the Describe output it
 * reads, so a training check handed a transform job's description does not type-check.
 */
export interface OutputCheck<D> {
  /** The check as it reads in messages, e.g. `"metric test:accuracy ≥ 0.9"`. */
  readonly check: string;
  /** The client it reads with, if any; {@link runChecks} asks for it before running anything. */
  readonly needs: keyof CheckClients | undefined;
  // A property, not a method: strictFunctionTypes then checks `D` contravariantly.
  readonly run: (description: D, job: CheckedJob, clients: CheckClients) => Promise<CheckVerdict>;
}

/** The client `check` needs, or a TypeError that says how to pass it. */
export function clientFor(clients: CheckClients, service: keyof CheckClients, check: string): CheckClient {
  const client = clients[service];
  if (client !== undefined) return client;
  throw new TypeError(
    `Failed to run output check ${check}: it reads ${service === "s3" ? "S3" : "CloudWatch Logs"} and runChecks got no ${service} ` +
      `client. Please pass { ${service}: await backend.${service}() } as runChecks' fourth argument.`,
  );
}

/** "1 object", "3 objects". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
