import type { Random } from "../../random.js";

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

function draw(random: Random, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random.next() * alphabet.length)];
  return out;
}

/** [OBS] execution ids are 12 lower-case letters and digits (docs/fidelity.md §14). */
export const executionId = (random: Random): string => draw(random, LOWER_ALPHANUMERIC, 12);

/** [MODEL] CallbackToken: exactly 10 characters of [a-zA-Z0-9]. */
export const callbackToken = (random: Random): string => draw(random, ALPHANUMERIC, 10);

/**
 * The name a step's job gets: `pipelines-<execution id>-<StepName>-<10 random>` ([OBS]
 * `pipelines-kytlemm1lvpq-PreprocessingStep-cIpzShs3Qp`, aws/amazon-sagemaker-examples#3106).
 * [INF] characters a job name cannot hold (a step name may have `_`) are dropped, and the step
 * name is cut to keep within the kind's limit; where even that leaves no room (tuning jobs' 32),
 * the name is `pipelines-<execution id>-<random>` with as many random characters as fit.
 */
export function jobName(random: Random, execution: string, step: string, maxLength: number): string {
  const head = `pipelines-${execution}-`;
  const cleaned = step.replace(/[^A-Za-z0-9-]/g, "").replace(/^-+|-+$/g, "");
  const room = maxLength - head.length - 1 - 10;
  if (room >= 1 && cleaned.length > 0) return `${head}${cleaned.slice(0, room).replace(/-+$/, "")}-${draw(random, ALPHANUMERIC, 10)}`;
  return `${head}${draw(random, ALPHANUMERIC, Math.max(1, Math.min(10, maxLength - head.length)))}`;
}
