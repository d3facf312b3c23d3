import { errorCode, isTransientError } from "../internal/aws-errors.js";
import type { JobLogLine } from "./logs-options.js";
import type { LogsReader } from "./logs-reader.js";

/** What one {@link LogFollower.read} found. */
export interface LogRound {
  /** The lines new since the last read, in timestamp order (a stream's ties in its own order). */
  readonly lines: readonly JobLogLine[];
  /**
   * The code of the throttling or transient error that cut the read short, if one did: the lines
   * before it are in `lines`, the rest come with the next read.
   */
  readonly skipped?: string;
}

/** Page sizes; the service's defaults (50 streams, up to 10,000 events or 1 MB) unless a test wants small pages. */
export interface FollowerPaging {
  readonly streamsPerPage?: number;
  readonly eventsPerPage?: number;
}

// AwsLogsHook.get_log_events (Airflow's Amazon provider) gives up on a stream after three empty
// pages in a row whose token still moves: GetLogEvents may answer empty pages before the end.
const MAX_EMPTY_PAGES = 3;

/**
 * Follows every log stream of one job in one log group, as the SageMaker Python SDK's
 * `logs_for_job` and Airflow's `describe_training_job_with_log` do: DescribeLogStreams with the
 * prefix `<job>/` (all pages, every read, so streams that start late or after a spot restart are
 * picked up), then GetLogEvents per stream from its head, continuing from each stream's
 * `nextForwardToken`. A token moves only past events handed out, so every line is read once.
 *
 * A missing group or stream (`ResourceNotFoundException`: the job has not written yet, or this is
 * the account's first job) is no lines. Throttling and 5xx cut a read short, reported in
 * {@link LogRound.skipped}; any other error is thrown.
 *
 * @example
 * ```ts
 * const follower = new LogFollower(await logsReader(logsClient), "/aws/sagemaker/TrainingJobs", "nightly");
 * const { lines } = await follower.read(); // every line so far, then only new ones
 * ```
 */
export class LogFollower {
  readonly #reader: LogsReader;
  readonly #group: string;
  readonly #prefix: string;
  readonly #paging: FollowerPaging;
  /** Every stream seen, in the order found, with where to read on (undefined: from the head). */
  readonly #tokens = new Map<string, string | undefined>();

  constructor(reader: LogsReader, group: string, jobName: string, paging: FollowerPaging = {}) {
    this.#reader = reader;
    this.#group = group;
    // The slash matters: job "nightly" must not read "nightly-2/…". Job names cannot hold one.
    this.#prefix = `${jobName}/`;
    this.#paging = paging;
  }

  /** Reads every stream of the job to its current end; resolves with the lines not read before. */
  async read(signal?: AbortSignal): Promise<LogRound> {
    const found: JobLogLine[][] = [];
    let skipped: string | undefined;
    try {
      for (const name of await this.#listStreams(signal)) if (!this.#tokens.has(name)) this.#tokens.set(name, undefined);
      for (const name of this.#tokens.keys()) {
        const lines: JobLogLine[] = [];
        found.push(lines);
        await this.#readStream(name, lines, signal);
      }
    } catch (err) {
      if (signal?.aborted || !isTransientError(err)) throw err;
      skipped = errorCode(err) ?? "unknown";
    }
    // Array.prototype.sort is stable: lines of one stream with equal timestamps keep their order.
    const lines = found.flat().sort((a, b) => a.timestamp - b.timestamp);
    return skipped === undefined ? { lines } : { lines, skipped };
  }

  async #listStreams(signal: AbortSignal | undefined): Promise<string[]> {
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      let page: Awaited<ReturnType<LogsReader["describeLogStreams"]>>;
      try {
        page = await this.#reader.describeLogStreams(
          {
            logGroupName: this.#group,
            logStreamNamePrefix: this.#prefix,
            orderBy: "LogStreamName",
            ...(this.#paging.streamsPerPage !== undefined && { limit: this.#paging.streamsPerPage }),
            ...(nextToken !== undefined && { nextToken }),
          },
          signal,
        );
      } catch (err) {
        // No group yet: nobody in this account and region has written a job log here.
        if (isResourceNotFound(err)) return names;
        throw err;
      }
      for (const stream of page.logStreams ?? []) if (stream.logStreamName !== undefined) names.push(stream.logStreamName);
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    return names;
  }

  /** Appends the stream's new lines to `into` page by page, moving its token after each page. */
  async #readStream(stream: string, into: JobLogLine[], signal: AbortSignal | undefined): Promise<void> {
    for (let emptyPages = 0; emptyPages < MAX_EMPTY_PAGES; ) {
      const sent = this.#tokens.get(stream);
      let page: Awaited<ReturnType<LogsReader["getLogEvents"]>>;
      try {
        page = await this.#reader.getLogEvents(
          {
            logGroupName: this.#group,
            logStreamName: stream,
            // Required with a forward token too (GetLogEvents API reference).
            startFromHead: true,
            ...(this.#paging.eventsPerPage !== undefined && { limit: this.#paging.eventsPerPage }),
            ...(sent !== undefined && { nextToken: sent }),
          },
          signal,
        );
      } catch (err) {
        if (isResourceNotFound(err)) return;
        throw err;
      }
      const events = page.events ?? [];
      for (const event of events) into.push({ stream, timestamp: event.timestamp ?? 0, message: event.message ?? "" });
      const next = page.nextForwardToken;
      if (next !== undefined) this.#tokens.set(stream, next);
      // At the end GetLogEvents answers the very token it was given.
      if (next === undefined || next === sent) return;
      emptyPages = events.length === 0 ? emptyPages + 1 : 0;
    }
  }
}

function isResourceNotFound(err: unknown): boolean {
  return errorCode(err) === "ResourceNotFoundException";
}
