import { ContainerError } from "./contract.js";

/**
 * The FailureReason of a job whose code threw: a ContainerError keeps its category; anything
 * else is the algorithm failing (the contract: "a thrown error fails the job with
 * `AlgorithmError: <message>`", after SageMaker's own AlgorithmError category).
 */
export function failureReasonOf(error: unknown): string {
  if (error instanceof ContainerError) return error.failureReason;
  return `AlgorithmError: ${error instanceof Error ? error.message : String(error)}`;
}
