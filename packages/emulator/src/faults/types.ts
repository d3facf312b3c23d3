import type { RuleMatch } from "../options.js";

/**
 * Faults the real service throws at pipelines, injected on purpose (EmulatorOptions.faults, the
 * `--config` file's `faults`, `POST /_sagerun/faults`). Two families:
 *
 * - request faults replace or delay the answer to a request, of any service the emulator serves,
 *   chosen by rate (a seeded draw), by what the request names, and by a window of virtual time;
 * - job faults are read when a training job is created and become part of its plan (a quota
 *   refusal, a failure, spot interruptions), so its status stays a pure function of plan, events
 *   and now (docs/decisions/0002-derived-status.md).
 *
 * Each is documented with its public source in docs/fidelity.md §13.
 */
export type EmulatorFault = RequestFault | JobFault;

/** The services a request fault can name (service-router.ts). */
export type FaultService = "sagemaker" | "s3" | "logs" | "runtime";

/** Which requests a request fault applies to: every given part must fit. */
export interface RequestMatch {
  readonly service?: FaultService;
  /** The operation as the service reads it (`DescribeTrainingJob`, `GetObject`, `InvokeEndpoint`): exact, or a pattern. */
  readonly operation?: string | RegExp;
  /**
   * The resource the request names: a SageMaker `…Name` member (TrainingJobName, EndpointName, …),
   * a Logs `logGroupName`, an S3 bucket, a runtime endpoint. Exact (case-insensitive) or a pattern.
   */
  readonly resource?: string | RegExp;
}

/** When and how often a fault applies; shared by every fault. */
export interface FaultWhen {
  /** The share of matching requests (or created jobs) that get the fault, from a seeded draw. @default 1 */
  readonly rate?: number;
  /** From this instant on the emulator's clock (inclusive): an ISO 8601 timestamp or epoch ms. */
  readonly from?: string | number;
  /** Up to this instant on the emulator's clock (exclusive): an ISO 8601 timestamp or epoch ms. */
  readonly until?: string | number;
}

interface RequestFaultBase extends FaultWhen {
  readonly match?: RequestMatch;
}

export type RequestFault =
  /** The request is refused as throttled: each service's own throttling error (SageMaker: 400 ThrottlingException, "Rate exceeded"). */
  | (RequestFaultBase & { readonly fault: "throttling" })
  /** The request fails on the server side: each service's own 5xx (SageMaker: 500 InternalFailure). */
  | (RequestFaultBase & { readonly fault: "internalFailure" })
  /** The answer is held back `ms` milliseconds of real (wall-clock) time, on a timer: never blocking. */
  | (RequestFaultBase & { readonly fault: "latency"; readonly ms: number });

interface JobFaultBase extends FaultWhen {
  /** Which training jobs, matched at creation as rules are (name, image, hyperparameters). */
  readonly match?: RuleMatch;
}

export type JobFault =
  /**
   * An account quota on instances: CreateTrainingJob is refused with ResourceLimitExceeded when
   * the instances of training jobs running now plus the request's exceed `limit`. Without
   * `instanceType` the limit holds for each instance type on its own.
   */
  | (FaultWhen & { readonly fault: "instanceQuota"; readonly instanceType?: string; readonly limit: number })
  /** The job fails while its instances are provisioned: `CapacityError: Unable to provision requested ML compute capacity. …`. */
  | (JobFaultBase & { readonly fault: "capacityError" })
  /** The job fails `afterSeconds` into training (default: half of it) with `InternalServerError: …`. */
  | (JobFaultBase & { readonly fault: "internalServerError"; readonly afterSeconds?: number })
  /** A managed spot training job loses its instances, once per entry, and starts again. On-demand jobs are never interrupted. */
  | (JobFaultBase & { readonly fault: "spotInterruption"; readonly interruptions: readonly SpotInterruption[] });

export interface SpotInterruption {
  /** Seconds into this attempt's Training phase at which the instances are reclaimed. */
  readonly afterSeconds: number;
  /** Seconds the job then waits for spot capacity (SecondaryStatus Interrupted) before it starts again. @default 60 */
  readonly waitSeconds?: number;
}

/** The request faults' names, and the job faults'. */
export const REQUEST_FAULTS = ["throttling", "internalFailure", "latency"] as const;
export const JOB_FAULTS = ["instanceQuota", "capacityError", "internalServerError", "spotInterruption"] as const;

export function isRequestFault(fault: EmulatorFault): fault is RequestFault {
  return (REQUEST_FAULTS as readonly string[]).includes(fault.fault);
}
