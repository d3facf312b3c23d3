import { endOf, pointAt } from "../../lifecycle/timeline.js";
import type { ScheduledChild } from "./schedule.js";

/**
 * [OBS] aws/amazon-sagemaker-examples#2436 and #2437: a tuning job whose children all fail ends
 * "Failed. Reason: No training job succeeded after 5 attempts. Please take a look at the training
 * job failures to get more details." So the tuner gives up after this many failures without a
 * success; [INF] with fewer children than that, after all of them.
 */
export const FAILED_ATTEMPTS_LIMIT = 5;

const finalStatus = (child: ScheduledChild): string => pointAt(child.timeline, Infinity).state.status;

/**
 * When the tuner gives up: the end of the FAILED_ATTEMPTS_LIMIT-th failed child (or of the last
 * child, when there are fewer), provided no child completed before. [INF] a completion at the same
 * instant as that failure counts first.
 */
export function failureCut(children: readonly ScheduledChild[], total: number): number | undefined {
  const needed = Math.min(FAILED_ATTEMPTS_LIMIT, total);
  const ended = [...children].sort(
    (a, b) =>
      endOf(a.timeline) - endOf(b.timeline) ||
      Number(finalStatus(a) !== "Completed") - Number(finalStatus(b) !== "Completed") ||
      a.index - b.index,
  );
  let failures = 0;
  for (const child of ended) {
    const status = finalStatus(child);
    if (status === "Completed") return undefined;
    if (status === "Failed" && ++failures === needed) return endOf(child.timeline);
  }
  return undefined;
}

/** The number of failed children when none completed (and some failed): a natural end that is a failure. */
export function failuresWithoutSuccess(children: readonly ScheduledChild[]): number | undefined {
  const statuses = children.map(finalStatus);
  const failures = statuses.filter((status) => status === "Failed").length;
  return statuses.includes("Completed") || failures === 0 ? undefined : failures;
}

/** [OBS] the text of aws/amazon-sagemaker-examples#2436; [INF] the count varies with the attempts. */
export const failureReason = (attempts: number): string =>
  `No training job succeeded after ${attempts} attempts. Please take a look at the training job failures to get more details.`;
