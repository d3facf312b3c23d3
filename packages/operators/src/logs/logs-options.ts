import type { JobKind } from "../job-kinds/job-kind.js";

/** One line of a job's log, as CloudWatch Logs keeps it. */
export interface JobLogLine {
  /**
   * The log stream the line is in, one per instance (and per restart): `<job>/algo-1-<epoch seconds>`
   * for training and processing jobs, `<job>/<instance id>-<epoch seconds>` for transform jobs.
   */
  readonly stream: string;
  /** When the container wrote the line, epoch milliseconds. */
  readonly timestamp: number;
  readonly message: string;
}

/**
 * What sagerun needs of a `CloudWatchLogsClient`: its `send`. Written out here rather than
 * imported, so that this package's published types never name the optional peer
 * `@aws-sdk/client-cloudwatch-logs`: a project that does not stream logs type-checks without it.
 */
export interface LogsClient {
  send(command: never, options?: { readonly abortSignal?: AbortSignal }): Promise<unknown>;
}

/**
 * Stream a job's log lines from CloudWatch Logs while waiting for it, the way the SageMaker Python
 * SDK's `logs=True` and Airflow's `print_log` do: every status check also reads the streams named
 * `<job>/…` in the kind's log group (picking up new ones as instances start), and once the job has
 * ended one last read after `drainSeconds` collects the lines CloudWatch ingested late.
 */
export interface JobLogsOptions {
  /**
   * A `CloudWatchLogsClient` from `@aws-sdk/client-cloudwatch-logs` (an optional peer dependency,
   * loaded only when this option is set) on the same backend as the SageMaker client: on the
   * emulator, `emulator.logsClient(CloudWatchLogsClient)`. On AWS it needs `logs:DescribeLogStreams`
   * and `logs:GetLogEvents` on the kind's log group.
   */
  readonly client: LogsClient;
  /**
   * Called once per line, in timestamp order within each read. If it throws, the wait ends with
   * `WaitFailedError` (`during: "onLine"`), as it does for `onStatusChange`.
   */
  readonly onLine?: (line: JobLogLine) => void;
  /**
   * How many of the last lines read the error of a job that did not complete keeps, as `logTail`.
   * @default 20
   */
  readonly tailLines?: number;
  /**
   * Seconds to wait, on the clock, between seeing the job end and the last read: CloudWatch shows
   * a line some seconds after the container wrote it (the SageMaker Python SDK waits one poll too).
   * @default 5
   */
  readonly drainSeconds?: number;
}

/** {@link JobLogsOptions} after defaults and validation, with the kind's log group. */
export interface ResolvedJobLogs {
  readonly client: LogsClient;
  readonly onLine: ((line: JobLogLine) => void) | undefined;
  readonly tailLines: number;
  readonly drainSeconds: number;
  /** The kind's `logGroup`: `/aws/sagemaker/TrainingJobs`. */
  readonly group: string;
}

const DEFAULT_TAIL_LINES = 20;
const DEFAULT_DRAIN_SECONDS = 5;

/**
 * Checks the `logs` option of a wait for `kind`, once, at the operator's boundary: `undefined`
 * when it is not set; a `TypeError` or `RangeError` naming the field, the value and the fix.
 *
 * @example
 * ```ts
 * resolveJobLogs(trainingJob, { client: logsClient });
 * // { client, onLine: undefined, tailLines: 20, drainSeconds: 5, group: "/aws/sagemaker/TrainingJobs" }
 * ```
 */
export function resolveJobLogs<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  logs: JobLogsOptions | undefined,
): ResolvedJobLogs | undefined {
  if (logs === undefined) return undefined;
  if (typeof logs !== "object" || logs === null) {
    throw new TypeError(`Wait option logs [${String(logs)}] must be an object. Please pass { client: a CloudWatchLogsClient, onLine }.`);
  }
  const { client, onLine } = logs;
  if (typeof client !== "object" || client === null || typeof client.send !== "function") {
    throw new TypeError(
      `Wait option logs.client [${String(client)}] must be a CloudWatchLogsClient. Please pass one on the SageMaker client's ` +
        "backend: emulator.logsClient(CloudWatchLogsClient) on the emulator, new CloudWatchLogsClient({ region }) on AWS.",
    );
  }
  if (onLine !== undefined && typeof onLine !== "function") {
    throw new TypeError(`Wait option logs.onLine [${String(onLine)}] must be a function. Please pass (line) => … or leave it out.`);
  }
  const tailLines = logs.tailLines ?? DEFAULT_TAIL_LINES;
  if (!Number.isInteger(tailLines) || tailLines < 0) {
    throw new RangeError(`Wait option logs.tailLines [${String(tailLines)}] must be a whole number of at least 0. Please pass e.g. 20.`);
  }
  const drainSeconds = logs.drainSeconds ?? DEFAULT_DRAIN_SECONDS;
  if (typeof drainSeconds !== "number" || !Number.isFinite(drainSeconds) || drainSeconds < 0) {
    throw new RangeError(
      `Wait option logs.drainSeconds [${String(drainSeconds)}] must be a finite number of at least 0. Please pass e.g. 5.`,
    );
  }
  if (kind.logGroup === undefined) {
    throw new TypeError(
      `Wait option logs is set, but ${kind.exportName} (${kind.label}s) declares no logGroup to read. ` +
        'Please add the kind\'s CloudWatch Logs group to its descriptor (logGroup: "/aws/sagemaker/TrainingJobs" for training jobs), or leave logs out.',
    );
  }
  return { client, onLine, tailLines, drainSeconds, group: kind.logGroup };
}
