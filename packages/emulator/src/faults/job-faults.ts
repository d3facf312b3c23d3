import type { CreateTrainingJobRequest } from "@aws-sdk/client-sagemaker";
import { findRule } from "../lifecycle/rules.js";
import type { Outcome } from "../options.js";
import type { SpotPlan } from "./spot-life.js";
import type { JobFault } from "./types.js";

/** What injected faults add to a new training job's plan. */
export interface TrainingFaultPlan {
  /** A failure that replaces the rules' outcome: CapacityError or InternalServerError. */
  readonly outcome?: Outcome | undefined;
  readonly failsWhileStarting?: true | undefined;
  readonly spot?: SpotPlan | undefined;
}

/**
 * `CapacityError` as SageMaker writes it in FailureReason: [OBS] client code in
 * comic/grand-challenge.org, and aws/sagemaker-python-sdk tests `"CapacityError" in reason`
 * (docs/fidelity.md §5.1, §13).
 */
const CAPACITY_ERROR_REASON =
  "CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.";

/** [OBS] aws/sagemaker-python-sdk#70: "InternalServerError: We encountered an internal error. Please try again." */
const INTERNAL_SERVER_ERROR_REASON = "InternalServerError: We encountered an internal error. Please try again.";

/** [INF] how long a reclaimed spot job waits for capacity when the fault does not say. */
const DEFAULT_SPOT_WAIT_SECONDS = 60;

/**
 * The job faults that fit `request`, as plan inputs: the first failure fault (capacityError,
 * internalServerError) whose match fits and whose draw hits, and for a managed spot job the first
 * spotInterruption fault likewise. `faults` are those whose window and rate let them apply now.
 */
export function trainingFaultPlan(faults: readonly JobFault[], request: CreateTrainingJobRequest): TrainingFaultPlan {
  const subject = {
    name: request.TrainingJobName ?? "",
    image: request.AlgorithmSpecification?.TrainingImage ?? request.AlgorithmSpecification?.AlgorithmName,
    hyperParameters: request.HyperParameters,
  };
  const fits = (fault: JobFault) => !("match" in fault) || findRule([{ match: fault.match ?? {} }], subject) !== undefined;
  let plan: { -readonly [K in keyof TrainingFaultPlan]: TrainingFaultPlan[K] } = {};
  for (const fault of faults) {
    if (fault.fault === "capacityError" || fault.fault === "internalServerError") {
      if (plan.outcome !== undefined || !fits(fault)) continue;
      plan =
        fault.fault === "capacityError"
          ? { ...plan, outcome: { status: "Failed", failureReason: CAPACITY_ERROR_REASON }, failsWhileStarting: true }
          : {
              ...plan,
              outcome: {
                status: "Failed",
                failureReason: INTERNAL_SERVER_ERROR_REASON,
                ...(fault.afterSeconds === undefined ? {} : { afterSeconds: fault.afterSeconds }),
              },
            };
    } else if (fault.fault === "spotInterruption") {
      // Only managed spot training runs on instances that can be reclaimed.
      if (plan.spot !== undefined || request.EnableManagedSpotTraining !== true || !fits(fault)) continue;
      plan.spot = {
        interruptions: fault.interruptions.map((cut) => ({
          afterMs: cut.afterSeconds * 1000,
          waitMs: (cut.waitSeconds ?? DEFAULT_SPOT_WAIT_SECONDS) * 1000,
        })),
        resumes: request.CheckpointConfig?.S3Uri !== undefined,
      };
    }
  }
  return plan;
}
