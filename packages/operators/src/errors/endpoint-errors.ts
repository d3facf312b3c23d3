import { SagerunError, type JsonDescription } from "./sagerun-error.js";

/** What {@link EndpointFailedError} knows about the endpoint. */
export interface EndpointFailedInit {
  readonly endpointName: string;
  /** The last `EndpointStatus` read; `undefined` when DescribeEndpoint no longer finds the endpoint. */
  readonly status: string | undefined;
  /** SageMaker's `FailureReason`, when it gave one. */
  readonly failureReason?: string | undefined;
  /** The endpoint config that was being deployed: the one created with, or the one an update asked for. */
  readonly endpointConfigName?: string | undefined;
  /** True when an update failed and SageMaker rolled the endpoint back to its previous config. */
  readonly rolledBack?: boolean | undefined;
  /** The last DescribeEndpoint output, JSON-safe; `undefined` when the endpoint is gone. */
  readonly description: JsonDescription | undefined;
  readonly cause?: unknown;
}

// The log group SageMaker hosting writes each endpoint's container logs to
// (https://docs.aws.amazon.com/sagemaker/latest/dg/logging-cloudwatch.html).
const logsOf = (endpointName: string): string => `/aws/sagemaker/Endpoints/${endpointName}`;

function explain(init: EndpointFailedInit): string {
  const endpoint = `Endpoint '${init.endpointName}'`;
  const reason = init.failureReason ?? "SageMaker gave no FailureReason";
  if (init.rolledBack) {
    // A failed UpdateEndpoint rolls back: the endpoint is InService again on its old config, with a
    // FailureReason (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html).
    const previous = typeof init.description?.EndpointConfigName === "string" ? ` '${init.description.EndpointConfigName}'` : "";
    return (
      `${endpoint} was not updated to endpoint config '${init.endpointConfigName ?? "?"}': the update failed and SageMaker ` +
      `rolled it back, so it is ${init.status ?? "InService"} on its previous config${previous}: ${reason}. Please fix the ` +
      `cause it names (${logsOf(init.endpointName)} in CloudWatch Logs has the details) and deploy again.`
    );
  }
  if (init.status === undefined || init.status === "Deleting") {
    const state = init.status === undefined ? "does not exist (DescribeEndpoint could not find it)" : "is being deleted (status Deleting)";
    return `${endpoint} will not be InService: it ${state}. Please deploy it (deployEndpoint), or check who deleted it.`;
  }
  // "DeleteEndpoint is the only operation that can be performed on a failed endpoint"
  // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html).
  return (
    `${endpoint} failed (status ${init.status}): ${reason}. Please fix the cause it names (${logsOf(init.endpointName)} in ` +
    "CloudWatch Logs has the details), delete the endpoint (deleteEndpoint) and deploy again."
  );
}

/**
 * The endpoint will not serve what was asked: it ended `Failed` (or `UpdateRollbackFailed`,
 * `OutOfService`) with SageMaker's `FailureReason`; an update failed and was rolled back
 * (`rolledBack`: the endpoint is `InService` again, on its previous config, so a rolled-back
 * update is never reported as success); or it is being deleted or is gone (`status` `"Deleting"`
 * or `undefined`).
 *
 * @example
 * ```ts
 * catch (err) {
 *   if (err instanceof EndpointFailedError && err.rolledBack) console.warn("still serving the old config:", err.failureReason);
 * }
 * ```
 */
export class EndpointFailedError extends SagerunError {
  override readonly name = "EndpointFailedError";
  readonly code = "EndpointFailed" as const;
  readonly endpointName: string;
  readonly status: string | undefined;
  readonly failureReason: string | undefined;
  readonly endpointConfigName: string | undefined;
  readonly rolledBack: boolean;
  readonly description: JsonDescription | undefined;

  constructor(init: EndpointFailedInit) {
    super(explain(init), { cause: init.cause });
    this.endpointName = init.endpointName;
    this.status = init.status;
    this.failureReason = init.failureReason;
    this.endpointConfigName = init.endpointConfigName;
    this.rolledBack = init.rolledBack ?? false;
    this.description = init.description;
  }
}

/** What an endpoint wait was waiting for, in {@link EndpointWaitTimeoutError}. */
export type EndpointWaitGoal = "InService" | "deleted" | "settled";

/** What {@link EndpointWaitTimeoutError} reports about the wait that ran out. */
export interface EndpointWaitTimeoutInit {
  readonly endpointName: string;
  /** `"InService"`, `"deleted"`, or `"settled"` (no longer Creating or Updating, so it can be changed or deleted). */
  readonly goal: EndpointWaitGoal;
  readonly limit: "maxWaitSeconds" | "maxAttempts";
  readonly limitValue: number;
  /** DescribeEndpoint calls that returned an answer. */
  readonly attempts: number;
  /** Clock time from the start of the operator to the timeout, in milliseconds. */
  readonly elapsedMs: number;
  /** The last `EndpointStatus` read, if any. */
  readonly lastStatus: string | undefined;
  /** How often each status was seen, and each transient error retried (`"error ThrottlingException"`). */
  readonly observedStatuses: Readonly<Record<string, number>>;
  readonly description: JsonDescription | undefined;
  /** The transient error the deadline cut short, if any. */
  readonly cause?: unknown;
}

const GOALS: Readonly<Record<EndpointWaitGoal, { readonly words: string; readonly resume: string }>> = {
  InService: { words: "to be InService", resume: "waitForEndpoint" },
  deleted: { words: "to be deleted", resume: "deleteEndpoint" },
  settled: { words: "to finish its current change", resume: "waitForEndpoint" },
};

/**
 * The endpoint had not reached the goal when `maxWaitSeconds` or `maxAttempts` ran out. sagerun
 * leaves the endpoint as it is (it may still become InService and serve); the message names the
 * call that resumes waiting.
 */
export class EndpointWaitTimeoutError extends SagerunError {
  override readonly name = "EndpointWaitTimeoutError";
  readonly code = "EndpointWaitTimeout" as const;
  readonly endpointName: string;
  readonly goal: EndpointWaitGoal;
  readonly limit: "maxWaitSeconds" | "maxAttempts";
  readonly attempts: number;
  readonly elapsedMs: number;
  readonly lastStatus: string | undefined;
  readonly observedStatuses: Readonly<Record<string, number>>;
  readonly description: JsonDescription | undefined;

  constructor(init: EndpointWaitTimeoutInit) {
    const goal = GOALS[init.goal];
    const last = init.lastStatus === undefined ? "no status was read" : `last status ${init.lastStatus}`;
    super(
      `Timed out waiting for endpoint '${init.endpointName}' ${goal.words}: ${init.limit} [${init.limitValue}] ran out after ` +
        `${init.attempts} status checks over ${Math.round(init.elapsedMs / 1000)} s; ${last}; sagerun left the endpoint as it is. ` +
        `Please raise ${init.limit}, or wait again later with ${goal.resume}(${JSON.stringify(init.endpointName)}, …).`,
      { cause: init.cause },
    );
    this.endpointName = init.endpointName;
    this.goal = init.goal;
    this.limit = init.limit;
    this.attempts = init.attempts;
    this.elapsedMs = init.elapsedMs;
    this.lastStatus = init.lastStatus;
    this.observedStatuses = init.observedStatuses;
    this.description = init.description;
  }
}
