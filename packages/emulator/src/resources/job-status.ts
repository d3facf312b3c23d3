/**
 * What training, processing, transform and tuning jobs share about their statuses ([MODEL] the
 * four status enums all end in Completed, Failed and Stopped).
 */

const TERMINAL = new Set(["Completed", "Failed", "Stopped"]);

/** Whether a job in `status` has ended for good: it never leaves a terminal status. */
export function isTerminalJobStatus(status: string): boolean {
  return TERMINAL.has(status);
}

/**
 * A request refused because of the job's status, e.g. StopTrainingJob on a Completed job. [OBS]
 * for training jobs (awslabs/benchmark-ai#928) and transform jobs (grand-challenge client code);
 * [INF] for the other kinds and operations, by analogy (docs/fidelity.md §2.2).
 *
 * @param noun - how SageMaker names the kind mid-sentence: "training job", "tuning job".
 */
export function rejectedInStatus(noun: string, status: string): string {
  return `The request was rejected because the ${noun} is in status ${status}.`;
}
