import type { BackendOptions } from "../backend.js";
import { EndpointWaitTimeoutError, type JsonDescription } from "../errors/index.js";
import type { EndpointWaitGoal } from "../errors/endpoint-errors.js";
import { errorCode, isTransientError } from "../internal/aws-errors.js";
import { checkBackendOptions } from "../internal/check-backend.js";
import { MAX_CONSECUTIVE_TRANSIENT_ERRORS, resolveWaitOptions, type WaitOptions } from "../wait/wait-options.js";
import { describeEndpoint, type EndpointDescription } from "./endpoint-kind.js";

/** One change of `EndpointStatus`, as seen by a status check. */
export interface EndpointStatusEvent {
  readonly type: "status";
  readonly endpointName: string;
  /** The `EndpointStatus`, e.g. `"Creating"`. */
  readonly status: string;
  /** When the status was read, ISO-8601, on the backend's clock (virtual time on the emulator). */
  readonly time: string;
  /** The DescribeEndpoint output it was read from, JSON-safe. */
  readonly description: EndpointDescription;
}

/**
 * How the endpoint operators wait: the job waits' options (`WaitOptions`) that fit an endpoint, on
 * the backend's `client` and `clock`. One deadline covers the whole call, however many waits it takes.
 */
export interface EndpointWaitOptions extends BackendOptions {
  /**
   * Seconds between two DescribeEndpoint calls, on the injected clock. The first runs at once.
   * @default 30 (boto's `endpoint_in_service` waiter delay, Airflow's `CHECK_INTERVAL_SECOND`)
   */
  readonly checkIntervalSeconds?: number;
  /**
   * Give up this many seconds after the call began, measured on the injected clock, with
   * `EndpointWaitTimeoutError`; the endpoint is left as it is. A last check runs exactly at the deadline.
   * @default Infinity (SageMaker itself fails an endpoint whose containers never pass the health check)
   */
  readonly maxWaitSeconds?: number;
  /**
   * Give up after this many status checks, with `EndpointWaitTimeoutError`. Throttling, 5xx answers
   * and dropped connections are retried without spending one (after 1, 2, 4 … s), eight in a row at most;
   * the next one is thrown as the SDK raised it.
   * @default Infinity
   */
  readonly maxAttempts?: number;
  /** Cancels the call: it rejects with `signal.reason` (see each operator for what it cleans up first). */
  readonly signal?: AbortSignal;
  /** Called once per change of `EndpointStatus`, the first status included. What it throws ends the call. */
  readonly onStatusChange?: (event: EndpointStatusEvent) => void;
}

/** Everything an endpoint wait runs with, resolved once at the operator's boundary. */
export interface EndpointWaitRun extends BackendOptions {
  readonly wait: { readonly checkIntervalSeconds: number; readonly maxWaitSeconds: number; readonly maxAttempts: number };
  readonly onStatusChange: ((event: EndpointStatusEvent) => void) | undefined;
}

/**
 * Checks `client`, `clock` and the wait options with the job waits' own rules and messages
 * (`resolveWaitOptions`), before anything is sent.
 */
export function resolveEndpointWait(options: EndpointWaitOptions): EndpointWaitRun {
  const backend = checkBackendOptions(options);
  const given: WaitOptions = {};
  if (options.checkIntervalSeconds !== undefined) given.checkIntervalSeconds = options.checkIntervalSeconds;
  if (options.maxWaitSeconds !== undefined) given.maxWaitSeconds = options.maxWaitSeconds;
  if (options.maxAttempts !== undefined) given.maxAttempts = options.maxAttempts;
  const { checkIntervalSeconds, maxWaitSeconds, maxAttempts } = resolveWaitOptions(given);
  const { onStatusChange } = options;
  if (onStatusChange !== undefined && typeof onStatusChange !== "function") {
    throw new TypeError(`Option onStatusChange [${String(onStatusChange)}] must be a function. Please pass (event) => … or leave it out.`);
  }
  return { ...backend, wait: { checkIntervalSeconds, maxWaitSeconds, maxAttempts }, onStatusChange };
}

/** Polls one endpoint for one operator call; see {@link endpointWaiter}. */
export interface EndpointWaiter {
  /**
   * Checks the endpoint at once, then every `checkIntervalSeconds`, until `done` says so, and
   * returns the description `done` accepted (`undefined`: the endpoint was not found). `done` may
   * throw to end the wait with its verdict.
   */
  until(goal: EndpointWaitGoal, done: (description: EndpointDescription | undefined) => boolean): Promise<EndpointDescription | undefined>;
}

/**
 * The status loop of the endpoint operators. Every `until` of one waiter shares the deadline
 * (from the waiter's creation), the attempt count and the status events, so a call that first
 * waits for an existing endpoint to settle and then for its update is bounded once. The job
 * waits' loop (`wait/watch-job.ts`) is bound to a `JobKind`; this one follows its rules: first
 * check at once, sleeps on the injected clock, a last check on the deadline, transient errors
 * retried without spending attempts.
 */
export function endpointWaiter(endpointName: string, run: EndpointWaitRun, signal: AbortSignal | undefined): EndpointWaiter {
  const { client, clock, wait } = run;
  const started = clock.now();
  const deadline = started + wait.maxWaitSeconds * 1000;
  const intervalMs = wait.checkIntervalSeconds * 1000;
  const observedStatuses: Record<string, number> = {};
  const count = (key: string): void => {
    observedStatuses[key] = (observedStatuses[key] ?? 0) + 1;
  };
  let attempts = 0;
  let last: EndpointDescription | undefined;
  let lastStatus: string | undefined;

  const timeout = (goal: EndpointWaitGoal, limit: "maxWaitSeconds" | "maxAttempts", cause?: unknown): EndpointWaitTimeoutError =>
    new EndpointWaitTimeoutError({
      endpointName,
      goal,
      limit,
      limitValue: wait[limit],
      attempts,
      elapsedMs: clock.now() - started,
      lastStatus,
      observedStatuses: { ...observedStatuses },
      description: last as JsonDescription | undefined,
      cause,
    });

  const check = async (goal: EndpointWaitGoal): Promise<EndpointDescription | undefined> => {
    for (let failures = 1; ; failures++) {
      try {
        return await describeEndpoint(client, endpointName, signal);
      } catch (err) {
        if (signal?.aborted || !isTransientError(err) || failures >= MAX_CONSECUTIVE_TRANSIENT_ERRORS) throw err;
        count(`error ${errorCode(err) ?? "unknown"}`);
        const remaining = deadline - clock.now();
        if (remaining <= 0) throw timeout(goal, "maxWaitSeconds", err);
        await clock.sleep(Math.min(1000 * 2 ** (failures - 1), intervalMs, remaining), signal);
      }
    }
  };

  return {
    async until(goal, done) {
      for (;;) {
        signal?.throwIfAborted();
        const description = await check(goal);
        attempts++;
        const status = description === undefined ? "(not found)" : (description.EndpointStatus ?? "Unknown");
        count(status);
        if (description !== undefined) {
          last = description;
          if (status !== lastStatus) {
            lastStatus = status;
            run.onStatusChange?.({ type: "status", endpointName, status, time: new Date(clock.now()).toISOString(), description });
          }
        }
        if (done(description)) return description;
        if (attempts >= wait.maxAttempts) throw timeout(goal, "maxAttempts");
        const remaining = deadline - clock.now();
        if (remaining <= 0) throw timeout(goal, "maxWaitSeconds");
        await clock.sleep(Math.min(intervalMs, remaining), signal);
      }
    },
  };
}
